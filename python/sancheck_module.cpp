// The Python binding (_sancheck): a thin door into the one engine — reports and result lines as the CLI writes them.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "batch/memory_batch.hpp"
#include "common/run_clock.hpp"
#include "judge/checker_impl.hpp"
#include "report/screen_results.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"
#include "sancheck/report.hpp"

namespace py = pybind11;

namespace sancheck::python {
namespace {

// Diagnostics as plain values: the package raises its InputError with them (a Python class,
// so that callers catch it by name and read `.diagnostics` without knowing about the binding).
py::list DiagnosticList(const Diagnostics& diags) {
  py::list out;
  for (const Diagnostic& d : diags.items()) {
    py::dict item;
    item["file"] = d.pos.file ? py::str(d.pos.file->path) : py::str("");
    item["line"] = d.pos.line;
    item["column"] = d.pos.column;
    item["severity"] = d.severity == Severity::kError ? "error" : "warning";
    item["code"] = d.code;
    item["message"] = d.message;
    out.append(std::move(item));
  }
  return out;
}

// What failed, for the package to raise: (None, diagnostics, rendered) beside a success's (value, [], "").
py::tuple Failure(const Diagnostics& diags) { return py::make_tuple(py::none(), DiagnosticList(diags), diags.RenderAll()); }

std::optional<Date> ParseAsOf(const std::optional<std::string>& as_of) {
  if (!as_of) return std::nullopt;
  const auto d = Date::Parse(*as_of);
  if (!d) throw py::value_error("as_of: bad date '" + *as_of + "' (expected YYYY-MM-DD)");
  return d;
}

// A capped delivery crosses the Python side as a tuple of plain values, so that a cluster
// ships it between processes as it ships any Python data:
// (ordinal, rule, date, quantity or None, unit or None, verdict, undecided).
using DeliveryTuple = std::tuple<uint64_t, std::string, std::string, std::optional<double>, std::optional<std::string>,
                                 std::string, bool>;

DeliveryTuple ToTuple(const batch::CapDelivery& d) {
  return {d.ordinal, d.rule, d.date.ToString(), d.quantity,
          d.unit ? std::optional<std::string>(std::string(UnitName(*d.unit))) : std::nullopt,
          std::string(VerdictName(d.verdict)), d.undecided};
}

batch::CapDelivery FromTuple(const DeliveryTuple& t) {
  batch::CapDelivery d;
  d.ordinal = std::get<0>(t);
  d.rule = std::get<1>(t);
  const auto date = Date::Parse(std::get<2>(t));
  const auto verdict = ParseVerdict(std::get<5>(t));
  const auto unit = std::get<4>(t) ? ParseUnit(*std::get<4>(t)) : std::nullopt;
  if (!date || !verdict || (std::get<4>(t) && !unit)) throw py::value_error("a capped delivery with a bad date, unit or verdict");
  d.date = *date;
  d.quantity = std::get<3>(t);
  d.unit = unit;
  d.verdict = *verdict;
  d.undecided = std::get<6>(t);
  return d;
}

struct BatchArgs {
  std::string name = "<records>";
  int64_t first_line = 1;
  int threads = 2;
  bool short_ids = false;
  bool citations = false;
  std::string no_match = "permitted";
  int64_t max_errors = 1000;
};

// Loaded packs and screening, immutable once loaded: every method may run on several threads
// at once, and each releases the interpreter lock while the engine works.
class PyChecker {
 public:
  explicit PyChecker(std::unique_ptr<Checker> checker) : checker_(std::move(checker)) {}

  // (report JSON, [], "") or a Failure: the text `sancheck check --format json` writes.
  py::tuple Check(const std::string& text, const std::string& file, const std::optional<std::string>& as_of_text) const {
    const std::optional<Date> as_of = ParseAsOf(as_of_text);
    Diagnostics diags;
    std::string report;
    {
      py::gil_scoped_release unlocked;
      std::vector<Scenario> scenarios = ParseScenarioText(file, text, diags);
      CheckUniqueScenarioIds(scenarios, diags);
      checker_->Validate(scenarios, diags);
      if (!diags.HasErrors()) report = RenderReport(checker_->Check(scenarios, as_of), ReportFormat::kJson, {});
    }
    if (diags.HasErrors()) return Failure(diags);
    return py::make_tuple(py::str(report), py::list(), "");
  }

  // The text `sancheck screen --format json` writes for these names.
  std::string Screen(const std::vector<std::string>& names, const std::string& country, const std::string& born,
                     const std::string& kind, const std::optional<std::string>& as_of_text, double threshold) const {
    const Date as_of = ParseAsOf(as_of_text).value_or(Date::Today());
    std::string error;
    const auto base = report::MakeScreenQuery({"", country, born, kind, ""}, as_of, error);
    if (!base) throw py::value_error(error);
    const judge::Screening& screening = *checker_->impl().screening;
    if (!screening.screener) throw py::value_error("no designation list to screen against (the packs have none; add lists)");
    py::gil_scoped_release unlocked;
    std::vector<screen::Query> queries;
    for (const auto& name : names) {
      queries.push_back(*base);
      queries.back().name = name;
    }
    const report::ScreenOutcome outcome = report::ScreenQueries(screening, queries, as_of, threshold);
    return outcome.json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }

