// `sancheck impact`: judge scenarios under two versions of the rule packs and lists; report what got stricter, looser or re-cited.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/git_revision.hpp"
#include "common/visible.hpp"
#include "impact/impact.hpp"
#include "report/impact.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::cli {
namespace {

struct ImpactArgs {
  std::vector<std::string> scenarios;
  PackChoice packs;  ///< the new side, and what both sides share (--no-builtin, --max-designation-age)
  std::vector<std::string> base_rules;
  std::vector<std::string> base_lists;
  std::string base_rev;
  std::string head_rev;
  std::optional<std::string> as_of;  // as given: an empty one is a bad date
  std::string format = "text";
  std::string output;
};

// The paths of one side read from a commit: each becomes the name the revision's reader knows
// it by; a built-in pack's name stays one. A path the commit does not have is an error when it
// was named for this side; one the base side took over from --rules or --lists (`inherited`) is
// left out with a note: a pull request that adds a pack compares it with nothing.
std::optional<std::vector<std::string>> AtRevision(RevisionFiles& rev, const std::string& label,
                                                   const std::vector<std::string>& paths, bool inherited) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p.rfind("builtin:", 0) == 0) {
      out.push_back(p);
      continue;
    }
    std::string error;
    if (const auto name = rev.Add(p, error)) {
      out.push_back(*name);
    } else if (!error.empty()) {
      UsageError(label + ": " + VisibleText(error));
      return std::nullopt;
    } else if (rules::IsBuiltinPackName(p)) {
      out.push_back("builtin:" + p);
    } else if (!inherited) {
      UsageError(label + ": " + VisibleText(p) + " is not in that revision");
      return std::nullopt;
    } else {
      std::cerr << "sancheck: note: " << label << ": " << Visible(p) << " is not in that revision; that side has none\n";
    }
  }
  return out;
}

// One side's library options: its packs and lists, read from a commit when `rev` is given.
// `inherited_rules`, `inherited_lists`: the base side took that path list over from the new side.
std::optional<CheckOptions> SideOptions(PackChoice choice, const std::string& rev, const std::string& label, bool note,
                                        bool inherited_rules, bool inherited_lists) {
  std::shared_ptr<const FileReader> files;
  if (!rev.empty()) {
    const auto from_files = [](const std::vector<std::string>& paths) {
      return std::any_of(paths.begin(), paths.end(), [](const std::string& p) { return p.rfind("builtin:", 0) != 0; });
    };
    // Without a path to read, the commit would be ignored and both sides would be the same.
    if (!from_files(choice.rules) && !from_files(choice.lists)) {
      UsageError(label + " " + VisibleText(rev) + ": no pack or list to read from it (name them with --rules, --lists" +
                 (label == "--base" ? ", --base-rules or --base-lists)" : ")"));
      return std::nullopt;
    }
    std::string error;
    auto opened = RevisionFiles::Open(rev, error);
    if (!opened) {
      UsageError(label + " " + VisibleText(rev) + ": " + error);
      return std::nullopt;
    }
    const auto rules = AtRevision(*opened, label + " " + rev, choice.rules, inherited_rules);
    const auto lists = rules ? AtRevision(*opened, label + " " + rev, choice.lists, inherited_lists) : std::nullopt;
    if (!rules || !lists) return std::nullopt;
    choice.rules = *rules;
    choice.lists = *lists;
    files = opened->reader();
  }
  auto options = CheckOptionsFor(choice, note);
  if (!options) return std::nullopt;
  options->files = files;
  return options;
}

int RunImpact(const ImpactArgs& args) {
  // One day for both sides, fixed once: two runs that each read the clock could straddle midnight.
  std::optional<Date> as_of = RunDate();
  if (!ReadDateOption("--as-of", args.as_of, as_of)) return kExitError;
  if (args.base_rev.empty() && args.head_rev.empty() && args.base_rules.empty() && args.base_lists.empty()) {
    return UsageError("nothing to compare: give --base REV, --base-rules or --base-lists");
  }
  // Each base option stands for its new-side counterpart when not given: what differs is what was named.
  PackChoice base = args.packs;
  if (!args.base_rules.empty()) base.rules = args.base_rules;
  if (!args.base_lists.empty()) base.lists = args.base_lists;
  std::vector<std::string> inputs = args.scenarios;
  for (const PackChoice* side : std::initializer_list<const PackChoice*>{&args.packs, &base}) {
    inputs.insert(inputs.end(), side->rules.begin(), side->rules.end());
    inputs.insert(inputs.end(), side->lists.begin(), side->lists.end());
  }
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  const auto base_options =
      SideOptions(base, args.base_rev, "--base", true, args.base_rules.empty(), args.base_lists.empty());
  if (!base_options) return kExitError;
  const auto new_options = SideOptions(args.packs, args.head_rev, "--head", false, false, false);
  if (!new_options) return kExitError;
  Diagnostics diags;
  auto before = Checker::Load(*base_options, diags);
  auto after = Checker::Load(*new_options, diags);
  std::vector<Scenario> scenarios;
  if (before && after) scenarios = LoadScenariosFor(*after, args.scenarios, diags);
  if (!ShowDiagnostics(diags) || !before || !after) return kExitError;
  impact::Impact impact = impact::BuildImpact(*before, *after, scenarios, as_of);
  impact.base_revision = args.base_rev;
  impact.new_revision = args.head_rev;
  const std::string out = args.format == "json"       ? report::RenderImpactJson(impact)
                          : args.format == "markdown" ? report::RenderImpactMarkdown(impact)
                                                      : report::RenderImpactText(impact);
  if (!Emit(args.output, out)) return kExitError;
  // A looser judgement is what a reviewer must approve: it fails the run, as a finding fails check.
  return impact.NeedsReview() ? kExitFindings : kExitOk;
}

}  // namespace

void AddImpactCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<ImpactArgs>();
  CLI::App* cmd = app.add_subcommand("impact", "Judge scenarios under two versions of the rule packs: what got stricter, looser or re-cited");
  cmd->footer("Each --base-X option defaults to its new-side counterpart (--rules, --lists); --base REV reads\n"
              "the base side's packs and lists from that commit of the repository, --head REV the new side's.\n"
              "Exit status: 0 when no activity became looser, 1 when one did, 2 on an error.");
  cmd->add_option("scenarios", args->scenarios,
                  "Scenario files or folders (searched for *.yaml, *.yml); - reads standard input")
      ->required();
  AddPackOptions(cmd, args->packs, "A rule-pack folder or file of the new side");
  cmd->add_option("--base-rules", args->base_rules,
                  "A rule-pack folder or file of the base side (repeatable; default: the --rules paths)")
      ->allow_extra_args(false);
  cmd->add_option("--base-lists", args->base_lists,
                  "A designation list of the base side (repeatable; default: the --lists files)")
      ->allow_extra_args(false);
  cmd->add_option("--base", args->base_rev, "Read the base side's packs and lists from this git revision (e.g. origin/main)");
  cmd->add_option("--head", args->head_rev, "Read the new side's packs and lists from this git revision (default: the files)");
  cmd->add_option("--as-of", args->as_of, "Judge undated activities as of this date (YYYY-MM-DD; default today)");
  cmd->add_option("--format", args->format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--output,-o", args->output, "Write the report to FILE (atomically) instead of standard output");
  cmd->callback([&runner, args] { runner = [args] { return RunImpact(*args); }; });
}

}  // namespace sancheck::cli
