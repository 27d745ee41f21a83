// FactRows(): what an activity's verdict rests on, worded once for every report that shows it.
#include "report/facts.hpp"

#include <algorithm>

#include "common/number_text.hpp"
#include "report/common.hpp"

namespace sancheck::report {
namespace {

// A party's screening result is not a fact of the file: it comes from the findings' matches,
// each named once however many rules reported it.
std::string Screening(const ActivityResult& a, const std::string& party) {
  std::vector<std::string> seen;
  for (const Finding& f : a.findings) {
    if (!f.match || f.match->party != party) continue;
    const Match& m = *f.match;
    std::string text = m.reference + " " + m.name + MatchSource(m) + (m.possible ? " (possible match)" : "") +
                       (m.cleared_by.empty() ? "" : " (cleared: " + m.cleared_by + ")");
    if (std::find(seen.begin(), seen.end(), text) == seen.end()) seen.push_back(std::move(text));
  }
  std::string out;
  for (const auto& t : seen) out += (out.empty() ? "" : "; ") + t;
  return out.empty() ? "" : " · screening: " + out;
}

std::string ItemText(const Item& item) {
  std::string out = item.description.empty() ? "(no description)" : item.description;
  out += " · HS " + (item.hs ? item.hs->ToString() : std::string("not given"));
  if (!item.tags.empty()) {
    std::string tags;
    for (const auto& t : item.tags) tags += (tags.empty() ? "" : ", ") + t;
    out += " · tags " + tags;
  }
  if (item.quantity) out += " · " + NumberText(*item.quantity) + (item.unit ? " " + std::string(UnitName(*item.unit)) : "");
  if (item.value_usd) out += " · USD " + NumberText(*item.value_usd);
  if (item.origin) out += " · origin " + item.origin->ToString();
  return out;
}

}  // namespace

std::vector<FactRow> FactRows(const ActivityResult& a) {
  const JudgedFacts& f = a.facts;
  std::vector<FactRow> rows;
  rows.push_back({"date", a.date.ToString()});
  for (const FactParty& p : f.parties) {
    rows.push_back({p.role, p.name + " (" + p.id + ") · " + p.country.ToString() + " · " +
                                std::string(PartyKindName(p.kind)) + Screening(a, p.id)});
  }
  for (size_t i = 0; i < f.items.size(); ++i) rows.push_back({"item " + std::to_string(i), ItemText(f.items[i])});
  if (!f.via.empty()) {
    std::string via;
    for (const Country& c : f.via) via += (via.empty() ? "" : ", ") + c.ToString();
    rows.push_back({"via", via});
  }
  if (f.exemption) {
    rows.push_back({"exemption claimed",
                    f.exemption->name + (f.exemption->reference.empty() ? "" : " (" + f.exemption->reference + ")")});
  }
  if (!f.serves.empty()) rows.push_back({"for", f.serves});
  return rows;
}

}  // namespace sancheck::report
