// `sancheck lists import|snapshot|diff`: imports sanctions lists into the YAML list format, writes binary snapshots, compares lists.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "common/strings.hpp"
#include "lists/list_diff.hpp"
#include "lists/list_writer.hpp"
#include "lists/ofac_csv.hpp"
#include "lists/own_csv.hpp"
#include "lists/un_xml.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string format;
  std::string output;
  std::string name;
  std::string regime;
  std::optional<std::string> snapshot;  // as given: an empty one is a bad date
};

struct SnapshotArgs {
  std::string list;
  std::string output;
};

struct DiffArgs {
  std::string older;
  std::string newer;
  std::string format = "text";
};

// How an OFAC snapshot's files are named: its primary file holds `word` (case aside), and the
// others hold the parts instead ("data/ofac-sdn.csv" -> "data/ofac-add.csv",
// "data/ofac-sdn_comments.csv"; "cons_prim.csv" -> "cons_add.csv", "cons_comments.csv").
struct OfacNaming {
  lists::OfacList list;
  const char* word;
  const char* add;
  const char* alt;
  const char* comments;
};
constexpr OfacNaming kSdnNaming{lists::OfacList::kSdn, "sdn", "add", "alt", "sdn_comments"};
constexpr OfacNaming kConsolidatedNaming{lists::OfacList::kConsolidated, "prim", "add", "alt", "comments"};

// The naming of OFAC's files a primary file's name shows (the consolidated list's first: its
// files' folder may be named "sdn"), or none.
const OfacNaming* NamingOf(const std::string& path) {
  const std::string base = AsciiLower(std::filesystem::path(path).filename().string());
  if (base.find("cons_prim") != std::string::npos) return &kConsolidatedNaming;
  if (base.find("sdn") != std::string::npos) return &kSdnNaming;
  return nullptr;
}

// The file beside `primary` with `part` in place of the naming's word, found in either case:
// OFAC's archives have named the files SDN.CSV, ADD.CSV, ALT.CSV too, so each letter of the part
// takes the case of the letter of the word it replaces (past the word's last, of its last).
// Absent so, the one file of the folder named so in any case is it (files copied by hand mix
// cases: "SDN.csv" beside "add.csv"). `problem` says why none can be told: two such files, or a
// folder that cannot be listed.
std::string Sibling(const std::string& primary, const OfacNaming& naming, const std::string& part,
                    std::string& problem) {
  problem.clear();
  const std::string word = naming.word;
  const size_t slash = primary.find_last_of('/');
  const size_t at = AsciiLower(primary).rfind(word);
  if (at == std::string::npos || (slash != std::string::npos && at < slash)) return "";
  std::string name = part;
  for (size_t k = 0; k < name.size(); ++k) {
    if (std::isupper(static_cast<unsigned char>(primary[at + std::min(k, word.size() - 1)]))) {
      name[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[k])));
    }
  }
  const std::string expected = primary.substr(0, at) + name + primary.substr(at + word.size());
  std::error_code ec;
  if (std::filesystem::exists(expected, ec) || ec) return expected;
  const std::filesystem::path wanted(expected);
  const std::filesystem::path folder = wanted.has_parent_path() ? wanted.parent_path() : std::filesystem::path(".");
  const std::string lowered = AsciiLower(wanted.filename().string());
  std::string found;
  std::filesystem::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (AsciiLower(it->path().filename().string()) != lowered) continue;
    if (!found.empty()) {
      problem = "two files named '" + wanted.filename().string() + "' in different letter case in '" +
                folder.string() + "': name the files explicitly";
      return expected;
    }
    found = wanted.has_parent_path() ? (folder / it->path().filename()).string() : it->path().filename().string();
  }
  if (ec) {
    problem = "the folder '" + folder.string() + "' cannot be listed to find '" + wanted.filename().string() +
              "' in any letter case (" + ec.message() + "): name the files explicitly";
    return expected;
  }
  return found.empty() ? expected : found;
}

