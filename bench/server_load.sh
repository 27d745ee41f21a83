#!/usr/bin/env bash
# Measures `sancheck serve` on loopback: throughput and p50/p99 of /v1/screen and /v1/check at
# concurrency 1, 8 and 32, then 100k requests with hostile clients mixed in and the server's RSS
# growth. Prints the Markdown table of bench/README.md ("Server").
# Usage: bench/server_load.sh SANCHECK HTTP_LOAD [SOURCE_DIR]
set -euo pipefail
exe=$1
load=$2
src=${3:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$exe" serve --listen 127.0.0.1:0 --access-log "$tmp/access.log" --queue 1024 2> "$tmp/err" &
pid=$!
for _ in $(seq 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/err" | head -1 | cut -d: -f3 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$tmp/err"; exit 2; }

printf '{"queries":[{"name":"Jo Chun-ryong","country":"KP"}]}' > "$tmp/screen.json"
scenario="$src/samples/article-2023-09/munitions.yaml"

field() { sed -n "s/.*\"$1\": \([0-9.-]*\).*/\1/p" <<< "$2"; }

echo "| route | concurrency | requests | errors | requests/s | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for route in screen check; do
  for c in 1 8 32; do
    if [ "$route" = screen ]; then body="$tmp/screen.json"; n=20000; else body="$scenario"; n=4000; fi
    out=$("$load" --port "$port" --path "/v1/$route" --body-file "$body" --concurrency "$c" --requests "$n" || true)
    printf '| /v1/%s | %d | %s | %s | %s | %s | %s |\n' "$route" "$c" "$(field requests "$out")" \
      "$(field errors "$out")" "$(field rps "$out")" "$(field p50_ms "$out")" "$(field p99_ms "$out")"
  done
done

# 100k requests, one in 100 replaced by a malformed, oversized, slow or half-closed client.
out=$("$load" --port "$port" --path /v1/screen --body-file "$tmp/screen.json" --concurrency 8 \
      --requests 100000 --hostile 100 --server-pid "$pid" || true)
first=$(field rss_first_kb "$out")
last=$(field rss_last_kb "$out")
echo
echo "100k /v1/screen at concurrency 8 with $(field hostile "$out") hostile clients mixed in:" \
     "$(field requests "$out") answered, $(field errors "$out") errors, $(field rps "$out") requests/s," \
     "p99 $(field p99_ms "$out") ms; server RSS $((first / 1024)) MB after the first 10k," \
     "$((last / 1024)) MB before the last 10k ($(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }') %)."
curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && echo "The server still answers /healthz afterwards."
