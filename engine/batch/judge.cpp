// Judge::Run: index lookup, then the compiled conditions of the candidate rules over the record's facts.
#include "batch/judge.hpp"

#include "expr/evaluator.hpp"

namespace sancheck::batch {

Judge::Judge(const rules::RuleSet& set, const RuleIndex& index, const std::vector<uint32_t>& order,
             bool use_index)
    : set_(set), index_(index), order_(order), use_index_(use_index) {
  candidates_.Reset(index.rank_count());
}

void Judge::Run(const Record& r, std::vector<Finding>& out) {
  candidates_.Clear();
  if (use_index_) {
    index_.Candidates(r, candidates_);
  } else {
    index_.All(candidates_);
  }
  if (candidates_.Empty()) return;  // most records: no rule can match, no facts to build
  facts_.Fill(r);
  candidates_.ForEach([&](uint32_t rank) {
    const rules::Rule& rule = set_.rules[order_[rank]];
    if (r.date < rule.info.effective || (rule.info.until && r.date > *rule.info.until)) return;
    const expr::EvalContext ctx{&facts_.facts(), rule.program.item_scoped ? &facts_.item() : nullptr};
    const Truth t = expr::Evaluate(rule.program, ctx);
    if (t == Truth::kFalse) return;
    if (t == Truth::kUnknown && rule.info.verdict == Verdict::kPermitted) return;
    Finding f;
    f.rank = rank;
    f.undecided = t == Truth::kUnknown;
    f.verdict = f.undecided ? Verdict::kReview : rule.info.verdict;
    f.capped = rule.cap.has_value() && t == Truth::kTrue;
    out.push_back(f);
  });
}

}  // namespace sancheck::batch
