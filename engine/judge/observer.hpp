// Observer: how a tool watches the one judging pass (explain traces it) without a judging loop of its own.
#pragma once

#include <cstdint>
#include <map>
#include <utility>

#include "expr/evaluator.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::judge {

/// Records every node's value per item; the evaluator calls Result() for each node it
/// evaluated and, when tracing, does not short-circuit, so every sub-condition has a value.
struct TraceRecorder {
  static constexpr bool kEnabled = true;
  bool active = true;  ///< off: records nothing (a rule or activity nobody asked about)
  std::map<std::pair<uint32_t, const expr::ItemFacts*>, Truth> values;
  void Result(uint32_t node, Truth value, const expr::ItemFacts* item) {
    if (active) values[{node, item}] = value;
  }
};

/// Hooks into a judging pass over scenarios. Calls come in this order per activity:
/// BeginActivity, then for every rule Considered and, if it applies and is in force,
/// Evaluated once per evaluation (per item for item-scoped rules).
class Observer {
 public:
  virtual ~Observer() = default;
  /// `goods` is the activity whose items the facts hold (the activity itself, or what a service
  /// without its subject serves).
  virtual void BeginActivity(const Scenario& /*s*/, size_t /*activity*/, const Activity& /*goods*/,
                             const expr::ActivityFacts& /*facts*/) {}
  virtual void Considered(const rules::Rule& /*rule*/, bool /*applies*/, bool /*in_force*/) {}
  /// The recorder for the next evaluation of `rule`; cleared by the caller after Evaluated().
  virtual TraceRecorder& Recorder(const rules::Rule& rule) = 0;
  virtual void Evaluated(const rules::Rule& /*rule*/, int /*item*/, const TraceRecorder& /*trace*/) {}
};

/// Adapts an Observer to JudgeRule's compile-time observer hooks.
class ObserverHooks {
 public:
  explicit ObserverHooks(Observer& o) : o_(o) {}
  void Considered(const rules::Rule& rule, bool applies, bool in_force) { o_.Considered(rule, applies, in_force); }
  TraceRecorder& TracerFor(const rules::Rule& rule, int /*item*/) {
    TraceRecorder& r = o_.Recorder(rule);
    r.values.clear();
    return r;
  }
  void Evaluated(const rules::Rule& rule, int item, Truth /*value*/) { o_.Evaluated(rule, item, o_.Recorder(rule)); }

 private:
  Observer& o_;
};

}  // namespace sancheck::judge
