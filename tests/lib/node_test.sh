#!/usr/bin/env bash
# Runs a browser test script under a node that has a WebSocket client (20.10 or later, with --experimental-websocket); exit 77 without one.
# Usage: node_test.sh SCRIPT.mjs ARGS...
command -v node >/dev/null || { echo "skip - needs node"; exit 77; }
# Debian 12's node 18 refuses the flag; 22 and later have the client without it but still accept it.
if ! node --experimental-websocket -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
  echo "skip - node $(node --version) has no WebSocket client (needs 20.10 or later)"
  exit 77
fi
exec node --experimental-websocket "$@"
