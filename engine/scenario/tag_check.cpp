// CheckItemTags(): looks every item tag up in the loaded packs' vocabulary.
#include "scenario/tag_check.hpp"

#include "common/strings.hpp"
#include "scenario/format_doc.hpp"

namespace sancheck {

void CheckItemTags(const Scenario& scenario, const expr::TagRegistry& tags, Diagnostics& diags) {
  for (const auto& a : scenario.activities) {
    for (const auto& item : a.items) {
      for (size_t i = 0; i < item.tags.size(); ++i) {
        const std::string& t = item.tags[i];
        if (tags.Find(t) >= 0) continue;
        const SourcePos pos = i < item.tag_pos.size() ? item.tag_pos[i] : item.pos;
        diags.Error(pos, "scenario.unknown_tag",
                    "unknown tag '" + t + "': no loaded rule pack knows it, so no rule could match it" +
                        DidYouMean(t, tags.names()) + SeeScenarioFormat("tags"));
      }
    }
  }
}

void CheckItemTags(std::span<const Scenario> scenarios, const expr::TagRegistry& tags, Diagnostics& diags) {
  for (const auto& s : scenarios) CheckItemTags(s, tags, diags);
}

}  // namespace sancheck
