// ParseChunk: the records of one chunk read (JSONL or CSV) and checked, a bad one as a positioned error.
#pragma once

#include "batch/cap_gate.hpp"
#include "batch/chunk.hpp"
#include "batch/pipeline_context.hpp"
#include "batch/raw_record.hpp"

namespace sancheck::batch {

/// Reads and checks every record of `c` into c.entries (an error entry for a bad one, its
/// error in c.errors with the line relative to the chunk) and counts its lines; `raw` is the
/// worker's scratch record. A JSONL line is mapped once while its end is found (LineMap), then
/// read by ParseJsonLine from that map.
/// With a `gate` (the collecting pass of caps), a record it finds no capped rule can meet is
/// left unchecked, marked gated_out; `local` is the worker's scratch for it.
void ParseChunk(const Context& ctx, Chunk& c, RawRecord& raw, const CapGate* gate = nullptr,
                CapGate::Local* local = nullptr);

}  // namespace sancheck::batch
