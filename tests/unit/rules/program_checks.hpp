// Test helper: two compiled conditions (or sets) are the same, field by field, their tag bits compared by name.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "rules/rule_set.hpp"

namespace sancheck::rules {

// Tag bits are the run's: sets compare their tags by name.
inline std::vector<std::string> TagNames(const expr::TagSet& tags, const expr::TagRegistry& registry) {
  std::vector<std::string> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags.test(i)) out.push_back(registry.names().at(i));
  }
  return out;
}

inline void CheckSet(const expr::ValueSet& a, const RuleSet& sa, const expr::ValueSet& b, const RuleSet& sb) {
  CHECK(a.name == b.name);
  CHECK(a.element == b.element);
  CHECK(a.countries == b.countries);
  CHECK(TagNames(a.tags, sa.tags) == TagNames(b.tags, sb.tags));
  CHECK(a.enums == b.enums);
  CHECK(a.hs == b.hs);
  CHECK(a.numbers == b.numbers);
  CHECK(a.dates == b.dates);
  CHECK(a.size == b.size);
}

inline void CheckProgram(const expr::Program& a, const RuleSet& sa, const expr::Program& b, const RuleSet& sb) {
  REQUIRE(a.nodes.size() == b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    const expr::Node &x = a.nodes[i], &y = b.nodes[i];
    CHECK(x.op == y.op);
    CHECK(x.cmp == y.cmp);
    CHECK(x.type == y.type);
    CHECK(x.constant == y.constant);
    for (const auto& [p, q] : {std::pair{&x.lhs, &y.lhs}, std::pair{&x.rhs, &y.rhs}}) {
      CHECK(p->is_field == q->is_field);
      CHECK(p->field == q->field);
      CHECK(p->i == q->i);
      CHECK(p->num == q->num);
    }
    CHECK(x.set == y.set);
    CHECK(x.first == y.first);
    CHECK(x.count == y.count);
    CHECK(x.begin == y.begin);
    CHECK(x.end == y.end);
  }
  CHECK(a.children == b.children);
  REQUIRE(a.sets.size() == b.sets.size());
  for (size_t i = 0; i < a.sets.size(); ++i) CheckSet(*a.sets[i], sa, *b.sets[i], sb);
  CHECK(a.root == b.root);
  CHECK(a.item_scoped == b.item_scoped);
  CHECK(a.text == b.text);
  CHECK(a.sets_used == b.sets_used);
  CHECK(a.fields_read == b.fields_read);
}

}  // namespace sancheck::rules
