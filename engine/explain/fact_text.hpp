// Renders the facts a compiled condition reads (countries, tags, HS codes, enumerators) as plain text.
#pragma once

#include <string>

#include "expr/fields.hpp"
#include "expr/tags.hpp"
#include "expr/types.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::explain {

/// The value of `field` for the activity (and item, for item fields), with
/// the party's name where one is read: "KP (Korean People's Navy)", "absent".
std::string FactText(expr::FieldId field, const expr::ActivityFacts& facts, const expr::ItemFacts* item,
                     const Scenario& scenario, const expr::TagRegistry& tags);

}  // namespace sancheck::explain