// The comments file beside a primary file, when there is one: OFAC's snapshots before 2013 have
// none. One whose presence cannot be told (a folder that cannot be read, two files of its name
// in different letter case) is named, or `problem` says why, so that the import stops rather
// than going on without it.
std::string CommentsBeside(const std::string& primary, const OfacNaming& naming, std::string& problem) {
  const std::string sibling = Sibling(primary, naming, naming.comments, problem);
  if (sibling.empty() || !problem.empty()) return "";
  std::error_code ec;
  const bool there = std::filesystem::exists(sibling, ec);
  return there || ec ? sibling : std::string();
}

// A usage error inside an importer step: printed, and nothing imported.
std::nullopt_t Refuse(const std::string& message) {
  UsageError(message);
  return std::nullopt;
}

bool PrintDiagnostics(const Diagnostics& diags) {
  if (!diags.items().empty()) std::cerr << diags.RenderAll();
  return !diags.HasErrors();
}

std::optional<screen::DesignationList> ImportFiles(const ImportArgs& args, Diagnostics& diags) {
  std::optional<Date> snapshot;
  if (!ReadDateOption("--snapshot", args.snapshot, snapshot)) return std::nullopt;
  if (args.format == "un-xml") {
    if (args.files.size() != 1) return Refuse("--format un-xml reads one file");
    if (snapshot) return Refuse("--format un-xml takes its snapshot from the file's dateGenerated");
    if (!args.regime.empty()) return Refuse("--format un-xml gives each entry its own UN_LIST_TYPE regime");
    auto file = ReadSource(args.files[0], diags);
    if (!file) return std::nullopt;
    return lists::ImportUnXml(file, diags);
  }
  if (!snapshot) {
    return Refuse("--format " + args.format + " needs --snapshot YYYY-MM-DD (the date the list was taken: the file has none)");
  }
  if (args.format == "csv") {
    if (args.files.size() != 1) return Refuse("--format csv reads one file");
    auto file = ReadSource(args.files[0], diags);
    if (!file) return std::nullopt;
    return lists::ImportOwnCsv(file, *snapshot, args.regime.empty() ? "own" : args.regime, diags);
  }
  // ofac-csv: the sdn (or cons_prim) file alone (add, alt and any comments beside it), or the
  // sdn, add, alt and optionally comments files in that order.
  std::vector<std::string> paths = args.files;
  const OfacNaming* naming = paths.empty() ? nullptr : NamingOf(paths[0]);
  if (paths.size() == 1) {
    if (!naming) {
      return Refuse("--format ofac-csv: '" + paths[0] +
                    "' is named neither sdn nor cons_prim, so its add and alt files cannot be found; name the "
                    "sdn, add and alt files explicitly");
    }
    std::string problem;
    for (const char* part : {naming->add, naming->alt}) {
      const std::string sibling = Sibling(paths[0], *naming, part, problem);
      if (!problem.empty()) return Refuse("--format ofac-csv: " + problem);
      std::error_code ec;
      if (sibling.empty() || !std::filesystem::exists(sibling, ec)) {
        return Refuse("--format ofac-csv: no " + std::string(part) + " file beside '" + paths[0] + "'" +
                      (sibling.empty() ? "" : " (looked for '" + sibling + "')") +
                      "; name the sdn, add and alt files explicitly");
      }
      paths.push_back(sibling);
    }
    if (std::string comments = CommentsBeside(paths[0], *naming, problem); !comments.empty()) {
      paths.push_back(comments);
    } else if (!problem.empty()) {
      return Refuse("--format ofac-csv: " + problem);
    }
  }
  if (paths.size() != 3 && paths.size() != 4) {
    return Refuse("--format ofac-csv reads the sdn file, or the sdn, add, alt (and sdn_comments) files");
  }
  if (!naming && args.regime.empty()) {
    // The list's consequence is its regime: files named neither way are taken for the SDN list,
    // and said so.
    std::cerr << "sancheck: warning: '" << paths[0]
              << "' is named neither as OFAC's SDN file (sdn) nor as its consolidated list's (cons_prim): "
                 "imported as the SDN list; give --regime and --name for another\n";
  }
  lists::OfacFiles files{ReadSource(paths[0], diags), ReadSource(paths[1], diags), ReadSource(paths[2], diags),
                         paths.size() == 4 ? ReadSource(paths[3], diags) : nullptr,
                         naming ? naming->list : lists::OfacList::kSdn};
  if (!files.sdn || !files.add || !files.alt || (paths.size() == 4 && !files.comments)) return std::nullopt;
  auto list = lists::ImportOfacCsv(files, *snapshot, diags);
  if (!args.regime.empty()) {
    for (auto& d : list.entries) d.regime = args.regime;
  }
  return list;
}

