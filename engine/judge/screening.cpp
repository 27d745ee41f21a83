// Screening policy: stated designations, list candidates as of a date, clearances set aside but reported.
#include "judge/screening.hpp"

#include "screen/normalize.hpp"
#include "judge/screening_facts.hpp"

#include <cctype>

#include "common/files.hpp"
#include "judge/list_read_ahead.hpp"
#include "lists/ofac_csv.hpp"
#include "screen/designations_loader.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::judge {
namespace {

Match MatchOf(const Screening& screening, const screen::Candidate& c, std::string_view party_id) {
  Match m;
  m.party = std::string(party_id);
  m.reference = c.designation->reference;
  m.name = c.designation->name;
  if (c.designation->list < screening.lists.size()) m.list = screening.lists[c.designation->list].name;
  m.regime = c.designation->regime;
  m.score = c.score;
  m.possible = c.strength != screen::Strength::kMatch;
  m.why = c.why;
  return m;
}

}  // namespace

std::string RegimeTag(std::string_view list_format, std::string_view regime) {
  if (list_format == "ofac-csv") return regime == lists::kOfacConsolidatedRegime ? "ofac-non-sdn" : "ofac";
  if (list_format != "un-xml") return "own-list";
  std::string tag = "un-";
  for (char c : regime) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (tag.back() != '-') {
      tag += '-';
    }
  }
  while (tag.back() == '-') tag.pop_back();
  return tag;
}

namespace {

// The UN DPRK rules judge entries of the UN 1718 list, and those of a pack's own list that
// names no regime (a hand-written pack's designations); OFAC's and own lists' entries with
// DPRK programmes are other authorities' listings, never UN designations.
bool IsUnDprk(const ListInfo& list, const screen::Designation& d) {
  if (list.format == "ofac-csv" || list.format == "csv") return false;
  return d.regime.empty() || d.regime == "DPRK";
}

// A list or clearances file, from the caller's reader when it gave one, else from the disk.
std::shared_ptr<const SourceFile> ReadInput(const std::string& path, const FileReader* files, std::string_view what,
                                            Diagnostics& diags) {
  if (!files) return ReadSource(path, diags);
  std::string error;
  if (auto text = files->Read(path, error)) return std::make_shared<SourceFile>(SourceFile{path, std::move(*text)});
  diags.Error({}, std::string(what) + ".unreadable", path + ": cannot read: " + error);
  return nullptr;
}

}  // namespace

std::unique_ptr<Screening> LoadScreening(const rules::RuleSet& set, const ScreeningSources& sources,
                                         Diagnostics& diags) {
  auto screening = std::make_unique<Screening>();
  // A list file: YAML text, a snapshot's bytes, or (`--lists` on disk) a snapshot's path,
  // streamed rather than read whole.
  struct ListFile {
    std::shared_ptr<const SourceFile> file;
    std::string snapshot_path;
    bool builtin = false;
    screen::ListFileRole role = screen::ListFileRole::kListFile;
  };
  std::vector<ListFile> files;
  for (const auto& file : set.designation_files) {
    files.push_back(ListFile{file, "", set.builtin_designation_files.count(file.get()) > 0, screen::ListFileRole::kPackFile});
  }
  for (const auto& path : sources.list_paths) {
    if (!sources.files && screen::IsListSnapshotFile(path)) {
      files.push_back(ListFile{nullptr, path, false, screen::ListFileRole::kListFile});
    } else if (auto file = ReadInput(path, sources.files, "lists", diags)) {
      files.push_back(ListFile{file, "", false, screen::ListFileRole::kListFile});
    }
  }
  // Every list is read before screening is put together; each stays where it was read, one
  // part of the screener.
  struct Read : ListRead {
    bool builtin = false;
  };
  std::vector<Read> read;
  size_t entries = 0;
  for (const ListFile& f : files) {
    std::optional<ListRead> r;
    if (!f.file) {
      if (auto snap = screen::LoadListSnapshot(f.snapshot_path, diags, screen::EntryText::kForScreening)) {
        r = ListRead{std::move(snap->list), std::move(snap->index)};
      }
    } else if (!sources.read_ahead || !sources.read_ahead->Take(f.file.get(), diags, r)) {
      r = ReadListFile(f.file, f.builtin, f.role, diags);
    }
    if (!r) continue;
    entries += r->list.entries.size();
    read.push_back(Read{std::move(*r), f.builtin});
  }
  screening->dprk.reserve(entries);
  screening->regime_tag.reserve(entries);
  std::vector<screen::Screener::Part> parts;
  for (Read& r : read) {
    screen::DesignationList& list = r.list;
    if (!list.snapshot.empty()) {
      screening->snapshot += (screening->snapshot.empty() ? "" : ", ") + list.snapshot;
      const auto date = Date::Parse(list.snapshot);
      if (date && (!screening->oldest_snapshot || *date < *screening->oldest_snapshot)) {
        screening->oldest_snapshot = date;
      }
    }
    const auto number = static_cast<uint16_t>(screening->lists.size());
    screening->lists.push_back(ListInfo{list.name, list.snapshot, list.source, list.format, list.sha256,
                                        list.entries.size(), r.builtin});
    // Entries come grouped by regime: its tag is looked up when the regime changes.
    const std::string* regime = nullptr;
    int bit = -1;
    for (auto& d : list.entries) {
      d.list = number;
      screening->dprk.push_back(IsUnDprk(screening->lists.back(), d));
      if (!regime || d.regime != *regime) {
        regime = &d.regime;
        bit = set.tags.Find(RegimeTag(list.format, d.regime));
      }
      screening->regime_tag.push_back(static_cast<int16_t>(bit));
    }
    parts.push_back(screen::Screener::Part{std::move(list.entries), std::move(r.index)});
  }
  if (!files.empty()) screening->screener = std::make_unique<screen::Screener>(std::move(parts));
  if (!screening->screener) {
    // Fail closed: without a list no party can be cleared of a designation (judge::Unscreened).
    for (const rules::Rule& rule : set.rules) {
      if (!ReadsScreening(rule)) continue;
      diags.Warning(rule.info.pos, "screening.no_list",
                    "rule '" + rule.info.id + "' reads party designations but no designation list is loaded: a party "
                    "not stated as designated is judged unknown (review); load one with --lists");
      break;
    }
  }
  if (sources.clearances_path.empty()) return screening;
  if (auto file = ReadInput(sources.clearances_path, sources.files, "clearances", diags)) {
    screening->clearances = screen::ParseClearances(file, diags);
  }
  return screening;
}

