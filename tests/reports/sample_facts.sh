#!/usr/bin/env bash
# The facts every report must show of the samples: each item's HS code (digits only: "9306.90" is shown 930690)
# and each party's country, one "hs CODE" or "country XX" a line, sorted, block or flow YAML alike. Run from the
# repository root; facts_test.sh and html_layout_test.mjs both read them from here.
mapfile -t samples < <(bash tests/reports/sample_scenarios.sh)
{
  grep -hoE '\bhs:\s*"?[0-9][0-9. ]*"?' "${samples[@]}" | sed -E 's/hs:\s*//; s/[". ]//g; s/^/hs /'
  grep -hoE '\bcountry:\s*[A-Z]{2}\b' "${samples[@]}" | sed -E 's/country:\s*/country /'
} | LC_ALL=C sort -u
