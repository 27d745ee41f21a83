// RuleIndex: each guard alternative is filed under one side's countries (or none), then its tags, then its HS headings.
#include "batch/rule_index.hpp"

#include <algorithm>

namespace sancheck::batch {

RuleIndex::Root& RuleIndex::RootOf(std::array<int16_t, Country::kCount>& slots, size_t country) {
  if (slots[country] < 0) {
    slots[country] = static_cast<int16_t>(roots_.size());
    roots_.emplace_back();
  }
  return roots_[static_cast<size_t>(slots[country])];
}

void RuleIndex::File(Root& root, uint32_t alt_id) {
  const Alt& a = alts_[alt_id];
  const GuardAlt& g = a.guard;
  // The bucket settles the side it is filed under and the tag; a second side needs checking.
  // A screening flag is not checked: an alternative filed by country is met without it (its
  // rule then reads false for clean parties), and the flagged root is searched only with it.
  const bool rest_exact = !(g.has_from && g.has_to);
  auto add = [&](int32_t table) { tables_[static_cast<size_t>(table)].Add(alt_id, a.rank, g, rest_exact); };
  if (!g.has_tags) {
    if (root.plain < 0) root.plain = NewTable();
    add(root.plain);
    return;
  }
  // A record can satisfy "has one of these tags" only through a tag it has: one bucket per tag.
  for (uint32_t t = 0; t < g.tags.size(); ++t) {
    if (!g.tags.test(t)) continue;
    auto it = std::find_if(root.tagged.begin(), root.tagged.end(), [&](const auto& e) { return e.first == t; });
    if (it == root.tagged.end()) it = root.tagged.insert(it, {t, NewTable()});
    add(it->second);
  }
}

int32_t RuleIndex::NewTable() {
  tables_.emplace_back();
  return static_cast<int32_t>(tables_.size() - 1);
}

RuleIndex::RuleIndex(const rules::RuleSet& set, const std::vector<uint32_t>& order) {
  rank_count_ = order.size();
  from_slot_.fill(-1);
  to_slot_.fill(-1);
  roots_.emplace_back();
  roots_.emplace_back();  // kFlaggedRoot
  const unsigned supply = 1U << static_cast<unsigned>(ActivityType::kSupply);
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    const rules::Rule& rule = set.rules[order[rank]];
    if (!(rule.applies_mask & supply)) continue;
    supply_ranks_.push_back(rank);
    ++stats_.rules;
    for (auto& g : GuardOf(rule.program).alts) alts_.push_back({rank, std::move(g)});
  }
  for (uint32_t id = 0; id < alts_.size(); ++id) {
    const GuardAlt& g = alts_[id].guard;
    if (g.has_from || g.has_to) {
      ++stats_.by_country;
      // Of two sides, the one naming fewer countries files the alternative in fewer buckets.
      const bool from = g.has_from && (!g.has_to || g.from.count() <= g.to.count());
      const expr::CountrySet& cs = from ? g.from : g.to;
      for (size_t c = 0; c < cs.size(); ++c) {
        if (cs.test(c)) File(RootOf(from ? from_slot_ : to_slot_, c), id);
      }
      continue;
    }
    if (g.needs_flag) {
      ++stats_.by_screening;
      File(roots_[kFlaggedRoot], id);
      continue;
    }
    if (g.has_tags) {
      ++stats_.by_tag;
    } else if (g.has_hs) {
      ++stats_.by_chapter;
    } else {
      ++stats_.always;
    }
    File(roots_[0], id);
  }
  for (auto& t : tables_) t.Finish();
  any_without_country_ = roots_[0].plain >= 0 || !roots_[0].tagged.empty();
  screening_gated_ = std::any_of(alts_.begin(), alts_.end(), [](const Alt& a) { return a.guard.needs_flag; });
  plain_reach_.resize(roots_.size());
  for (size_t i = 0; i < roots_.size(); ++i) {
    if (roots_[i].plain >= 0) plain_reach_[i] = tables_[static_cast<size_t>(roots_[i].plain)].Reach();
  }
}

bool RuleIndex::Holds(const Alt& a, const Record& r) const {
  const GuardAlt& g = a.guard;
  if (g.has_from && !g.from.test(r.from.value.code)) return false;
  if (g.has_to && !g.to.test(r.to.value.code)) return false;
  if (g.has_tags && (g.tags & r.tags).none()) return false;
  if (g.has_hs) {
    if (!r.hs.known) return false;
    bool meets = false;
    for (const auto& [lo, hi] : g.hs) {
      if (lo <= r.hs_hi && hi >= r.hs_lo) {
        meets = true;
        break;
      }
    }
    if (!meets) return false;
  }
  return true;
}

void RuleIndex::All(RankSet& out) const {
  for (uint32_t rank : supply_ranks_) out.Set(rank);
}

void RuleIndex::Scan(size_t root_id, const Record& r, const HsKey& key, RankSet& out) const {
  auto scan = [&](int32_t table) {
    if (table < 0) return;
    tables_[static_cast<size_t>(table)].ForEach(key, [&](uint32_t rank, uint32_t id, bool exact) {
      if (exact || Holds(alts_[id], r)) out.Set(rank);
    });
  };
  const bool plain = plain_reach_[root_id].Meets(key);
  if (!plain && r.tags.none()) return;  // the root itself is not read
  const Root& root = roots_[root_id];
  if (plain) scan(root.plain);
  if (r.tags.none()) return;
  for (const auto& [tag, table] : root.tagged) {
    if (r.tags.test(tag)) scan(table);
  }
}

void RuleIndex::Candidates(const Record& r, RankSet& out) const {
  if (!r.from.known || !r.to.known) {
    All(out);
    return;
  }
  const HsKey key = HsKey::Of(r);  // once per record, for every bucket it visits
  if (const int16_t s = from_slot_[r.from.value.code]; s >= 0) Scan(static_cast<size_t>(s), r, key, out);
  if (const int16_t s = to_slot_[r.to.value.code]; s >= 0) Scan(static_cast<size_t>(s), r, key, out);
  if (any_without_country_) Scan(0, r, key, out);
}

void RuleIndex::FlaggedCandidates(const Record& r, RankSet& out) const {
  if (!screening_gated_ || !r.from.known || !r.to.known) return;  // without a country: All() had them
  Scan(kFlaggedRoot, r, HsKey::Of(r), out);
}

}  // namespace sancheck::batch
