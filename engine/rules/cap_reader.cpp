// Caps in rule packs: reading `cap:` (limit, unit, period, conversion factors) and the periods it counts in.
#include "rules/cap_reader.hpp"

#include <cstdio>

namespace sancheck::rules {

bool ReadCap(YamlReader& r, const YAML::Node& c, Rule& rule) {
  if (!r.CheckMap(c, "a cap", {"limit", "unit", "period", "factors", "basis"}) ||
      !r.Require(c, "a cap", {"limit", "unit"})) {
    return false;
  }
  Cap cap;
  auto limit = r.Number(c["limit"], "limit");
  auto unit_text = r.String(c["unit"], "unit");
  auto unit = unit_text ? ParseUnit(*unit_text) : std::nullopt;
  if (!limit || !unit) {
    if (unit_text && !unit) r.Error(c["unit"], "bad_value", "unknown unit " + Describe(c["unit"]));
    return false;
  }
  cap.limit = *limit;
  cap.unit = *unit;
  cap.factors[*unit] = 1.0;
  if (const auto& p = c["period"]) {
    const std::string text = r.String(p, "period").value_or("");
    unsigned month = 0, day = 0;
    char dash = 0;
    if (text == "calendar-year") {
      cap.period = Cap::Period::kYear;
    } else if (text == "whole") {
      cap.period = Cap::Period::kWhole;
    } else if (text.rfind("year-from-", 0) == 0 &&
               std::sscanf(text.c_str() + 10, "%2u%c%2u", &month, &dash, &day) == 3 && dash == '-' &&
               text.size() == 15 && Date::Parse("2000-" + text.substr(10))) {
      cap.period = Cap::Period::kYear;
      cap.start_month = month;
      cap.start_day = day;
    } else {
      r.Error(p, "bad_value", "unknown cap period " + Describe(p) +
                                  " (expected calendar-year, year-from-MM-DD or whole)");
      return false;
    }
  }
  if (const auto& b = c["basis"]) cap.basis = r.String(b, "basis").value_or("");
  if (const auto& f = c["factors"]) {
    if (!f.IsMap()) {
      r.Error(f, "wrong_type", "factors must map a unit to its factor, e.g. {t: 7.33}");
      return false;
    }
    for (auto it = f.begin(); it != f.end(); ++it) {
      const auto u = ParseUnit(it->first.Scalar());
      const auto v = r.Number(it->second, "factor");
      if (!u) {
        r.Error(it->first, "bad_value", "unknown unit '" + it->first.Scalar() + "'");
        return false;
      }
      if (*u == *unit) {
        // A quantity in the cap's own unit is counted as it is: a factor would rescale it.
        r.Error(it->first, "bad_value", "'" + it->first.Scalar() + "' is the cap's own unit, counted as it is: "
                                        "give factors for other units only");
        return false;
      }
      if (v && !(*v > 0)) {
        // A zero factor would count deliveries in that unit as nothing: never reaching the cap.
        r.Error(it->second, "bad_value", "a factor must be greater than 0, found " + Describe(it->second));
        return false;
      }
      if (v) cap.factors[*u] = *v;
    }
  }
  rule.cap = cap;
  return true;
}

int Cap::PeriodOf(Date date) const {
  if (period == Period::kWhole) return 0;
  int y;
  unsigned m, d;
  date.ToCivil(y, m, d);
  return (m > start_month || (m == start_month && d >= start_day)) ? y : y - 1;
}

std::string Cap::PeriodLabel(int p) const {
  if (period == Period::kWhole) return "";
  if (start_month == 1 && start_day == 1) return " in " + std::to_string(p);
  return " in the 12 months from " + Date::FromCivil(p, start_month, start_day).ToString();
}

}  // namespace sancheck::rules