  // (ok, result lines as bytes, messages, counts by outcome): `sancheck batch` over `text`.
  py::tuple Batch(const std::string& text, const BatchArgs& args, const std::optional<std::vector<DeliveryTuple>>& settled) const {
    batch::BatchOptions options = Options(args);
    std::vector<batch::CapDelivery> decisions;
    if (settled) {
      for (const auto& t : *settled) decisions.push_back(FromTuple(t));
      options.settled_caps = &decisions;
    }
    std::string results;
    std::ostringstream diag;
    batch::BatchReport report;
    bool ok;
    {
      py::gil_scoped_release unlocked;
      ok = batch::RunBatchOnText(*checker_, options, text, args.name, results, report, diag);
    }
    // Counted as the CLI's summary line counts: prohibited, review, permitted, no rule, bad.
    const std::vector<int64_t> counts(std::begin(report.counts), std::end(report.counts));
    return py::make_tuple(ok, py::bytes(results), diag.str(), counts);
  }

  // The capped deliveries of `text`, undecided, in input order (a partition's first pass).
  std::vector<DeliveryTuple> CollectCaps(const std::string& text, const BatchArgs& args) const {
    batch::BatchOptions options = Options(args);
    std::vector<batch::CapDelivery> collected;
    options.collect_caps = &collected;
    std::string ignored;
    std::ostringstream diag;
    batch::BatchReport report;
    bool ok;
    {
      py::gil_scoped_release unlocked;
      ok = batch::RunBatchOnText(*checker_, options, text, args.name, ignored, report, diag);
    }
    if (!ok) throw py::value_error(diag.str());
    std::vector<DeliveryTuple> out;
    for (const auto& d : collected) out.push_back(ToTuple(d));
    return out;
  }

  // Decides deliveries given in input order across every piece, as one run would.
  std::vector<DeliveryTuple> SettleCaps(const std::vector<DeliveryTuple>& deliveries) const {
    std::vector<batch::CapDelivery> all;
    for (const auto& t : deliveries) all.push_back(FromTuple(t));
    std::ostringstream diag;
    if (!batch::SettleCapDeliveries(*checker_->impl().set, all, diag)) throw py::value_error(diag.str());
    std::vector<DeliveryTuple> out;
    for (const auto& d : all) out.push_back(ToTuple(d));
    return out;
  }

  bool HasCaps() const {
    for (const auto& rule : checker_->impl().set->rules) {
      if (rule.cap) return true;
    }
    return false;
  }

 private:
  static batch::BatchOptions Options(const BatchArgs& args) {
    if (args.threads < 1 || args.threads > 64) throw py::value_error("threads must be between 1 and 64");
    if (args.no_match != "permitted" && args.no_match != "not-applicable") {
      throw py::value_error("no_match: expected permitted or not-applicable");
    }
    batch::BatchOptions options;
    options.format = batch::InputFormat::kJsonl;
    options.threads = args.threads;
    options.first_line = args.first_line;
    options.max_errors = args.max_errors;
    options.output.short_ids = args.short_ids;
    options.output.citations = args.citations;
    options.output.no_match = args.no_match;
    return options;
  }

  std::unique_ptr<Checker> checker_;
};

// (checker, [], "") or a Failure: the packs as the CLI loads them (built-in ones beside `rules`
// unless `builtin` is false), dated by SOURCE_DATE_EPOCH when it is set, as the CLI's reports are.
py::tuple Load(const std::vector<std::string>& rules, const std::vector<std::string>& lists, bool builtin) {
  if (!builtin && rules.empty()) throw py::value_error("builtin=False leaves no rule pack: name one in rules");
  CheckOptions options;
  options.clock = ClockFromSourceDateEpoch(std::getenv("SOURCE_DATE_EPOCH"));
  options.rule_paths = builtin ? rules::WithBuiltinPacks(rules) : rules;
  options.lists = lists;
  Diagnostics diags;
  std::unique_ptr<Checker> checker;
  {
    py::gil_scoped_release unlocked;
    checker = Checker::Load(options, diags);
  }
  if (!checker || diags.HasErrors()) return Failure(diags);
  return py::make_tuple(py::cast(std::make_unique<PyChecker>(std::move(checker))), py::list(), "");
}

}  // namespace
}  // namespace sancheck::python

PYBIND11_MODULE(_sancheck, m) {
  using namespace sancheck::python;
  m.doc() = "sancheck's engine; use the `sancheck` package, which wraps this module";
  m.attr("version") = std::string(sancheck::ToolVersion());
  py::class_<BatchArgs>(m, "BatchArgs")
      .def(py::init<>())
      .def_readwrite("name", &BatchArgs::name)
      .def_readwrite("first_line", &BatchArgs::first_line)
      .def_readwrite("threads", &BatchArgs::threads)
      .def_readwrite("short_ids", &BatchArgs::short_ids)
      .def_readwrite("citations", &BatchArgs::citations)
      .def_readwrite("no_match", &BatchArgs::no_match)
      .def_readwrite("max_errors", &BatchArgs::max_errors);
  py::class_<PyChecker>(m, "Engine")
      .def("check", &PyChecker::Check)
      .def("screen", &PyChecker::Screen)
      .def("batch", &PyChecker::Batch)
      .def("collect_caps", &PyChecker::CollectCaps)
      .def("settle_caps", &PyChecker::SettleCaps)
      .def("has_caps", &PyChecker::HasCaps);
  m.def("load", &Load);
}
