// CapTotals: batch cap decisions by date order (collect, settle, apply) and the JSON ledger between runs.
#include "batch/cap_totals.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/files.hpp"

namespace sancheck::batch {

CapTotals::CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order) : set_(set), order_(order) {}

void CapTotals::Collect(uint64_t ordinal, const Record& r, const Finding& f) {
  expr::ItemFacts item;
  item.quantity = r.quantity;
  item.unit = r.unit;
  counter_.Add(set_.rules[order_[f.rank]], item, r.date);
  pending_.emplace_back(ordinal, f.rank);
}

void CapTotals::Settle() {
  counter_.Carry(totals_);  // the ledger's totals, loaded after collecting began
  const auto decided = counter_.Settle();
  for (size_t i = 0; i < decided.size(); ++i) decisions_[pending_[i]] = decided[i];
  totals_ = counter_.totals();
  pending_.clear();
}

void CapTotals::Apply(uint64_t ordinal, Finding& f) const {
  const auto it = decisions_.find({ordinal, f.rank});
  if (it == decisions_.end()) {
    // Not counted (cannot happen when the collecting pass saw the same records): fail closed.
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  f.verdict = it->second.verdict;
  f.undecided = it->second.undecided;
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
