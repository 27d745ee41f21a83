// RenderReport(): format names and dispatch to the per-format writers.
#include "sancheck/report.hpp"

#include "report/writers.hpp"

namespace sancheck {

std::string_view ToolVersion() { return SANCHECK_VERSION; }

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  for (auto f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kJunit, ReportFormat::kSarif,
                 ReportFormat::kMarkdown, ReportFormat::kHtml}) {
    if (ReportFormatName(f) == name) return f;
  }
  return std::nullopt;
}

std::string_view ReportFormatName(ReportFormat f) {
  switch (f) {
    case ReportFormat::kText: return "text";
    case ReportFormat::kJson: return "json";
    case ReportFormat::kJunit: return "junit";
    case ReportFormat::kSarif: return "sarif";
    case ReportFormat::kMarkdown: return "markdown";
    case ReportFormat::kHtml: return "html";
  }
  return "text";
}

std::string_view ReportMediaType(ReportFormat f) {
  switch (f) {
    case ReportFormat::kText: return "text/plain; charset=utf-8";
    case ReportFormat::kJson: return "application/json";
    case ReportFormat::kJunit: return "application/xml";
    case ReportFormat::kSarif: return "application/sarif+json";
    case ReportFormat::kMarkdown: return "text/markdown; charset=utf-8";
    case ReportFormat::kHtml: return "text/html; charset=utf-8";
  }
  return "text/plain; charset=utf-8";
}

bool ValidSarifCategory(std::string_view category) {
  if (category.empty() || category.size() > 100 || category.front() == '/' || category.back() == '/' ||
      category.find("//") != std::string_view::npos) {
    return false;
  }
  for (const char c : category) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-' || c == '/';
    if (!ok) return false;
  }
  return true;
}

std::string RenderReport(const RunResult& run, ReportFormat format, const ReportOptions& options) {
  switch (format) {
    case ReportFormat::kJson: return report::RenderJson(run);
    case ReportFormat::kText: return report::RenderText(run, options);
    case ReportFormat::kJunit: return report::RenderJunit(run, options);
    case ReportFormat::kSarif: return report::RenderSarif(run, options);
    case ReportFormat::kMarkdown: return report::RenderMarkdown(run, options);
    case ReportFormat::kHtml: return report::RenderHtml(run, options);
  }
  return report::RenderText(run, options);
}

}  // namespace sancheck
