// UnitHint: a table of the units trade documents write, beside the hint by spelling.
#include "scenario/unit_hint.hpp"

#include "common/enum_names.hpp"
#include "common/strings.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {
namespace {

struct UnitSpelling {
  std::string_view written;  ///< lower case
  std::string_view unit;
  std::string_view note;     ///< why, when the unit is not a plain respelling
};

constexpr UnitSpelling kUnitSpellings[] = {
    {"mt", "t", "metric tons"},
    {"tonne", "t", ""},
    {"tonnes", "t", ""},
    {"ton", "t", "if metric: a short ton is 0.907 t"},
    {"tons", "t", "if metric: a short ton is 0.907 t"},
    {"kgs", "kg", ""},
    {"kilogram", "kg", ""},
    {"kilograms", "kg", ""},
    {"kl", "m3", "a kilolitre is a cubic metre"},
    {"cbm", "m3", ""},
    {"m³", "m3", ""},
    {"litre", "l", ""},
    {"litres", "l", ""},
    {"liter", "l", ""},
    {"liters", "l", ""},
    {"ltr", "l", ""},
    {"barrel", "bbl", ""},
    {"barrels", "bbl", ""},
    {"bbls", "bbl", ""},
    {"pc", "pcs", ""},
    {"piece", "pcs", ""},
    {"pieces", "pcs", ""},
    {"unit", "pcs", "pieces"},
    {"units", "pcs", "pieces"},
    {"each", "pcs", "pieces"},
    {"ea", "pcs", "pieces"},
    {"mwh", "MWh", ""},
};

}  // namespace

std::string UnitHint(std::string_view written) {
  const std::string lower = AsciiLower(written);
  for (const UnitSpelling& s : kUnitSpellings) {
    if (s.written != lower) continue;
    return " (did you mean '" + std::string(s.unit) + "'" + (s.note.empty() ? "" : ", " + std::string(s.note)) + "?)";
  }
  return DidYouMean(written, EnumNames<Unit>());
}

}  // namespace sancheck
