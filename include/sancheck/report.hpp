// Report rendering: one RunResult → text, JSON, JUnit XML, SARIF, Markdown or HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sancheck/policy.hpp"
#include "sancheck/result.hpp"

namespace sancheck {

enum class ReportFormat { kText, kJson, kJunit, kSarif, kMarkdown, kHtml };

std::optional<ReportFormat> ParseReportFormat(std::string_view name);
std::string_view ReportFormatName(ReportFormat f);
/// The media type a report of `f` is served as (HTTP Content-Type): "application/sarif+json", ...
std::string_view ReportMediaType(ReportFormat f);

/// Defaults: no colour; a run fails on `prohibited`. Reports say whether the run fails.
struct ReportOptions {
  bool color = false;  ///< ANSI colours (text only; terminals only)
  FailPolicy fail;
  /// SARIF only: the analysis category code scanning tracks alerts under ("sancheck"); one per
  /// run when a repository runs sancheck more than once (ValidSarifCategory()).
  std::string sarif_category = "sancheck";
};

/// A SARIF category: letters, digits, '.', '_', '-' and '/' between non-empty parts, at most
/// 100 characters (it becomes part of automationDetails.id).
bool ValidSarifCategory(std::string_view category);

std::string RenderReport(const RunResult& run, ReportFormat format, const ReportOptions& options);

/// The tool's version string.
std::string_view ToolVersion();

}  // namespace sancheck
