// The JSON number grammar, shared by the JSONL reader's strict scanner and its fast path.
#pragma once

namespace sancheck::batch {

/// Where a JSON number starting at `p` ends, or where and why it stops being one.
struct NumberScan {
  char* end;          ///< past the number; on an error, the byte where it went wrong
  const char* error;  ///< null for a well-formed number
};

/// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? over [p, end): one definition, so that the
/// fast path accepts no number the strict scanner would reject.
inline NumberScan ScanJsonNumber(char* p, char* end) {
  auto digits = [&] {
    char* d = p;
    while (p < end && *p >= '0' && *p <= '9') ++p;
    return p > d;
  };
  if (p < end && *p == '-') ++p;
  if (p < end && *p == '0') {
    ++p;
  } else if (!digits()) {
    return {p, "expected a value"};
  }
  if (p < end && *p == '.') {
    ++p;
    if (!digits()) return {p, "expected digits after the decimal point"};
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    if (p < end && (*p == '+' || *p == '-')) ++p;
    if (!digits()) return {p, "expected digits in the exponent"};
  }
  return {p, nullptr};
}

}  // namespace sancheck::batch
