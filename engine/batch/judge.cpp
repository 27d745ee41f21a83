// Judge::Run: index lookup, then the compiled conditions of the candidate rules over the record's facts.
#include "batch/judge.hpp"

#include "expr/evaluator.hpp"

namespace sancheck::batch {

namespace {

// Screening costs far more than judging: only worth it when a rule reads a designation.
bool ReadsDesignation(const rules::RuleSet& set) {
  using expr::FieldId;
  for (const auto& rule : set.rules) {
    for (FieldId f : rule.program.fields_read) {
      if (f == FieldId::kFromDesignated || f == FieldId::kToDesignated || f == FieldId::kPartiesDesignated) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

Judge::Judge(const rules::RuleSet& set, const RuleIndex& index, const std::vector<uint32_t>& order,
             bool use_index, const screen::Screener* screener)
    : set_(set), index_(index), order_(order), use_index_(use_index) {
  candidates_.Reset(index.rank_count());
  if (screener && ReadsDesignation(set)) names_ = std::make_unique<NameScreen>(*screener);
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
  if (names_) {
    facts_.SetDesignated(names_->Status(r.from_name, r.from, r.date), names_->Status(r.to_name, r.to, r.date));
  }
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
