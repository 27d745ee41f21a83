// Field names of the shipment record format shared by the JSONL and CSV readers.
#include "batch/raw_record.hpp"

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

}  // namespace sancheck::batch
