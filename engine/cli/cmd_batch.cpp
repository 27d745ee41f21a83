// `sancheck batch`: judges shipment records (JSONL or CSV) in bulk, one JSONL result per record.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "batch/pipeline.hpp"
#include "judge/screening.hpp"
#include "cli/commands.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/policy.hpp"
#include "sancheck/report.hpp"

namespace sancheck::cli {
namespace {

struct BatchArgs {
  std::vector<std::string> inputs;
  PackChoice packs;
  std::string output;
  std::string input_format = "auto";
  std::string no_match = "permitted";
  std::string rule_ids = "full";
  bool citations = false;
  int64_t max_errors = 1000;
  size_t max_record_bytes = batch::kDefaultMaxRecordBytes;
  std::string ledger;
  std::string clearances;
  int threads = 2;
  std::string mode = "stream";
  bool no_index = false;
  std::string fail_on = "prohibited";
  std::string progress = "auto";
  bool timing = false;
};

int RunBatchCommand(const BatchArgs& args) {
  const auto t0 = std::chrono::steady_clock::now();
  auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  if (args.threads < 1 || args.threads > 64) return UsageError("--threads must be between 1 and 64");
  // The ledger is read and rewritten by design; neither it nor the results may land on an
  // input, and the results may not land on the ledger.
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  if (!OutputsAreNotInputs({args.output, args.ledger}, inputs) || !OutputsAreNotInputs({args.output}, {args.ledger})) {
    return kExitError;
  }
  Diagnostics diags;
  const auto pack_paths = PackPaths(args.packs);
  if (!pack_paths) return kExitError;
  // The packs' designation list screens exporter and importer names, as scenario parties are.
  auto [set, screening] =
      judge::LoadPacksAndScreening(*pack_paths, {}, judge::ScreeningSources{args.clearances, args.packs.lists}, diags);
  if (!set || diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  const double init_s = since(t0);

  batch::BatchOptions options;
  options.format = args.input_format == "csv" ? batch::InputFormat::kCsv
                   : args.input_format == "jsonl" ? batch::InputFormat::kJsonl
                                                  : batch::InputFormat::kAuto;
  options.output.short_ids = args.rule_ids == "short";
  options.output.citations = args.citations;
  options.output.no_match = args.no_match;
  options.use_index = !args.no_index;
  options.threads = args.threads;
  options.max_errors = args.max_errors;
  options.max_record_bytes = args.max_record_bytes;
  options.preload = args.mode == "preload";
  options.ledger_path = args.ledger;
  screening->stale_after_days = args.packs.max_designation_age;
  options.screening = screening.get();
  options.run_date = RunDate();
  options.progress = args.progress == "always" || (args.progress == "auto" && isatty(STDERR_FILENO) &&
                                                   (args.output.empty() ? !isatty(STDOUT_FILENO) : true));

  batch::BatchReport report;
  const bool ok = batch::RunBatch(*set, options, args.inputs, args.output, report, std::cerr);

  using batch::Outcome;
  const int64_t no_match = report.counts[batch::kOutNoMatch];
  const bool no_match_is_permitted = args.no_match == "permitted";
  const int64_t judged = report.records - report.counts[batch::kOutError];
  if (args.timing) {
    const auto& ix = report.index;
    std::fprintf(stderr, "engine name=sancheck version=%s rules=%zu index=country:%zu,tag:%zu,chapter:%zu,always:%zu,screening:%zu threads=%d\n",
                 std::string(ToolVersion()).c_str(), ix.rules, ix.by_country, ix.by_tag, ix.by_chapter, ix.always, ix.by_screening,
                 args.threads);
    std::fprintf(stderr, "timing mode=%s records=%lld init_s=%.3f parse_s=%.3f eval_s=%.6f write_s=%.3f total_s=%.3f",
                 args.mode.c_str(), static_cast<long long>(judged), init_s, report.parse_s, report.eval_s,
                 report.write_s, since(t0));
    if (options.preload) {
      std::fprintf(stderr, " eval_rps=%.0f", report.eval_s > 0 ? static_cast<double>(judged) / report.eval_s : 0.0);
    }
    std::fprintf(stderr, "\n");
  }
  std::fprintf(stderr, "summary total=%lld prohibited=%lld review=%lld permitted=%lld not-applicable=%lld",
               static_cast<long long>(judged), static_cast<long long>(report.counts[batch::kOutProhibited]),
               static_cast<long long>(report.counts[batch::kOutReview]),
               static_cast<long long>(report.counts[batch::kOutPermitted] + (no_match_is_permitted ? no_match : 0)),
               static_cast<long long>(no_match_is_permitted ? 0 : no_match));
  if (report.counts[batch::kOutError] > 0) {
    std::fprintf(stderr, " errors=%lld", static_cast<long long>(report.counts[batch::kOutError]));
  }
  std::fprintf(stderr, "\n");
  if (!ok) return kExitError;
  if (report.counts[batch::kOutError] > 0) return kExitFindings;
  // The same policy as check's: a record fails like an activity with that verdict.
  const FailPolicy policy = *FailPolicy::Parse(args.fail_on);
  const bool fails = (report.counts[batch::kOutProhibited] > 0 && policy.Fails(Verdict::kProhibited)) ||
                     (report.counts[batch::kOutReview] > 0 && policy.Fails(Verdict::kReview));
  return fails ? kExitFindings : kExitOk;
}

}  // namespace

void AddBatchCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch", "Judge shipment records (JSONL or CSV) in bulk: one JSONL result per record, in input order");
  cmd->add_option("inputs", args->inputs, "Record files (.csv is CSV, anything else JSONL); none or - reads standard input");
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--output,-o", args->output, "Write the results to FILE instead of standard output");
  cmd->add_option("--input-format", args->input_format, "auto (by file extension), jsonl or csv")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}));
  cmd->add_option("--no-match", args->no_match, "Verdict written for a record no rule matched")
      ->check(CLI::IsMember({"permitted", "not-applicable"}));
  cmd->add_option("--rule-ids", args->rule_ids, "full (pack/rule) or short (rule) ids in the results")
      ->check(CLI::IsMember({"full", "short"}));
  cmd->add_flag("--citations", args->citations, "Add the citations of the matched rules to each result");
  cmd->add_option("--max-errors", args->max_errors, "Give up after more than N bad records (negative: never); default 1000");
  cmd->add_option("--max-record-bytes", args->max_record_bytes,
                  "A longer record (JSONL line, CSV record) is a bad record; default 1048576")
      ->check(CLI::Range(size_t{16}, size_t{1} << 30));
  cmd->add_option("--ledger", args->ledger,
                  "JSON file of cap totals per rule and period: read before the run (if it exists), written after");
  cmd->add_option("--clearances", args->clearances,
                  "Screening clearances (YAML): a cleared match no longer counts as designated (it is reported)");
  cmd->add_option("--threads", args->threads, "Worker threads (default 2)");
  cmd->add_option("--mode", args->mode,
                  "stream (bounded memory) or preload (read all, then judge all, then write; for split timing)")
      ->check(CLI::IsMember({"stream", "preload"}));
  cmd->add_flag("--no-index", args->no_index, "Evaluate every rule on every record (for checking the rule index)");
  cmd->add_option("--fail-on", args->fail_on, "Exit 1 when some record is at or above this verdict; never: only bad records do")
      ->check(CLI::IsMember({"prohibited", "review", "never"}));
  cmd->add_option("--progress", args->progress, "Progress line on standard error: auto (terminals), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("--timing", args->timing, "Print engine and timing lines on standard error (benchmark harness format)");
  cmd->callback([&runner, args] { runner = [args] { return RunBatchCommand(*args); }; });
}

}  // namespace sancheck::cli
