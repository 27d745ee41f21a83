// Screening glue: turns stated designations and list matches into party statuses for the evaluator.
#include "eval/screening.hpp"

namespace sancheck::eval {

std::unique_ptr<Checker::Screening> LoadScreening(const rules::RuleSet& /*set*/,
                                                  const std::string& /*clearances_path*/,
                                                  Diagnostics& /*diags*/) {
  return std::make_unique<Checker::Screening>();
}

std::vector<PartyStatus> ScreenParties(const Checker::Screening& /*screening*/, const Scenario& s,
                                       Date /*date*/) {
  std::vector<PartyStatus> out(s.parties.size());
  for (size_t i = 0; i < s.parties.size(); ++i) {
    const Party& p = s.parties[i];
    if (!p.designated.empty()) {
      out[i].designated = Truth::kTrue;
      Match m;
      m.party = p.id;
      m.reference = p.designated;
      m.name = p.name;
      m.score = 1.0;
      m.why = "designation stated in the scenario file";
      out[i].match = m;
    }
  }
  return out;
}

std::string DesignationsSnapshot(const Checker::Screening& screening) { return screening.snapshot; }

}  // namespace sancheck::eval
