// The report writers, one per format; RenderReport() (engine/report/report.cpp) dispatches to them.
#pragma once

#include <string>

#include "sancheck/report.hpp"

namespace sancheck::report {

std::string RenderJson(const RunResult& run);
std::string RenderText(const RunResult& run, const ReportOptions& options);
std::string RenderJunit(const RunResult& run, const ReportOptions& options);
std::string RenderSarif(const RunResult& run, const ReportOptions& options);
std::string RenderMarkdown(const RunResult& run, const ReportOptions& options);
std::string RenderHtml(const RunResult& run, const ReportOptions& options);

}  // namespace sancheck::report
