// Field names of the shipment record format shared by the JSONL and CSV readers.
#include "batch/raw_record.hpp"

#include <cctype>

#include "common/strings.hpp"

namespace sancheck::batch {

std::string_view FieldName(FieldKey key) { return kFieldNames[static_cast<int>(key)]; }

FieldKey FieldByName(std::string_view name) {
  // Called for every key of every record: one comparison after a switch on the length.
  auto is = [&](FieldKey k) { return name == kFieldNames[static_cast<int>(k)] ? k : FieldKey::kCount; };
  switch (name.size()) {
    case 2: return name[0] == 'i' ? is(FieldKey::kId) : is(FieldKey::kHs);
    case 4: return name[0] == 'd' ? is(FieldKey::kDate) : name[0] == 'u' ? is(FieldKey::kUnit) : is(FieldKey::kTags);
    case 8: return is(FieldKey::kQuantity);
    case 9: return is(FieldKey::kValueUsd);
    case 10: return is(FieldKey::kVesselImo);
    case 11: return is(FieldKey::kDescription);
    case 13: return name[0] == 'e' ? is(FieldKey::kExporterName) : is(FieldKey::kImporterName);
    case 16: return name[0] == 'e' ? is(FieldKey::kExporterCountry) : is(FieldKey::kImporterCountry);
    default: return FieldKey::kCount;
  }
}

namespace {

// Lower case, blanks and hyphens as written keys have them dropped or '_'.
std::string Folded(std::string_view name) {
  std::string folded;
  for (char c : name) {
    if (c == ' ' || c == '\t') continue;
    folded += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return folded;
}

}  // namespace

std::string NearFieldName(std::string_view name) {
  const std::string folded = Folded(name);
  if (const FieldKey k = FieldByName(folded); k != FieldKey::kCount) return "'" + std::string(FieldName(k)) + "'";
  // A field's first word alone ("importer"): which of its fields is meant is not known.
  std::string words;
  for (std::string_view field : kFieldNames) {
    const size_t cut = field.find('_');
    if (cut != std::string_view::npos && field.substr(0, cut) == folded) {
      words += (words.empty() ? "'" : " or '") + std::string(field) + "'";
    }
  }
  if (!words.empty()) return words;
  // One slip in a short name, two in a longer one: "note" is a key of its own, not "date".
  if (folded.size() < 3) return {};
  const std::string near = Closest(folded, kFieldNames);
  if (near.empty() || EditDistance(folded, near) > (folded.size() >= 7 ? 2u : 1u)) return {};
  return "'" + near + "'";
}

std::string UnreadKeyProblem(std::string_view name) {
  if (const std::string near = NearFieldName(name); !near.empty()) {
    return "did you mean " + near + "? misspelt, the field would be left unread";
  }
  // Letters and digits alone, lower case: "Country of Origin", "country-of-origin", "COO".
  std::string letters;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) letters += static_cast<char>(std::tolower(u));
  }
  static constexpr std::string_view kFacts[] = {
      "origin", "countryoforigin", "origincountry", "countryorigin", "coo",     // the goods' origin
      "via", "transit", "transitcountry", "transitcountries", "viacountry",     // countries passed
      "exemption", "flag", "vesselflag", "flagstate", "vesselcountry"};         // a claim, the vessel's flag
  for (std::string_view fact : kFacts) {
    if (letters == fact) {
      return "a fact shipment records do not carry: the shipment would be judged without it; remove the "
             "column, or judge such shipments as scenarios with 'sancheck check'";
    }
  }
  return {};
}

}  // namespace sancheck::batch
