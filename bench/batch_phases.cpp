// Times each phase of `sancheck batch` on one thread (read, parse, check, judge with and without index, format).
//   sancheck_batch_phases RULES_DIR INPUT.jsonl [--index-only]
// Prints nanoseconds per record for each phase, to show where the end-to-end time goes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "batch/judge.hpp"
#include "batch/jsonl_reader.hpp"
#include "batch/record.hpp"
#include "batch/result_format.hpp"
#include "batch/rule_index.hpp"
#include "batch/tag_lookup.hpp"
#include "rules/rule_set.hpp"

using namespace sancheck;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
  // --index-only skips judging without the index, which takes minutes with thousands of rules.
  const bool index_only = argc == 4 && std::strcmp(argv[3], "--index-only") == 0;
  if (argc != 3 && !index_only) {
    std::cerr << "usage: sancheck_batch_phases RULES_DIR INPUT.jsonl [--index-only]\n";
    return 2;
  }
  Diagnostics diags;
  auto set = rules::LoadRuleSet({argv[1]}, diags);
  if (!set) {
    std::cerr << diags.RenderAll();
    return 2;
  }
  std::vector<uint32_t> order(set->rules.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  batch::RuleIndex index(*set, order);
  batch::TagLookup tags(set->tags);
  batch::ResultFormat format(*set, order, batch::FormatOptions{true, false, "not-applicable"});

  auto t = Clock::now();
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const double read_s = Seconds(t);

  // Parse: split lines and scan each record (strings unescaped in place).
  t = Clock::now();
  std::vector<std::pair<char*, char*>> lines;
  for (char *p = text.data(), *end = p + text.size(); p < end;) {
    char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    char* le = nl ? nl : end;
    lines.emplace_back(p, le);
    p = le + 1;
  }
  const double split_s = Seconds(t);
  std::vector<batch::RawRecord> raws(lines.size());
  t = Clock::now();
  batch::RecordError err;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!batch::ParseJsonLine(lines[i].first, lines[i].second, raws[i], err)) return 1;
  }
  const double parse_s = Seconds(t);
  std::vector<batch::Record> recs(lines.size());
  t = Clock::now();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!batch::CheckRecord(raws[i], tags, recs[i], err)) return 1;
  }
  const double check_s = Seconds(t);
  raws.clear();
  raws.shrink_to_fit();

  double judge_s[2] = {0, 0};
  std::vector<batch::Finding> findings;
  size_t total = 0;
  for (int use_index = 1; use_index >= (index_only ? 1 : 0); --use_index) {
    batch::Judge judge(*set, index, order, use_index == 1);
    t = Clock::now();
    for (const auto& r : recs) {
      findings.clear();
      judge.Run(r, findings);
      total += findings.size();
    }
    judge_s[use_index] = Seconds(t);
  }
  batch::Judge judge(*set, index, order, true);
  batch::OutBuf out;
  t = Clock::now();
  for (const auto& r : recs) {
    findings.clear();
    judge.Run(r, findings);
    format.Append(out, r.id, r.date, findings.data(), findings.size());
    if (out.size() > (1 << 20)) out.Clear();
  }
  const double judge_format_s = Seconds(t);
  const double n = static_cast<double>(recs.size());
  auto ns = [&](double s) { return s * 1e9 / n; };
  std::printf("records %zu, findings %zu\n", recs.size(), index_only ? total : total / 2);
  std::printf("read file        %7.1f ns/record\n", ns(read_s));
  std::printf("split lines      %7.1f ns/record\n", ns(split_s));
  std::printf("parse JSON       %7.1f ns/record\n", ns(parse_s));
  std::printf("check values     %7.1f ns/record\n", ns(check_s));
  std::printf("judge, index     %7.1f ns/record\n", ns(judge_s[1]));
  if (!index_only) std::printf("judge, no index  %7.1f ns/record\n", ns(judge_s[0]));
  std::printf("format (+judge)  %7.1f ns/record\n", ns(judge_format_s - judge_s[1]));
  return 0;
}
