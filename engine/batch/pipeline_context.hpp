// What the batch pipeline's stages share: the loaded rules, options, index, formats and per-thread workers.
#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "batch/cap_gate.hpp"
#include "batch/judge.hpp"
#include "batch/name_cache.hpp"
#include "batch/pipeline.hpp"
#include "batch/raw_record.hpp"
#include "batch/result_format.hpp"
#include "batch/rule_index.hpp"
#include "batch/tag_lookup.hpp"

namespace sancheck::batch {

using Clock = std::chrono::steady_clock;

inline double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Per-thread state: nothing here is shared, so workers never lock while working.
struct Worker {
  RawRecord raw;
  Judge judge;
  CapGate::Local gate;  ///< the collecting pass's scratch (when the run has a CapGate)
};

struct Context {
  const rules::RuleSet& set;
  const BatchOptions& options;
  std::vector<uint32_t> order;
  std::unique_ptr<RuleIndex> index;
  std::unique_ptr<CapGate> cap_gate;  ///< null: no capped rule, or none the gate can tell
  std::unique_ptr<TagLookup> tags;
  std::unique_ptr<ResultFormat> format;
  std::vector<std::FILE*> spooled;  ///< per input: a re-readable copy, or null
  NameCache names;  ///< screening candidates per (name, country), shared by the workers and both passes
  RecordNeeds needs;  ///< the values the rules read: the others are checked but not converted
};

}  // namespace sancheck::batch
