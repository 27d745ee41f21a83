// TEMPORARY (not to be committed): placeholders until the CI report writers land.
#include "report/writers.hpp"
namespace sancheck::report {
std::string RenderJunit(const RunResult&, const ReportOptions&) { return ""; }
std::string RenderSarif(const RunResult&, const ReportOptions&) { return ""; }
std::string RenderMarkdown(const RunResult&, const ReportOptions&) { return ""; }
std::string RenderHtml(const RunResult&, const ReportOptions&) { return ""; }
}
