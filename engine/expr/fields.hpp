// The table of facts a condition can read: name, type and scope of each field.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "expr/types.hpp"

namespace sancheck::expr {

enum class FieldId : uint8_t {
  kType, kDate, kService, kVia, kExemption, kAmountUsd, kWorkers, kVehicle, kDestination,
  kPortCountry,
  kFromCountry, kFromKind, kFromDesignated,
  kToCountry, kToKind, kToDesignated,
  kPersonCountry, kPersonKind, kPersonDesignated,
  kVesselCountry, kVesselKind, kVesselDesignated,
  kPartiesCountry, kPartiesDesignated, kPartiesCleared, kPartiesListed, kPartiesListedUnder, kDesignationsStale, kServedProhibited,
  kServes,
  kItemHs, kItemTags, kItemQuantity, kItemUnit, kItemValueUsd, kItemOrigin,
};

struct FieldInfo {
  FieldId id;
  std::string_view name;  ///< as written in conditions: "from.country"
  Type type;
  bool item_scoped;       ///< reads the current item
  std::string_view description;
};

const std::vector<FieldInfo>& AllFields();
std::optional<FieldInfo> FindField(std::string_view name);
const FieldInfo& Field(FieldId id);
/// The closest field name to a misspelt one, or empty when none is close.
std::string_view SuggestField(std::string_view name);

}  // namespace sancheck::expr
