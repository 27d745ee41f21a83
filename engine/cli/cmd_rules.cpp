// `sancheck rules`: lists the loaded rules (id, verdict, dates, citations) as a table or JSON.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/visible.hpp"
#include "rules/citations.hpp"
#include "sancheck/checker.hpp"

namespace sancheck::cli {
namespace {

struct RulesArgs {
  PackChoice packs;
  std::string format = "text";
};

int RunRules(const RulesArgs& args) {
  Diagnostics diags;
  CheckOptions options;
  const auto pack_paths = PackPaths(args.packs);
  if (!pack_paths) return kExitError;
  options.rule_paths = *pack_paths;
  auto checker = Checker::Load(options, diags);
  if (!checker) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : checker->rules()) {
      nlohmann::ordered_json j;
      j["id"] = r.id;
      j["title"] = r.title;
      j["verdict"] = VerdictName(r.verdict);
      j["effective"] = r.effective.ToString();
      j["until"] = r.until ? nlohmann::ordered_json(r.until->ToString()) : nlohmann::ordered_json(nullptr);
      std::vector<std::string> types;
      for (auto t : r.applies_to) types.emplace_back(ActivityTypeName(t));
      j["applies_to"] = types;
      nlohmann::ordered_json cites = nlohmann::ordered_json::array();
      for (const auto& c : r.citations) {
        cites.push_back({{"resolution", c.resolution}, {"paragraph", c.paragraph}, {"text", c.text}});
      }
      j["citations"] = cites;
      std::vector<std::string> kinds;
      for (const auto& e : r.exemptions) kinds.emplace_back(ExemptionKindName(e.kind));
      j["exemptions"] = kinds;
      j["when"] = r.condition;
      j["message"] = r.message;
      list.push_back(j);
    }
    nlohmann::ordered_json root;
    nlohmann::ordered_json packs = nlohmann::ordered_json::array();
    for (const auto& p : checker->packs()) {
      packs.push_back({{"name", p.name}, {"version", p.version}, {"sha256", p.sha256}});
    }
    root["rule_packs"] = packs;
    root["rules"] = list;
    out = root.dump(2) + "\n";
  } else {
    size_t width = 4;
    for (const auto& r : checker->rules()) width = std::max(width, r.id.size());
    auto pad = [](std::string s, size_t w) { return s.size() < w ? s + std::string(w - s.size(), ' ') : s; };
    out += pad("RULE", width) + "  " + pad("VERDICT", 10) + "  " + pad("IN FORCE", 23) + "  CITATIONS\n";
    for (const auto& r : checker->rules()) {
      std::string cites;
      for (const auto& c : r.citations) cites += (cites.empty() ? "" : "; ") + rules::ShortCitation(c.resolution, c.paragraph);
      const std::string dates = r.effective.ToString() + (r.until ? ".." + r.until->ToString() : " →");
      out += pad(r.id, width) + "  " + pad(std::string(VerdictName(r.verdict)), 10) + "  " + pad(dates, 23) +
             "  " + cites + "\n";
    }
    out += std::to_string(checker->rules().size()) + " rules\n";
  }
  return Emit("", args.format == "json" ? out : VisibleText(out)) ? kExitOk : kExitError;  // pack text, escaped
}

}  // namespace

void AddRulesCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* cmd = app.add_subcommand("rules", "List the loaded rules with verdicts, dates and citations");
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&runner, args] { runner = [args] { return RunRules(*args); }; });
}

}  // namespace sancheck::cli
