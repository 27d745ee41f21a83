// The packs and lists a server judges with, loaded aside and swapped whole on reload.
#include "server/served_engine.hpp"

#include "common/run_clock.hpp"
#include "judge/checker_impl.hpp"

namespace sancheck::server {
bool EngineHolder::Reload(Diagnostics& diags) {
  std::lock_guard<std::mutex> one_at_a_time(reload_mutex_);
  auto checker = Checker::Load(options_, diags);
  if (!checker || diags.HasErrors()) return false;
  auto engine = std::make_shared<ServedEngine>();
  for (const auto& p : checker->packs()) {
    engine->packs += (engine->packs.empty() ? "" : ",") + p.name + "@" + p.version;
  }
  if (const auto& screening = checker->impl().screening) {
    for (const auto& l : screening->lists) {
      engine->lists += (engine->lists.empty() ? "" : ",") + l.name + "@" + l.snapshot;
    }
  }
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
