// Finds item tags in scenario and rule-test files that no loaded rule pack (nor the format's vocabulary) knows.
#pragma once

#include <memory>

#include "expr/tags.hpp"
#include "sancheck/diagnostics.hpp"

namespace sancheck::lint {

/// Warns (lint.unknown_tag) at each tag under `items:` or `subject:` lists
/// that `tags` does not know: no rule can ever match it, which is how a typo
/// such as `ammuniton` turns a prohibited shipment into a permitted one.
void CheckScenarioTags(const std::shared_ptr<const SourceFile>& file, const expr::TagRegistry& tags,
                       Diagnostics& diags);

}  // namespace sancheck::lint
