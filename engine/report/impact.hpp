// The impact report of a rule-pack change, as text for a terminal, Markdown for a pull request, JSON for tools.
#pragma once

#include <string>

#include "impact/impact.hpp"

namespace sancheck::report {

std::string RenderImpactText(const impact::Impact& impact);
/// Fits a pull-request comment: counts, the rule changes, a table per group (at most 100 rows
/// each), the packs folded away.
std::string RenderImpactMarkdown(const impact::Impact& impact);
/// {"format": "sancheck-impact/1", ...}, see docs/impact.md.
std::string RenderImpactJson(const impact::Impact& impact);

}  // namespace sancheck::report
