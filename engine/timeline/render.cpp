// Timelines as text for people (intervals, then the changes with citations) and as JSON (sancheck-timeline/1).
#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "common/visible.hpp"
#include "judge/rule_firings.hpp"
#include "report/common.hpp"
#include "sancheck/report.hpp"
#include "timeline/timeline.hpp"
#include "common/json_document.hpp"

namespace sancheck::timeline {
namespace {

using Json = nlohmann::ordered_json;

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string RuleIds(const std::vector<Firing>& rules) {
  std::string out;
  for (const Firing& f : rules) out += (out.empty() ? "" : ", ") + f.rule;
  return out;
}

// The citation texts of the rules, each once, in rule order.
std::vector<std::string> Citations(const std::vector<Firing>& rules) {
  std::vector<std::string> out;
  for (const Firing& f : rules) judge::AddCitationTexts(out, f.citations);
  return out;
}

// "started un-dprk/textiles-from-dprk (review): S/RES/2375 (2017), OP 16 — Textiles from the DPRK"
std::string RuleChangeText(const RuleChange& c) {
  const Firing& f = c.firing;
  std::string head;
  switch (c.kind) {
    case RuleChange::Kind::kStarted: head = "started " + f.rule + " (" + std::string(VerdictName(f.verdict)) + ")"; break;
    case RuleChange::Kind::kEnded: head = "ended " + f.rule + " (was " + std::string(VerdictName(f.verdict)) + ")"; break;
    case RuleChange::Kind::kChanged:
      head = f.rule + " " + std::string(VerdictName(c.before)) + " → " + std::string(VerdictName(f.verdict));
      break;
  }
  return head + ": " + report::JoinCitations(f.citations) + (f.title.empty() ? "" : " — " + f.title);
}

void ActivityText(const ActivityTimeline& a, std::string& out) {
  out += "  " + a.id + " (" + std::string(ActivityTypeName(a.type)) + ")\n";
  for (const Interval& i : a.intervals) {
    std::string verdict = Upper(VerdictName(i.verdict));
    verdict.resize(10, ' ');
    out += "    " + i.from.ToString() + " … " + i.to.ToString() + "  " + verdict + "  " + RuleIds(i.rules);
    while (out.back() == ' ') out.pop_back();
    out += '\n';
  }
  if (a.changes.empty()) return;
  out += "    changes:\n";
  for (const Change& c : a.changes) {
    const std::string when = c.date.ToString() + ": " + std::string(VerdictName(c.verdict)) + " — ";
    for (const RuleChange& r : c.rules) {
      out += "      " + when + RuleChangeText(r) + "\n";
      // The note says why the new verdict holds; an ended rule's note is about the day before.
      if (r.kind != RuleChange::Kind::kEnded && !r.firing.note.empty()) {
        out += "          " + report::Trimmed(r.firing.note) + "\n";
      }
    }
  }
}

Json RuleIdsJson(const std::vector<RuleChange>& rules, RuleChange::Kind kind) {
  Json out = Json::array();
  for (const RuleChange& r : rules) {
    if (r.kind == kind) out.push_back(r.firing.rule);
  }
  return out;
}

Json ActivityJson(const ActivityTimeline& a) {
  Json intervals = Json::array();
  for (const Interval& i : a.intervals) {
    Json rules = Json::array();
    for (const Firing& f : i.rules) rules.push_back(f.rule);
    intervals.push_back({{"from", i.from.ToString()},
                         {"to", i.to.ToString()},
                         {"verdict", VerdictName(i.verdict)},
                         {"rules", rules},
                         {"citations", Citations(i.rules)}});
  }
  Json changes = Json::array();
  for (const Change& c : a.changes) {
    changes.push_back({{"date", c.date.ToString()},
                       {"verdict", VerdictName(c.verdict)},
                       {"started", RuleIdsJson(c.rules, RuleChange::Kind::kStarted)},
                       {"ended", RuleIdsJson(c.rules, RuleChange::Kind::kEnded)},
                       {"changed", RuleIdsJson(c.rules, RuleChange::Kind::kChanged)}});
  }
  return {{"id", a.id}, {"type", ActivityTypeName(a.type)}, {"intervals", intervals}, {"changes", changes}};
}

}  // namespace

std::string RenderTimelineText(const Timeline& t) {
  std::string out = "sancheck " + std::string(ToolVersion()) + " · timeline to " + t.to.ToString() +
                    " · rule packs: " + report::PackNames(t.packs) + "\n";
  int activities = 0;
  int counts[3] = {0, 0, 0};  // by verdict on the last day
  for (const ScenarioTimeline& s : t.scenarios) {
    out += "\n" + s.scenario + (s.title.empty() ? "" : " — " + s.title) + "\n  " + s.file + "\n";
    for (const ActivityTimeline& a : s.activities) {
      ActivityText(a, out);
      ++activities;
      if (!a.intervals.empty()) ++counts[static_cast<int>(a.intervals.back().verdict)];
    }
  }
  out += "\nSummary: " + report::Plural(static_cast<int>(t.scenarios.size()), "scenario", "scenarios") + ", " +
         report::Plural(activities, "activity", "activities") + "; on " + t.to.ToString() + ": " +
         std::to_string(counts[2]) + " prohibited, " + std::to_string(counts[1]) + " review, " +
         std::to_string(counts[0]) + " permitted\n";
  // Titles, ids and notes come from the files: shown escaped, never obeyed by a terminal.
  return VisibleText(out);
}

std::string RenderTimelineJson(const Timeline& t) {
  Json scenarios = Json::array();
  for (const ScenarioTimeline& s : t.scenarios) {
    Json activities = Json::array();
    for (const ActivityTimeline& a : s.activities) activities.push_back(ActivityJson(a));
    scenarios.push_back({{"file", s.file}, {"scenario", s.scenario}, {"activities", activities}});
  }
  const Json root = {{"format", "sancheck-timeline/1"}, {"to", t.to.ToString()}, {"scenarios", scenarios}};
  return JsonDocument(root);
}

}  // namespace sancheck::timeline
