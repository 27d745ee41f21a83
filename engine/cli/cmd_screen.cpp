// `sancheck screen`: screens names against the packs' designation lists and shows candidates with scores and why.
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "judge/screening.hpp"
#include "report/lists_json.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::cli {
namespace {

struct ScreenArgs {
  std::vector<std::string> names;
  std::string file;
  PackChoice packs;
  std::string country;
  std::string born;
  std::string kind;
  std::string imo;
  std::string as_of;
  double threshold = screen::Screener::kPossibleThreshold;
  std::string format = "text";
  bool exhaustive = false;
};

// The names to screen: the arguments, then the file's lines (blank lines and
// lines starting with # are skipped).
bool CollectNames(const ScreenArgs& args, std::vector<std::string>& names) {
  names = args.names;
  if (args.file.empty()) return true;
  Diagnostics diags;
  auto source = ReadSource(args.file, diags);
  if (!source) {
    std::cerr << diags.RenderAll();
    return false;
  }
  size_t start = 0;
  const std::string& text = source->text;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] != '#') names.push_back(line.substr(first));
    start = end + 1;
  }
  return true;
}

int RunScreen(const ScreenArgs& args) {
  screen::Query base;
  if (!args.country.empty()) {
    base.country = Country::Parse(args.country);
    if (!base.country) return UsageError("--country: unknown country code '" + args.country + "'");
  }
  if (!args.born.empty()) {
    base.born = BirthDate::Parse(args.born);
    if (!base.born) {
      return UsageError("--born: expected a year (1960) or a date (1960-04-04) from 1900 to 2100, found '" +
                        args.born + "'");
    }
  }
  if (!args.kind.empty()) {
    base.kind = ParsePartyKind(args.kind);
    if (!base.kind) return UsageError("--kind: unknown party kind '" + args.kind + "'");
  }
  if (!args.imo.empty()) {
    if (args.imo.size() != 7 || args.imo.find_first_not_of("0123456789") != std::string::npos) {
      return UsageError("--imo: expected 7 digits, found '" + args.imo + "'");
    }
    base.imo = args.imo;
  }
  Date as_of = Date::Today();
  if (!args.as_of.empty()) {
    auto d = Date::Parse(args.as_of);
    if (!d) return UsageError("--as-of: bad date '" + args.as_of + "' (expected YYYY-MM-DD)");
    as_of = *d;
  }
  std::vector<std::string> names;
  if (!CollectNames(args, names)) return kExitError;
  if (names.empty() && base.imo.empty()) return UsageError("give names to screen, --file FILE or --imo");
  if (names.empty()) names.push_back("");

  Diagnostics diags;
  const auto pack_paths = PackPaths(args.packs);
  if (!pack_paths) return kExitError;
  auto set = rules::LoadRuleSet(*pack_paths, diags);
  std::unique_ptr<judge::Screening> screening;
  if (set) screening = judge::LoadScreening(*set, judge::ScreeningSources{"", args.packs.lists}, diags);
  if (diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  if (!screening->screener) return UsageError("no designation list to screen against (the packs have none; add --lists)");
  screening->screener->SetExhaustive(args.exhaustive);

  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  std::string text;
  bool any = false;
  for (const auto& name : names) {
    screen::Query q = base;
    q.name = name;
    const auto candidates = screening->screener->Screen(q, as_of, args.threshold);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    text += (name.empty() ? "IMO " + base.imo : name) + "\n";
    if (candidates.empty()) text += "  no candidate at or above " + std::to_string(args.threshold).substr(0, 4) + "\n";
    for (const auto& c : candidates) {
      any = true;
      const screen::Designation& d = *c.designation;
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", c.score);
      text += "  " + std::string(score) + "  " + std::string(screen::StrengthName(c.strength)) + "  " +
              d.reference + "  " + d.name + " (" + screening->lists.at(d.list).name + ", listed " +
              d.listed_on.ToString() + ")\n" +
              "        matched \"" + c.matched_name + "\": " + c.why + "\n";
      const std::string& list_name = screening->lists.at(d.list).name;
      list.push_back({{"reference", d.reference},
                      {"name", d.name},
                      {"list", list_name},
                      {"regime", d.regime},
                      {"kind", screen::DesignationKindName(d.kind)},
                      {"listed_on", d.listed_on.ToString()},
                      {"score", c.score},
                      {"strength", screen::StrengthName(c.strength)},
                      {"matched_name", c.matched_name},
                      {"why", c.why}});
    }
    results.push_back({{"query", name}, {"candidates", list}});
  }
  nlohmann::ordered_json root;
  root["as_of"] = as_of.ToString();
  root["designations_snapshot"] = screening->snapshot;
  root["lists"] = report::ListsJson(screening->lists);
  root["thresholds"] = {{"match", screen::Screener::kMatchThreshold}, {"possible", screen::Screener::kPossibleThreshold}};
  root["results"] = results;
  // Replace rather than throw on a byte that is not UTF-8: the output must never fail half-way.
  const std::string out =
      args.format == "json" ? root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" : text;
  if (!Emit("", out)) return kExitError;
  // As `check`: 1 when something needs a look (a candidate), so a pipeline step
  // screening a list fails closed; 0 when no name has a candidate.
  return any ? kExitFindings : kExitOk;
}

}  // namespace

void AddScreenCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* cmd = app.add_subcommand("screen", "Screen names against the UN 1718 designations (candidates, scores and why)");
  cmd->footer("Exit status: 0 when no name has a candidate, 1 when some name has one (as check exits 1 on a\nfinding), 2 when the screening could not be done.");
  cmd->add_option("names", args->names, "Names to screen");
  cmd->add_option("--file", args->file, "A file with one name per line (# starts a comment)");
  AddPackOptions(cmd, args->packs, "A rule-pack folder or file with a designation list");
  cmd->add_option("--country", args->country, "The party's country (nationality, seat or flag), ISO alpha-2");
  cmd->add_option("--born", args->born, "Year or date of birth (individuals)");
  cmd->add_option("--kind", args->kind, "Party kind: individual, company, vessel, ...");
  cmd->add_option("--imo", args->imo, "IMO number (vessels)");
  cmd->add_option("--as-of", args->as_of, "Only designations listed on or before this date (default today)");
  cmd->add_option("--threshold", args->threshold, "Lowest score to show (default: the possible-match threshold)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--exhaustive", args->exhaustive,
                "Score every listed name instead of the index's candidates (slow; the reference the index is checked against)");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&runner, args] { runner = [args] { return RunScreen(*args); }; });
}

}  // namespace sancheck::cli
