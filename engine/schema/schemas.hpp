// JSON Schemas (draft 2020-12) for the files users write: rule packs, scenarios, waivers and rule tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sancheck::schema {

/// "rule-pack", "scenario", "waivers", "rule-test".
const std::vector<std::string_view>& SchemaKinds();

/// The schema for `kind`, pretty-printed JSON ending in a newline; nullopt for
/// an unknown kind. docs/schemas/<kind>.schema.json holds the same text
/// (checked by a test), so editors find it beside the documentation.
std::optional<std::string> SchemaText(std::string_view kind);

}  // namespace sancheck::schema