int RunImport(const ImportArgs& args) {
  // The add and alt files found beside an sdn file are inputs too: the output must not replace them.
  std::vector<std::string> inputs = args.files;
  if (args.format == "ofac-csv" && args.files.size() == 1) {
    if (const OfacNaming* naming = NamingOf(args.files[0])) {
      std::string problem;  // said by the import itself
      for (const char* part : {naming->add, naming->alt, naming->comments}) {
        const std::string sibling = Sibling(args.files[0], *naming, part, problem);
        if (!sibling.empty()) inputs.push_back(sibling);
      }
    }
  }
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  // A YAML list under a snapshot's name would be read as YAML, but looks like what it is not.
  if (args.output.ends_with(".bin")) {
    return UsageError("--output " + args.output + ": import writes the YAML list; make its snapshot with "
                      "'sancheck lists snapshot LIST.yaml -o " + args.output + "'");
  }
  Diagnostics diags;
  auto list = ImportFiles(args, diags);
  // The diagnostics first: a file that could not be read has its reason there, and no list.
  if (!PrintDiagnostics(diags) || !list) return kExitError;
  if (!args.name.empty()) list->name = args.name;
  // The loader is the judge of the format: a list it would refuse is never written.
  Diagnostics check;
  const auto yaml = lists::LoadableListYaml(*list, args.output, check);
  if (!yaml) {
    std::cerr << check.RenderAll();
    return kExitError;
  }
  if (!Emit(args.output, *yaml)) return kExitError;
  std::string counts;
  for (const auto& [regime, n] : list->CountsByRegime()) {
    counts += (counts.empty() ? "" : ", ") + (regime.empty() ? "(no regime)" : regime) + " " + std::to_string(n);
  }
  std::cerr << "sancheck: " << list->name << " " << list->snapshot << ": " << list->entries.size()
            << " entries written to " << args.output << " (" << counts << ")\n";
  return kExitOk;
}

// A YAML list's binary snapshot with its prebuilt index: loads in a fraction of the time the
// YAML takes, since no name is parsed or normalised again.
int RunSnapshot(const SnapshotArgs& args) {
  if (!OutputsAreNotInputs({args.output}, {args.list})) return kExitError;
  Diagnostics diags;
  // A list to snapshot may hold a million names: larger than other inputs.
  constexpr uint64_t kMaxListBytes = uint64_t{1} << 30;
  auto file = ReadSource(args.list, diags, kMaxListBytes);
  if (!file) {
    PrintDiagnostics(diags);
    return kExitError;
  }
  if (screen::IsListSnapshot(file->text)) return UsageError(args.list + ": already a snapshot; give the YAML list");
  const auto list = screen::LoadDesignationList(file, diags);
  if (!PrintDiagnostics(diags)) return kExitError;
  const auto index = screen::NameIndex::Build(list.entries);
  if (!Emit(args.output, screen::WriteListSnapshot(list, index))) return kExitError;
  std::cerr << "sancheck: " << list.name << " " << list.snapshot << ": " << list.entries.size() << " entries, "
            << index.names.size() << " indexed names written to " << args.output << "\n";
  return kExitOk;
}

// A list to compare: its YAML, or a binary snapshot of it (streamed, with every field but the
// index's).
std::optional<screen::DesignationList> LoadAnyList(const std::string& path, Diagnostics& diags) {
  if (screen::IsListSnapshotFile(path)) {
    auto snap = screen::LoadListSnapshot(path, diags);
    if (!snap) return std::nullopt;
    return std::move(snap->list);
  }
  auto file = ReadSource(path, diags);
  if (!file) return std::nullopt;
  return screen::LoadDesignationList(file, diags);
}

