// The packs and lists a server judges with, loaded aside and swapped whole on reload.
#include "server/served_engine.hpp"

#include "common/run_clock.hpp"
#include "judge/checker_impl.hpp"
#include "lists/import_text.hpp"

namespace sancheck::server {
bool EngineHolder::Reload(Diagnostics& diags) {
  std::lock_guard<std::mutex> one_at_a_time(reload_mutex_);
  std::unique_ptr<Checker> checker;
  // A reload runs on a worker or a signal's thread: whatever goes wrong is a refused reload,
  // never an exception that ends the server.
  try {
    checker = Checker::Load(options_, diags);
  } catch (const std::exception& e) {
    diags.Error({}, "reload.failed", std::string("cannot load the packs and lists: ") + e.what());
  }
  if (!checker || diags.HasErrors()) return false;
  auto engine = std::make_shared<ServedEngine>();
  std::vector<std::string> packs, lists;
  for (const auto& p : checker->packs()) packs.push_back(p.name + "@" + p.version);
  if (const auto& screening = checker->impl().screening) {
    for (const auto& l : screening->lists) lists.push_back(l.name + "@" + l.snapshot);
  }
  engine->packs = lists::Joined(packs, ",");
  engine->lists = lists::Joined(lists, ",");
  engine->loaded_at = TimestampOf(*checker->impl().clock);
  engine->checker = std::move(checker);
  engine->generation = ++generations_;
  std::lock_guard<std::mutex> lock(current_mutex_);
  current_ = std::move(engine);
  return true;
}

std::shared_ptr<const ServedEngine> EngineHolder::Current() const {
  std::lock_guard<std::mutex> lock(current_mutex_);
  return current_;
}

}  // namespace sancheck::server
