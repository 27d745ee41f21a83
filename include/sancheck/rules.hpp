// Rule-pack metadata as reviewers and reports see it (the compiled form stays internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

/// How far a citation was checked against the measure's text: `text` when its
/// wording was read with the paragraph number, `summary` when only an official
/// summary or a cross-reference ties the number to the content, `unverified`
/// otherwise (the default: what nobody checked needs a lawyer's eye).
enum class Verification : uint8_t { kText, kSummary, kUnverified };

std::string_view VerificationName(Verification v);
std::optional<Verification> ParseVerification(std::string_view s);

struct Citation {
  std::string resolution;  ///< "1718"
  std::string paragraph;   ///< "8(b)"
  std::string text;        ///< "S/RES/1718 (2006), OP 8(b)"
  std::string url;         ///< where the resolution can be read (may be empty)
  Verification verified = Verification::kUnverified;
  /// A later paragraph that states what an earlier ban already covered (2397 OP6 on 2371's
  /// seafood ban): cited for activities before its adoption too.
  bool clarifies = false;
  /// The resolution's adoption date, when it is one the project knows (set at load): a finding
  /// on an earlier activity does not cite it.
  std::optional<Date> adopted{};
};

/// An exemption kind a rule accepts (defined by the rule's pack), and how the activity could then be lawful.
struct RuleExemption {
  std::string kind;
  std::string text;
};

struct RuleInfo {
  std::string id;     ///< namespaced: "un-dprk/arms-from-dprk"
  std::string pack;
  std::string title;
  Verdict verdict = Verdict::kProhibited;
  std::vector<Citation> citations;
  Date effective;
  std::optional<Date> until;  ///< last day in force, when the rule was superseded
  std::vector<ActivityType> applies_to;
  std::string condition;      ///< the `when:` text
  std::string message;
  std::vector<RuleExemption> exemptions;
  std::string no_exemption;   ///< why no exemption can apply, when none can
  SourcePos pos;
};

struct PackInfo {
  std::string name;
  std::string version;
  std::string title;
  std::string sha256;  ///< over the pack's source files, in path order
  std::vector<std::string> files;
  std::vector<std::string> extends;
  bool builtin = false;
};

}  // namespace sancheck
