// BuildFacts(): scenario activity → fixed-layout facts, resolving party references and interning tags.
#include "judge/scenario_facts.hpp"

#include "judge/screening_facts.hpp"

namespace sancheck::judge {
namespace {

// The spec's default origin is the supplier's country; but a vessel's country is its flag,
// no country of origin (flags of convenience carry the DPRK's coal ship to ship): a cargo a
// vessel supplies has the origin the file gives, or none known, and a rule asking for it
// says review, not permitted.
expr::Known<Country> DefaultOrigin(const Scenario& s, const Activity& a) {
  expr::Known<Country> out;
  if (a.from < 0 || static_cast<size_t>(a.from) >= s.parties.size()) return out;
  const Party& p = s.parties[static_cast<size_t>(a.from)];
  if (p.kind != PartyKind::kVessel) out.Set(p.country);
  return out;
}

expr::PartyFacts PartyFactsOf(const Scenario& s, int idx, const std::vector<PartyStatus>& status) {
  expr::PartyFacts f;
  if (idx < 0 || static_cast<size_t>(idx) >= s.parties.size()) return f;
  const Party& p = s.parties[static_cast<size_t>(idx)];
  f.present = true;
  f.party = idx;
  f.country = p.country;
  f.kind = p.kind;
  f.designated = status[static_cast<size_t>(idx)].designated;
  return f;
}

}  // namespace

size_t GoodsOf(const Scenario& s, size_t a, const std::vector<size_t>& goods_of) {
  const Activity& act = s.activities[a];
  if (act.type != ActivityType::kService || !act.items.empty() || act.serves < 0) return a;
  const size_t served = goods_of[static_cast<size_t>(act.serves)];
  return s.activities[served].items.empty() ? a : served;
}

void BuildFacts(const Scenario& s, const Activity& a, const Activity& goods, Date date, const expr::TagRegistry& tags,
                const std::vector<PartyStatus>& parties, ActivityFactsHolder& out) {
  expr::ActivityFacts& f = out.facts;
  f = expr::ActivityFacts{};
  f.type = a.type;
  f.date = date;
  if (a.service) f.service.Set(*a.service);
  for (Country c : a.via) f.via.set(c.code);
  if (a.exemption) f.exemption.Set(a.exemption->kind);
  if (a.amount_usd) f.amount_usd.Set(*a.amount_usd);
  if (a.workers) f.workers.Set(*a.workers);
  if (a.vehicle) f.vehicle.Set(*a.vehicle);
  if (a.destination) f.destination.Set(*a.destination);
  if (a.port_country) f.port_country.Set(*a.port_country);
  f.from = PartyFactsOf(s, a.from, parties);
  f.to = PartyFactsOf(s, a.to, parties);
  f.person = PartyFactsOf(s, a.person, parties);
  f.vessel = PartyFactsOf(s, a.vessel, parties);
  for (const expr::PartyFacts* p : {&f.from, &f.to, &f.person, &f.vessel}) {
    if (!p->present) continue;
    f.party_countries.set(p->country.code);
    AddPartyScreening(parties[static_cast<size_t>(p->party)], p->designated, f);
  }
  for (int idx : a.parties) {
    const expr::PartyFacts p = PartyFactsOf(s, idx, parties);
    if (!p.present) continue;
    f.party_countries.set(p.country.code);
    AddPartyScreening(parties[static_cast<size_t>(idx)], p.designated, f);
  }
  f.default_origin = DefaultOrigin(s, a);
  const expr::Known<Country> goods_origin = &goods == &a ? f.default_origin : DefaultOrigin(s, goods);
  out.items.clear();
  out.items.reserve(goods.items.size());
  for (const Item& item : goods.items) {
    expr::ItemFacts i;
    if (item.hs) {
      i.hs.Set(*item.hs);
      i.hs_lo = item.hs->Low();
      i.hs_hi = item.hs->High();
    }
    // Checker::Validate refuses tags no loaded pack knows; a caller that judges anyway
    // gets "unknown" from every tag test the item misses, never a silent "no".
    for (const auto& t : item.tags) {
      const int bit = tags.Find(t);
      if (bit >= 0) {
        i.tags.set(static_cast<size_t>(bit));
      } else {
        i.unknown_tags = true;
      }
    }
    if (item.quantity) i.quantity.Set(*item.quantity);
    if (item.unit) i.unit.Set(*item.unit);
    if (item.value_usd) i.value_usd.Set(*item.value_usd);
    i.origin = goods_origin;
    if (item.origin) i.origin.Set(*item.origin);
    out.items.push_back(i);
  }
  f.items = out.items.data();
  f.item_count = static_cast<uint32_t>(out.items.size());
}

}  // namespace sancheck::judge