PacksAndScreening LoadPacksAndScreening(const std::vector<std::string>& pack_paths, rules::LoadOptions options,
                                        ScreeningSources sources, Diagnostics& diags) {
  ListReadAhead read_ahead;
  options.on_parsed = [&](const rules::PackLists& lists) { read_ahead.Start(lists); };
  PacksAndScreening out;
  out.set = rules::LoadRuleSet(pack_paths, diags, options);
  if (!out.set) return out;
  sources.read_ahead = &read_ahead;
  out.screening = LoadScreening(*out.set, sources, diags);
  return out;
}

bool Unscreenable(std::string_view name) { return !name.empty() && screen::NormalizeName(name).tokens.empty(); }

std::vector<screen::Candidate> AllCandidates(const Screening& screening, const screen::Query& q, bool* unscreenable) {
  if (!screening.screener) {
    if (unscreenable) *unscreenable = Unscreenable(q.name);
    return {};
  }
  bool words = true;
  auto out = screening.screener->Screen(q, Date::FromCivil(9999, 12, 31), screen::Screener::kPossibleThreshold,
                                        unscreenable ? &words : nullptr);
  if (unscreenable) *unscreenable = !q.name.empty() && !words;
  return out;
}

PartyStatus StatusAsOf(const Screening& screening, const std::vector<screen::Candidate>& candidates,
                       std::string_view party_id, std::string_view party_name, Date date, Date run_date) {
  // No list loaded: whether the party is designated or listed cannot be judged (fail closed).
  if (!screening.screener) return Unscreened();
  PartyStatus st;
  std::optional<Match> cleared;  // the best cleared candidate, reported when nothing else applies
  for (const screen::Candidate& c : candidates) {
    if (date < c.designation->listed_on) continue;  // not yet listed on the activity's date
    if (c.designation->delisted_on && date >= *c.designation->delisted_on) continue;  // no longer listed
    // A candidate is always one of the screener's (at() would refuse another: never read past).
    const size_t index = screening.screener->IdOf(c.designation);
    const bool dprk = screening.dprk.at(index);
    if (dprk && st.designated == Truth::kTrue) continue;  // a match decided; nothing weaker changes that
    if (!dprk && st.listed == Truth::kTrue && c.strength != screen::Strength::kMatch) continue;
    Match m = MatchOf(screening, c, party_id);
    const auto lookup =
        screen::FindClearance(screening.clearances, party_id, party_name, m.reference, run_date);
    if (lookup.state == screen::ClearanceState::kActive) {
      if (!cleared) {
        m.cleared_by = lookup.clearance->cleared_by;
        m.clearance_note = "cleared as a false positive by " + lookup.clearance->cleared_by + " until " +
                           lookup.clearance->expires.ToString() + ": " + lookup.clearance->reason;
        cleared = std::move(m);
      }
      continue;
    }
    if (lookup.state == screen::ClearanceState::kExpired) {
      m.clearance_note = "the clearance by " + lookup.clearance->cleared_by + " expired on " +
                         lookup.clearance->expires.ToString() + ", so the match applies again";
    }
    const Truth truth = m.possible ? Truth::kUnknown : Truth::kTrue;
    if (dprk) {
      // Candidates come best first: the first match decides, else the best possible match stands.
      if (truth == Truth::kTrue || !st.match) {
        st.designated = truth;
        st.match = std::move(m);
      }
      continue;
    }
    if (const int bit = screening.regime_tag.at(index); bit >= 0) st.listed_under.set(static_cast<size_t>(bit));
    if (truth == Truth::kTrue || !st.listed_match) {
      st.listed = truth;
      st.listed_match = std::move(m);
    }
  }
  if (!st.match && !st.listed_match && cleared) {
    st.cleared = true;
    st.match = std::move(cleared);
  }
  return st;
}

PartyStatus StatedStatus(const Screening& screening, const Party& p, Date date) {
  PartyStatus st;
  Match m;
  m.party = p.id;
  m.reference = p.designated;
  m.name = p.name;
  m.score = 1.0;
  m.why = "designation stated in the scenario file";
  const screen::Designation* d = screening.screener ? screening.screener->Find(p.designated) : nullptr;
  if (d) {
    m.name = d->name;
    if (d->list < screening.lists.size()) m.list = screening.lists[d->list].name;
    m.regime = d->regime;
    if (date < d->listed_on) return st;  // not yet listed on the activity's date
  }
  st.designated = Truth::kTrue;
  st.match = m;
  return st;
}

}  // namespace sancheck::judge