int RunDiff(const DiffArgs& args) {
  Diagnostics diags;
  const auto older = LoadAnyList(args.older, diags);
  const auto newer = LoadAnyList(args.newer, diags);
  if (!PrintDiagnostics(diags) || !older || !newer) return kExitError;
  const auto diff = lists::DiffLists(*older, *newer);
  const std::string out =
      args.format == "json" ? lists::DiffJson(diff, *older, *newer) : lists::DiffText(diff, *older, *newer);
  if (!Emit("", out)) return kExitError;
  // As diff(1): 0 when the lists hold the same entries, 1 when they differ.
  return diff.Empty() ? kExitOk : kExitFindings;
}

}  // namespace

void AddListsCommand(CLI::App& app, Runner& runner) {
  CLI::App* lists = app.add_subcommand("lists", "Import sanctions lists (UN XML, OFAC CSV, own CSV) and compare snapshots");
  lists->require_subcommand(1);

  auto imp = std::make_shared<ImportArgs>();
  CLI::App* cmd = lists->add_subcommand("import", "Import a list into the YAML designation-list format");
  cmd->footer("ofac-csv reads the sdn file and finds the add and alt files beside it (sdn replaced by add, alt\n"
              "in its name) and the sdn_comments file when there is one, or reads the sdn, add and alt files\n"
              "(and sdn_comments) named in that order. OFAC's consolidated non-SDN list is read the same way\n"
              "from its cons_prim file (cons_add, cons_alt, cons_comments beside it): name ofac-consolidated,\n"
              "regime 'OFAC non-SDN'.\n"
              "Exit status: 0 when written, 2 on any error (nothing is written).");
  cmd->add_option("files", imp->files, "The list's file(s)")->required();
  cmd->add_option("--format", imp->format, "un-xml, ofac-csv or csv (an own list)")
      ->required()
      ->check(CLI::IsMember({"un-xml", "ofac-csv", "csv"}));
  cmd->add_option("--output,-o", imp->output, "The YAML list to write")->required();
  cmd->add_option("--name", imp->name, "The list's name in reports (default un-consolidated, ofac-sdn, ofac-consolidated, or the file's stem)");
  cmd->add_option("--regime", imp->regime, "ofac-csv, csv: the regime of every entry (default 'OFAC SDN', 'OFAC non-SDN' for cons_prim, 'own')");
  cmd->add_option("--snapshot", imp->snapshot, "ofac-csv, csv: the date the list was taken, YYYY-MM-DD (required)");
  cmd->callback([&runner, imp] { runner = [imp] { return RunImport(*imp); }; });

  auto snap = std::make_shared<SnapshotArgs>();
  CLI::App* scmd = lists->add_subcommand("snapshot", "Write a YAML list's binary snapshot (entries and screening index)");
  scmd->footer("The snapshot is accepted wherever a list is (--lists) and loads without re-indexing.\n"
               "Exit status: 0 when written, 2 on any error (nothing is written).");
  scmd->add_option("list", snap->list, "The YAML list")->required();
  scmd->add_option("--output,-o", snap->output, "The snapshot to write (LIST.bin)")->required();
  scmd->callback([&runner, snap] { runner = [snap] { return RunSnapshot(*snap); }; });

  auto diff = std::make_shared<DiffArgs>();
  CLI::App* dcmd = lists->add_subcommand("diff", "Compare two YAML lists by reference: added, removed, amended");
  dcmd->footer("Exit status: 0 when the lists hold the same entries, 1 when they differ, 2 on an error.");
  dcmd->add_option("old", diff->older, "The older list")->required();
  dcmd->add_option("new", diff->newer, "The newer list")->required();
  dcmd->add_option("--format", diff->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  dcmd->callback([&runner, diff] { runner = [diff] { return RunDiff(*diff); }; });
}

}  // namespace sancheck::cli
