// Explain(): re-evaluates each considered rule with a recording tracer and pairs it with the checker's findings.
#include "explain/explain.hpp"

#include <map>
#include <utility>

#include "eval/facts_builder.hpp"
#include "eval/screening.hpp"
#include "explain/fact_text.hpp"
#include "expr/evaluator.hpp"
#include "lint/condition_check.hpp"
#include "rules/exemptions.hpp"

namespace sancheck::explain {
namespace {

using expr::Node;
using expr::Op;

// Records every node's value per item context; the evaluator calls Result()
// for each node it evaluated (and, when tracing, does not short-circuit
// and/or, so every sub-condition of a chain has a value).
struct RecordingTracer {
  static constexpr bool kEnabled = true;
  std::map<std::pair<uint32_t, const expr::ItemFacts*>, Truth> values;
  void Result(uint32_t node, Truth value, const expr::ItemFacts* item) { values[{node, item}] = value; }
};

std::string KindOf(const Node& n) {
  switch (n.op) {
    case Op::kConst: return "constant";
    case Op::kAnd: return "and";
    case Op::kOr: return "or";
    case Op::kNot: return "not";
    case Op::kBoolField: return "field";
    case Op::kCompare: return "compare";
    case Op::kInSet: case Op::kListInSet: case Op::kInListField: return "in";
    case Op::kAny: return "any";
    case Op::kAll: return "all";
    case Op::kKnown: return "known";
    case Op::kEmpty: return "empty";
  }
  return "?";
}

class TreeBuilder {
 public:
  TreeBuilder(const rules::Rule& rule, const RecordingTracer& trace, const expr::ActivityFacts& facts,
              const Scenario& scenario, const expr::TagRegistry& tags)
      : p_(rule.program), trace_(trace), facts_(facts), scenario_(scenario), tags_(tags) {}

  ConditionNode Build(uint32_t idx, const expr::ItemFacts* item) const {
    const Node& n = p_.nodes[idx];
    ConditionNode out;
    out.kind = KindOf(n);
    out.text = lint::NodeText(p_, idx);
    if (const auto it = trace_.values.find({idx, item}); it != trace_.values.end()) out.value = it->second;
    if (n.op == Op::kAny || n.op == Op::kAll) {
      const uint32_t body = p_.children[n.first];
      for (uint32_t i = 0; i < facts_.item_count; ++i) {
        const expr::ItemFacts* inner = &facts_.items[i];
        if (!trace_.values.count({body, inner})) continue;  // the quantifier had decided before
        ConditionNode per_item;
        per_item.kind = "item";
        per_item.item = static_cast<int>(i);
        per_item.text = "item " + std::to_string(i);  // numbered from 0, as in the reports
        per_item.value = trace_.values.at({body, inner});
        per_item.children.push_back(Build(body, inner));
        out.children.push_back(std::move(per_item));
      }
      return out;
    }
    for (uint32_t k = 0; k < n.count; ++k) out.children.push_back(Build(p_.children[n.first + k], item));
    // A leaf's facts: the fields it names, as this activity (and item) has them.
    if (n.count == 0 && n.op != Op::kConst) {
      for (const expr::Operand* o : {&n.lhs, &n.rhs}) {
        if (!o->is_field) continue;
        out.facts.push_back({std::string(expr::Field(o->field).name),
                             FactText(o->field, facts_, item, scenario_, tags_)});
      }
    }
    return out;
  }

 private:
  const expr::Program& p_;
  const RecordingTracer& trace_;
  const expr::ActivityFacts& facts_;
  const Scenario& scenario_;
  const expr::TagRegistry& tags_;
};

std::string ExemptionText(const rules::RuleSet& set, const rules::Rule& rule, const Activity& a, Date date) {
  std::string allowed;
  for (const auto& e : rule.info.exemptions) allowed += (allowed.empty() ? "" : ", ") + e.kind;
  if (!a.exemption) {
    if (!allowed.empty()) return "no exemption claimed (the rule allows: " + allowed + ")";
    if (!rule.info.no_exemption.empty()) return "no exemption claimed; none can apply: " + rule.info.no_exemption;
    return "no exemption claimed; the rule lists none";
  }
  return rules::JudgeExemptionClaim(set, rule, *a.exemption, date).why;
}

bool SameRule(const std::string& wanted, const std::string& id) {
  if (wanted.empty() || wanted == id) return true;
  const size_t slash = id.find('/');
  return wanted.find('/') == std::string::npos && slash != std::string::npos && id.substr(slash + 1) == wanted;
}

}  // namespace

std::string_view TruthName(Truth t) {
  switch (t) {
    case Truth::kTrue: return "true";
    case Truth::kFalse: return "false";
    case Truth::kUnknown: return "unknown";
  }
  return "unknown";
}

Explanation Explain(const Checker& checker, const std::vector<Scenario>& scenarios,
                    const ExplainOptions& options, std::optional<Date> as_of, Diagnostics& diags) {
  Explanation out;
  out.run = checker.Check(scenarios, as_of);
  const rules::RuleSet& set = checker.rule_set();
  auto screening = eval::LoadScreening(set, checker.options().clearances_path, diags);
  if (!screening) return out;
  eval::ActivityFactsHolder holder;
  for (size_t si = 0; si < scenarios.size(); ++si) {
    const Scenario& s = scenarios[si];
    const ScenarioResult& sr = out.run.scenarios[si];
    for (size_t ai = 0; ai < s.activities.size(); ++ai) {
      const Activity& a = s.activities[ai];
      if (!options.activity.empty() && a.id != options.activity) continue;
      ActivityExplanation ae;
      ae.scenario = s.id;
      ae.file = s.file;
      ae.activity = &a;
      ae.result = &sr.activities[ai];
      const Date date = ae.result->date;
      const Date run_date = Date::Parse(out.run.generated.substr(0, 10)).value_or(Date::Today());
      eval::BuildFacts(s, a, date, set.tags, eval::ScreenParties(*screening, s, date, run_date), holder);
      for (const rules::Rule& rule : set.rules) {
        if (!SameRule(options.rule, rule.info.id)) continue;
        RuleExplanation re;
        re.rule = &rule;
        re.applies = rule.applies_mask & (1U << static_cast<unsigned>(a.type));
        re.in_force = !(date < rule.info.effective) && !(rule.info.until && date > *rule.info.until);
        if (re.applies && re.in_force) {
          auto evaluate = [&](int item) {
            const expr::ItemFacts* it = item >= 0 ? &holder.items[static_cast<size_t>(item)] : nullptr;
            RecordingTracer tracer;
            expr::Evaluate(rule.program, expr::EvalContext{&holder.facts, it}, tracer);
            Evaluation e;
            e.item = item;
            if (item >= 0) e.item_description = a.items[static_cast<size_t>(item)].description;
            e.tree = TreeBuilder(rule, tracer, holder.facts, s, set.tags).Build(rule.program.root, it);
            re.evaluations.push_back(std::move(e));
          };
          if (rule.program.item_scoped) {
            for (size_t i = 0; i < holder.items.size(); ++i) evaluate(static_cast<int>(i));
          } else {
            evaluate(-1);
          }
          re.exemption = ExemptionText(set, rule, a, date);
        }
        for (const auto& f : ae.result->findings) {
          if (f.rule == rule.info.id) re.findings.push_back(f);
        }
        ae.rules.push_back(std::move(re));
      }
      out.activities.push_back(std::move(ae));
    }
  }
  return out;
}

}  // namespace sancheck::explain
