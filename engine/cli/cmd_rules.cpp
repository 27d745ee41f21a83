// `sancheck rules`: lists the loaded rules (id, verdict, dates, citations) as a table or JSON.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "report/rules_json.hpp"
#include "common/visible.hpp"
#include "judge/checker_impl.hpp"
#include "rules/citations.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"

namespace sancheck::cli {
namespace {

struct RulesArgs {
  PackChoice packs;
  std::string format = "text";
  bool unverified = false;
};

// The citations whose paragraph or wording nobody could check against the text.
std::string UnverifiedList(const std::vector<RuleInfo>& rules, bool json) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string text;
  int count = 0;
  for (const auto& r : rules) {
    for (const auto& c : r.citations) {
      if (c.verified == Verification::kText) continue;
      ++count;
      list.push_back({{"rule", r.id}, {"resolution", c.resolution}, {"paragraph", c.paragraph},
                      {"text", c.text}, {"verified", VerificationName(c.verified)}});
      text += r.id + "  " + rules::ShortCitation(c.resolution, c.paragraph) + "  " +
              std::string(VerificationName(c.verified)) + "\n";
    }
  }
  if (json) return list.dump(2) + "\n";
  return text + std::to_string(count) + " citations not verified against the text\n";
}

int RunRules(const RulesArgs& args) {
  Diagnostics diags;
  auto choice = CheckOptionsFor(args.packs);
  if (!choice) return kExitError;
  CheckOptions& options = *choice;
  auto checker = Checker::Load(options, diags);
  if (!checker) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  std::string out;
  if (args.unverified) {
    out = UnverifiedList(checker->rules(), args.format == "json");
  } else if (args.format == "json") {
    out = report::RulesJson(*checker).dump(2) + "\n";
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
  cmd->add_flag("--unverified", args->unverified,
                "List only the citations not verified against the text (summary or unverified)");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&runner, args] { runner = [args] { return RunRules(*args); }; });
}

}  // namespace sancheck::cli
