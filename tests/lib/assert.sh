# Assertions shared by the shell tests: run a command and compare its exit status, check a condition,
# and print the closing "N passed, N failed" line. Commands' output goes to $work, a scratch folder
# made here (and removed on exit) unless the test set its own first.
if [ -z "${work:-}" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
passed=0
failed=0

# expect_status NAME EXPECTED_STATUS COMMAND...: runs the command (output in $work/out, $work/err).
expect_status() {
  local name=$1 want=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $got, expected $want"
    sed 's/^/  stderr: /' "$work/err" | head -5
  fi
}

# check NAME CONDITION...: a test on what the last command left behind.
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}

# finish: the closing line, and the exit status of the whole test.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}
