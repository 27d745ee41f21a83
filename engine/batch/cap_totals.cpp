// CapTotals: cap verdicts in read order and the JSON ledger that carries totals from run to run.
#include "batch/cap_totals.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/files.hpp"

namespace sancheck::batch {

CapTotals::CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order) : set_(set), order_(order) {}

void CapTotals::Settle(const Record& r, Finding& f) {
  const rules::Rule& rule = set_.rules[order_[f.rank]];
  const rules::Cap& cap = *rule.cap;
  ++settled_;
  double factor = 0;
  if (!r.quantity.known || !r.unit.known) {
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  const auto it = cap.factors.find(r.unit.value);
  if (it == cap.factors.end()) {
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  factor = it->second;
  const int period = cap.PeriodOf(r.date);
  auto [last, inserted] = last_date_.emplace(std::make_pair(f.rank, period), r.date);
  if (!inserted) {
    if (r.date < last->second) ++out_of_order_;
    else last->second = r.date;
  }
  double& total = totals_[rule.info.id][period];
  const double before = total;
  total += r.quantity.value * factor;
  f.verdict = (before >= cap.limit || total > cap.limit) ? Verdict::kProhibited : rule.info.verdict;
}

bool CapTotals::Load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;  // the first run of a ledger starts from zero
  std::stringstream text;
  text << in.rdbuf();
  const auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("caps") || !j["caps"].is_object()) {
    error = path + ": not a sancheck ledger ({\"caps\": {rule: {period: amount}}})";
    return false;
  }
  for (const auto& [rule, periods] : j["caps"].items()) {
    if (!periods.is_object()) {
      error = path + ": caps of '" + rule + "' must map periods to amounts";
      return false;
    }
    for (const auto& [period, amount] : periods.items()) {
      if (!amount.is_number()) {
        error = path + ": amount of '" + rule + "' " + period + " is not a number";
        return false;
      }
      int p = 0;
      if (period != "whole") {
        try {
          p = std::stoi(period);
        } catch (const std::exception&) {
          error = path + ": period '" + period + "' of '" + rule + "' is neither a year nor \"whole\"";
          return false;
        }
      }
      totals_[rule][p] += amount.get<double>();
    }
  }
  return true;
}

bool CapTotals::Save(const std::string& path, std::string& error) const {
  nlohmann::ordered_json caps = nlohmann::ordered_json::object();
  for (const auto& [rule, periods] : totals_) {
    nlohmann::ordered_json p = nlohmann::ordered_json::object();
    for (const auto& [period, amount] : periods) p[period == 0 ? "whole" : std::to_string(period)] = amount;
    caps[rule] = p;
  }
  nlohmann::ordered_json root;
  root["caps"] = caps;
  error = WriteFileAtomically(path, root.dump(2) + "\n");
  return error.empty();
}

void CapTotals::Add(const CapTotals& other) {
  for (const auto& [rule, periods] : other.totals_) {
    for (const auto& [period, amount] : periods) totals_[rule][period] += amount;
  }
}

}  // namespace sancheck::batch
