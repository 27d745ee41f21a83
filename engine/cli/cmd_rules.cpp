// `sancheck rules`: lists the loaded rules (id, verdict, dates, citations, title) or the packs' named sets, as a table or JSON.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/strings.hpp"
#include "common/utf8.hpp"
#include "common/visible.hpp"
#include "expr/set_members.hpp"
#include "judge/checker_impl.hpp"
#include "report/rules_json.hpp"
#include "rules/citations.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"
#include "common/json_document.hpp"

namespace sancheck::cli {
namespace {

struct RulesArgs {
  PackChoice packs;
  std::string format = "text";
  bool unverified = false;
  bool sets = false;
  std::string pack;  ///< --pack: only this pack's rules and sets
};

// Padded to `width` terminal columns: titles and set members may hold Hangul or Han, which
// take two columns a character, and the dates an arrow of three bytes and one column.
std::string Pad(const std::string& s, size_t width) {
  const size_t w = DisplayWidth(s);
  return w < width ? s + std::string(width - w, ' ') : s;
}

// Rows of cells as columns aligned by display width; the last column is not padded.
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += i + 1 < row.size() ? Pad(row[i], widths[i]) + "  " : row[i];
    out += line + "\n";
  }
  return out;
}

bool InPack(const RulesArgs& args, const std::string& pack) { return args.pack.empty() || pack == args.pack; }

// The citations whose paragraph or wording nobody could check against the text.
std::string UnverifiedList(const std::vector<RuleInfo>& rules, const RulesArgs& args) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string text;
  int count = 0;
  for (const auto& r : rules) {
    if (!InPack(args, r.pack)) continue;
    for (const auto& c : r.citations) {
      if (c.verified == Verification::kText) continue;
      list.push_back({{"rule", r.id}, {"resolution", c.resolution}, {"paragraph", c.paragraph},
                      {"text", c.text}, {"verified", VerificationName(c.verified)}});
      ++count;
      text += r.id + "  " + rules::ShortCitation(c.resolution, c.paragraph) + "  " +
              std::string(VerificationName(c.verified)) + "\n";
    }
  }
  if (args.format == "json") return JsonDocument(list);
  return text + std::to_string(count) + " citations not verified against the text\n";
}

std::string RuleTable(const std::vector<RuleInfo>& rules, const RulesArgs& args) {
  std::vector<std::vector<std::string>> rows{{"RULE", "VERDICT", "IN FORCE", "TITLE", "CITATIONS"}};
  for (const auto& r : rules) {
    if (!InPack(args, r.pack)) continue;
    std::string cites;
    for (const auto& c : r.citations) cites += (cites.empty() ? "" : "; ") + rules::ShortCitation(c.resolution, c.paragraph);
    const std::string dates = r.effective.ToString() + (r.until ? ".." + r.until->ToString() : " →");
    rows.push_back({r.id, std::string(VerdictName(r.verdict)), dates, r.title, cites});
  }
  return Table(rows) + std::to_string(rows.size() - 1) + " rules\n";
}

// The named sets of the loaded packs with their members, as conditions read them ($name).
std::string SetList(const rules::RuleSet& set, const RulesArgs& args) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows{{"SET", "PACK", "TYPE", "MEMBERS"}};
  for (const auto& [name, values] : set.sets) {
    const auto source = set.set_sources.find(name);
    const std::string pack = source == set.set_sources.end() ? "" : source->second.pack;
    if (!InPack(args, pack)) continue;
    const auto members = expr::SetMembers(*values, set.tags);
    std::string joined;
    for (const auto& m : members) joined += (joined.empty() ? "" : ", ") + m;
    const std::string type(expr::TypeName(values->element));
    list.push_back({{"set", name}, {"pack", pack}, {"type", type}, {"members", members}});
    rows.push_back({"$" + name, pack, type, joined});
  }
  if (args.format == "json") return JsonDocument(list);
  return Table(rows) + std::to_string(rows.size() - 1) + " sets\n";
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
  if (!args.pack.empty()) {
    std::vector<std::string> names;
    for (const auto& p : checker->packs()) names.push_back(p.name);
    if (std::find(names.begin(), names.end(), args.pack) == names.end()) {
      std::string loaded;
      for (const auto& n : names) loaded += (loaded.empty() ? "" : ", ") + n;
      return UsageError("--pack: no loaded pack is named '" + VisibleText(args.pack) + "'" +
                        DidYouMean(args.pack, names) + "; loaded: " + loaded);
    }
  }
  std::string out;
  if (args.sets) {
    out = SetList(*checker->impl().set, args);
  } else if (args.unverified) {
    out = UnverifiedList(checker->rules(), args);
  } else if (args.format == "json") {
    nlohmann::ordered_json root = report::RulesJson(*checker);
    if (!args.pack.empty()) {
      nlohmann::ordered_json kept = nlohmann::ordered_json::array();
      for (auto& r : root["rules"]) {
        if (r["id"].get<std::string>().starts_with(args.pack + "/")) kept.push_back(std::move(r));
      }
      root["rules"] = std::move(kept);
    }
    out = JsonDocument(root);
  } else {
    out = RuleTable(checker->rules(), args);
  }
  return Emit("", args.format == "json" ? out : VisibleText(out)) ? kExitOk : kExitError;  // pack text, escaped
}

}  // namespace

void AddRulesCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* cmd = app.add_subcommand("rules", "List the loaded rules with verdicts, dates, citations and titles");
  AddPackOptions(cmd, args->packs);
  cmd->add_flag("--unverified", args->unverified,
                "List only the citations not verified against the text (summary or unverified)");
  cmd->add_flag("--sets", args->sets, "List the named sets of the loaded packs ($name in conditions) with their members");
  cmd->add_option("--pack", args->pack, "Only the rules (or sets) of the loaded pack NAME");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&runner, args] { runner = [args] { return RunRules(*args); }; });
}

}  // namespace sancheck::cli
