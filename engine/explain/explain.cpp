// Explain(): watches the checker's one judging pass with a recording observer and pairs traces with findings.
#include "explain/explain.hpp"

#include <map>
#include <utility>

#include "explain/fact_text.hpp"
#include "expr/evaluator.hpp"
#include "judge/checker_impl.hpp"
#include "judge/observer.hpp"
#include "expr/node_text.hpp"
#include "rules/exemptions.hpp"

namespace sancheck::explain {
namespace {

using expr::Node;
using expr::Op;


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
  TreeBuilder(const rules::Rule& rule, const judge::TraceRecorder& trace, const expr::ActivityFacts& facts,
              const Scenario& scenario, const expr::TagRegistry& tags)
      : p_(rule.program), trace_(trace), facts_(facts), scenario_(scenario), tags_(tags) {}

  ConditionNode Build(uint32_t idx, const expr::ItemFacts* item) const {
    const Node& n = p_.nodes[idx];
    ConditionNode out;
    out.kind = KindOf(n);
    out.text = expr::NodeText(p_, idx);
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
    // `service not in [...]` and `item.hs != 93` compile to not(in): the test has no text of
    // its own, so it is shown as the one line written, with the negation's value.
    const Node* leaf = n.count == 0 ? &n : nullptr;
    if (n.op == Op::kNot && n.count == 1) {
      const Node& inner = p_.nodes[p_.children[n.first]];
      if (inner.count == 0 && inner.end <= inner.begin) {
        out.kind = "not in";
        leaf = &inner;
      }
    }
    if (!leaf) {
      for (uint32_t k = 0; k < n.count; ++k) out.children.push_back(Build(p_.children[n.first + k], item));
    }
    // A leaf's facts: the fields it names, as this activity (and item) has them.
    if (leaf && leaf->op != Op::kConst) {
      for (const expr::Operand* o : {&leaf->lhs, &leaf->rhs}) {
        if (!o->is_field) continue;
        out.facts.push_back({std::string(expr::Field(o->field).name),
                             FactText(o->field, facts_, item, scenario_, tags_)});
      }
    }
    return out;
  }

 private:
  const expr::Program& p_;
  const judge::TraceRecorder& trace_;
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

}  // namespace

bool SameRule(const std::string& wanted, const std::string& id) {
  if (wanted.empty() || wanted == id) return true;
  const size_t slash = id.find('/');
  return wanted.find('/') == std::string::npos && slash != std::string::npos && id.substr(slash + 1) == wanted;
}

namespace {

// Watches the checker's own judging pass and turns each traced evaluation into a condition tree.
class ExplainObserver final : public judge::Observer {
 public:
  ExplainObserver(const rules::RuleSet& set, const ExplainOptions& options, std::vector<ActivityExplanation>& out,
                  std::vector<std::pair<size_t, size_t>>& where, const std::vector<Scenario>& scenarios)
      : set_(set), options_(options), out_(out), where_(where), scenarios_(scenarios) {}

  void BeginActivity(const Scenario& s, size_t activity, const Activity& goods,
                     const expr::ActivityFacts& facts) override {
    current_ = nullptr;
    const Activity& a = s.activities[activity];
    if (!options_.activity.empty() && a.id != options_.activity) return;
    ActivityExplanation ae;
    ae.scenario = s.id;
    ae.file = s.file;
    ae.activity = &a;
    out_.push_back(std::move(ae));
    where_.emplace_back(static_cast<size_t>(&s - scenarios_.data()), activity);
    current_ = &out_.back();
    scenario_ = &s;
    goods_ = &goods;
    facts_ = &facts;
  }

  void Considered(const rules::Rule& rule, bool applies, bool in_force) override {
    recorder_.active = current_ && SameRule(options_.rule, rule.info.id);
    if (!recorder_.active) return;
    RuleExplanation re;
    re.rule = &rule;
    re.applies = applies;
    re.in_force = in_force;
    if (applies && in_force) re.exemption = ExemptionText(set_, rule, *current_->activity, facts_->date);
    current_->rules.push_back(std::move(re));
  }

  judge::TraceRecorder& Recorder(const rules::Rule& /*rule*/) override { return recorder_; }

  void Evaluated(const rules::Rule& rule, int item, const judge::TraceRecorder& trace) override {
    if (!recorder_.active) return;
    const expr::ItemFacts* it = item >= 0 ? &facts_->items[item] : nullptr;
    Evaluation e;
    e.item = item;
    if (item >= 0) e.item_description = goods_->items[static_cast<size_t>(item)].description;
    e.tree = TreeBuilder(rule, trace, *facts_, *scenario_, set_.tags).Build(rule.program.root, it);
    current_->rules.back().evaluations.push_back(std::move(e));
  }

 private:
  const rules::RuleSet& set_;
  const ExplainOptions& options_;
  std::vector<ActivityExplanation>& out_;
  std::vector<std::pair<size_t, size_t>>& where_;
  const std::vector<Scenario>& scenarios_;
  ActivityExplanation* current_ = nullptr;
  const Scenario* scenario_ = nullptr;
  const Activity* goods_ = nullptr;
  const expr::ActivityFacts* facts_ = nullptr;
  judge::TraceRecorder recorder_;
};

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
                    const ExplainOptions& options, std::optional<Date> as_of, Diagnostics& /*diags*/) {
  Explanation out;
  const Checker::Impl& impl = checker.impl();
  std::vector<std::pair<size_t, size_t>> where;  // (scenario, activity) of each explanation
  ExplainObserver observer(*impl.set, options, out.activities, where, scenarios);
  out.run = impl.Judge(scenarios, as_of, &observer);
  // The findings come from the same pass that was traced: caps and claims are settled by now.
  for (size_t i = 0; i < out.activities.size(); ++i) {
    ActivityExplanation& ae = out.activities[i];
    ae.result = &out.run.scenarios[where[i].first].activities[where[i].second];
    for (RuleExplanation& re : ae.rules) {
      for (const auto& f : ae.result->findings) {
        if (f.rule == re.rule->info.id) re.findings.push_back(f);
      }
    }
  }
  return out;
}

}  // namespace sancheck::explain
