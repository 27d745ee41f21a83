// `sancheck screen`: screens names against the packs' designation lists and shows candidates with scores and why.
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "common/source_text.hpp"
#include "common/utf8.hpp"
#include "common/visible.hpp"
#include "judge/screening.hpp"
#include "report/screen_results.hpp"
#include "rules/pack_sources.hpp"
#include "rules/rule_set.hpp"
#include "screen/normalize.hpp"
#include "common/json_document.hpp"

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
  std::optional<std::string> as_of;  // as given: an empty one is a bad date
  double threshold = screen::Screener::kPossibleThreshold;
  std::string format = "text";
  bool exhaustive = false;
};

// Whether a name gives screening something to match: a name of punctuation, marks or invisible
// characters alone matches no one, and reporting "no candidate" for it would be a silent clear.
bool Screenable(std::string_view name) { return !screen::NormalizeName(name).tokens.empty(); }

// The names to screen: the arguments, then the file's lines (blank lines and
// lines starting with # are skipped).
bool CollectNames(const ScreenArgs& args, std::vector<std::string>& names) {
  names = args.names;
  for (const auto& name : args.names) {
    if (!IsValidUtf8(name) || !Screenable(name)) {
      std::cerr << "sancheck: error: the name '" << Visible(Utf8Sanitized(name))
                << "' has no letter or digit to screen (or is not UTF-8)\n";
      return false;
    }
  }
  if (args.file.empty()) return true;
  Diagnostics diags;
  auto source = ReadSource(args.file, diags);
  // As every other input: UTF-8 without NUL bytes, or a positioned error.
  if (!source || !CheckSourceText(source, diags, "screen.")) {
    std::cerr << diags.RenderAll();
    return false;
  }
  const std::string& text = source->text;
  // A byte order mark (spreadsheets write one) is no part of the first name.
  size_t start = text.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0 ? kUtf8Bom.size() : 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line_no;
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Lines ended by a carriage return alone (an old Mac file) would run every name into one.
    if (const size_t cr = line.find('\r'); cr != std::string::npos) {
      diags.Error(SourcePos{source, line_no, static_cast<int>(cr) + 1}, "screen.bad_line_end",
                  "a line ended by a carriage return alone: save the file with LF or CRLF line ends");
      std::cerr << diags.RenderAll();
      return false;
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] != '#') {
      if (!Screenable(line)) {
        diags.Error(SourcePos{source, line_no, static_cast<int>(first) + 1}, "screen.bad_name",
                    "the name has no letter or digit to screen");
        std::cerr << diags.RenderAll();
        return false;
      }
      names.push_back(line.substr(first));
    }
    start = end + 1;
  }
  return true;
}

// Screening needs a list, not rules: --no-builtin with --lists alone screens against those
// lists (an OFAC or a company's own list by itself); a --rules pack brings its own list.
judge::PacksAndScreening LoadForScreening(const PackChoice& packs, Diagnostics& diags) {
  const judge::ScreeningSources sources{"", packs.lists};
  if (packs.no_builtin && packs.rules.empty() && !packs.lists.empty()) {
    NoteNoBuiltin();
    judge::PacksAndScreening out;
    out.set = rules::LoadRuleSetFrom({}, diags, {});
    if (out.set) out.screening = judge::LoadScreening(*out.set, sources, diags);
    return out;
  }
  const auto pack_paths = PackPaths(packs);
  if (!pack_paths) return {};
  return judge::LoadPacksAndScreening(*pack_paths, {}, sources, diags);
}

int RunScreen(const ScreenArgs& args) {
  std::optional<Date> as_of = RunDate();
  if (!ReadDateOption("--as-of", args.as_of, as_of)) return kExitError;
  std::string error;
  const auto base = report::MakeScreenQuery({"", args.country, args.born, args.kind, args.imo}, *as_of, error);
  if (!base) return UsageError("--" + error);
  std::vector<std::string> names;
  if (!CollectNames(args, names)) return kExitError;
  if (names.empty() && base->imo.empty()) return UsageError("give names to screen, --file FILE or --imo");
  if (names.empty()) names.push_back("");

  Diagnostics diags;
  auto [set, screening] = LoadForScreening(args.packs, diags);
  if (!set && !diags.HasErrors()) return kExitError;
  if (!set || diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  if (!screening->screener) return UsageError("no designation list to screen against (the packs have none; add --lists)");
  screening->screener->SetExhaustive(args.exhaustive);

  std::vector<screen::Query> queries;
  for (const auto& name : names) {
    queries.push_back(*base);
    queries.back().name = name;
  }
  const report::ScreenOutcome outcome = report::ScreenQueries(*screening, queries, *as_of, args.threshold);
  // Replace rather than throw on a byte that is not UTF-8: the output must never fail half-way.
  const std::string out = args.format == "json"
                              ? JsonDocument(outcome.json)
                              : outcome.text;
  if (!Emit("", out)) return kExitError;
  // As `check`: 1 when something needs a look (a candidate), so a pipeline step
  // screening a list fails closed; 0 when no name has a candidate.
  return outcome.any_candidate ? kExitFindings : kExitOk;
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
