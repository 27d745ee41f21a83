#!/bin/sh
# Prepends the yaml-language-server schema comment to samples, rule packs and rule tests (idempotent).
# Usage: tests/lint/add_schema_comments.sh [samples|rules]...   (run from the repository root)
set -eu
prepend() {  # file schema-kind
  file=$1
  case $(head -n 1 "$file") in "# yaml-language-server:"*) return ;; esac
  depth=$(dirname "$file" | awk -F/ '{print NF}')
  up=$(awk -v n="$depth" 'BEGIN { for (i = 0; i < n; i++) printf "../" }')
  tmp="$file.tmp.$$"
  { printf '# yaml-language-server: $schema=%sdocs/schemas/%s.schema.json\n' "$up" "$2"; cat "$file"; } > "$tmp"
  mv "$tmp" "$file"
}
for what in "$@"; do
  case $what in
    samples)
      find samples -name '*.yaml' ! -path 'samples/tutorial/*' | sort | while read -r f; do prepend "$f" scenario; done ;;
    rules)
      find rules -name '*.yaml' ! -path '*/tests/*' ! -name designations.yaml ! -name vessels.yaml | sort | while read -r f; do prepend "$f" rule-pack; done
      find rules -path '*/tests/*' -name '*.test.yaml' | sort | while read -r f; do prepend "$f" rule-test; done ;;
    *) echo "usage: $0 [samples|rules]..." >&2; exit 2 ;;
  esac
done
