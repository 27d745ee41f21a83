// Waivers file loader: strict YAML (unknown keys are errors), every waiver needs a reason, approver, ticket and expiry.
#include "common/files.hpp"
#include "common/yaml_reader.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::waivers {
namespace {

class WaiverParser {
 public:
  WaiverParser(std::shared_ptr<const SourceFile> file, Diagnostics& diags)
      : r_(std::move(file), diags, "waivers.") {}

  std::vector<Waiver> Parse() {
    std::vector<Waiver> out;
    auto docs = r_.LoadAll();
    if (!docs) return out;
    if (docs->empty() || (docs->size() == 1 && (*docs)[0].IsNull())) {
      r_.diags().Error(SourcePos{r_.file(), 1, 1}, "waivers.empty",
                       "the waivers file is empty (expected 'waivers:' and a list)");
      return out;
    }
    if (docs->size() > 1) {
      r_.Error((*docs)[1], "several_documents", "a waivers file holds one YAML document");
      return out;
    }
    const YAML::Node& doc = (*docs)[0];
    if (!r_.CheckMap(doc, "a waivers file", {"waivers"})) return out;
    if (!r_.Require(doc, "a waivers file", {"waivers"})) return out;
    const YAML::Node list = doc["waivers"];
    if (list.IsNull()) return out;  // `waivers:` with nothing under it: no waivers
    if (!list.IsSequence()) {
      r_.Error(list, "wrong_type", "'waivers' must be a list, found " + sancheck::Describe(list));
      return out;
    }
    for (const auto& n : list) {
      Waiver w;
      if (ParseWaiver(n, w)) out.push_back(std::move(w));
    }
    return out;
  }

 private:
  YamlReader r_;

  bool ParseWaiver(const YAML::Node& n, Waiver& w) {
    w.pos = r_.Pos(n);
    if (!r_.CheckMap(n, "a waiver",
                     {"scenario", "activity", "rule", "reason", "approved_by", "ticket", "expires"})) {
      return false;
    }
    // Every field of the audit trail is mandatory: a waiver nobody can trace is not a waiver.
    bool ok = r_.Require(n, "a waiver", {"scenario", "reason", "approved_by", "ticket", "expires"});
    ok = Text(n, "scenario", w.scenario) && ok;
    ok = Text(n, "activity", w.activity) && ok;
    ok = Text(n, "rule", w.rule) && ok;
    ok = Text(n, "reason", w.reason) && ok;
    ok = Text(n, "approved_by", w.approved_by) && ok;
    ok = Text(n, "ticket", w.ticket) && ok;
    if (const auto& e = n["expires"]) {
      if (auto d = r_.DateValue(e, "expires")) {
        w.expires = *d;
      } else {
        ok = false;
      }
    }
    return ok;
  }

  // Reads an optional key as non-empty text; absent keys stay empty.
  bool Text(const YAML::Node& n, const char* key, std::string& out) {
    const YAML::Node v = n[key];
    if (!v) return true;
    auto s = r_.String(v, key);
    if (!s) return false;
    if (s->find_first_not_of(" \t") == std::string::npos) {
      r_.Error(v, "empty", std::string("'") + key + "' must not be empty");
      return false;
    }
    out = *s;
    return true;
  }
};

}  // namespace

std::vector<Waiver> ParseWaivers(std::shared_ptr<const SourceFile> file, Diagnostics& diags) {
  return WaiverParser(std::move(file), diags).Parse();
}

}  // namespace sancheck::waivers

std::vector<sancheck::Waiver> sancheck::LoadWaivers(const std::string& path, Diagnostics& diags) {
  auto file = ReadSource(path, diags);
  if (!file) return {};
  return waivers::ParseWaivers(std::move(file), diags);
}
