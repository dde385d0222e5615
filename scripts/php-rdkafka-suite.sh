#!/usr/bin/env bash
# Runs php-rdkafka's own phpt suite (its tests/ folder, from a checkout you
# provide; we do not ship it) against an extension, with TEST_KAFKA_BROKERS
# pointing at a Mock\Cluster started for the run (or at your own broker).
#
#   scripts/php-rdkafka-suite.sh PHP_RDKAFKA_TESTS_DIR [EXTENSION.so]
#
# EXTENSION.so defaults to our build; pass php-rdkafka's rdkafka.so to run the
# same suite against it. The mock cluster always runs on our extension
# (RDKAFKA_RS_EXTENSION). Prints run-tests.php's summary and a last line
# "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tests=${1:?usage: scripts/php-rdkafka-suite.sh PHP_RDKAFKA_TESTS_DIR [EXTENSION.so]}
tests=$(cd "$tests" && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
ours=${RDKAFKA_RS_EXTENSION:-$target/release/librdkafka_rs.so}
extension=${2:-$ours}
run_tests=${RUN_TESTS:-$(ls /usr/lib/php/*/build/run-tests.php 2>/dev/null | tail -1)}
[ -f "$ours" ] || { echo "$ours not found: build with scripts/build.sh" >&2; exit 1; }
[ -f "$run_tests" ] || { echo "run-tests.php not found (apt-get install php8.2-dev)" >&2; exit 1; }

work=$(mktemp -d)
mock_pid=
cleanup() {
  exec 3>&- 2>/dev/null
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# run-tests.php writes .out/.diff files next to each test: run a copy.
cp -r "$tests" "$work/tests"
rm -f "$work/tests/test_env.php"

if [ -z "${TEST_KAFKA_BROKERS:-}" ]; then
  mkfifo "$work/mock.in"
  PARTITIONS=1 php -n -d "extension=$ours" "$root/bench/mock-cluster.php" > "$work/mock.out" 2> "$work/mock.err" < "$work/mock.in" &
  mock_pid=$!
  exec 3> "$work/mock.in"
  for _ in $(seq 100); do
    TEST_KAFKA_BROKERS=$(head -1 "$work/mock.out" 2>/dev/null)
    [ -n "$TEST_KAFKA_BROKERS" ] && break
    sleep 0.1
  done
  [ -n "$TEST_KAFKA_BROKERS" ] || { echo "the mock cluster did not start: $(cat "$work/mock.err")" >&2; exit 1; }
fi
export TEST_KAFKA_BROKERS NO_INTERACTION=1
echo "php-rdkafka suite: $(basename "$extension") against $TEST_KAFKA_BROKERS" >&2
php -n "$run_tests" -n -q --no-color ${SHOW_DIFF:+--show-diff} -p "$(command -v php)" -d "extension=$extension" "$work/tests" | tee "$work/out"
count() { sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$work/out" | head -1; }
passed=$(count passed) failed=$(count failed) skipped=$(count skipped)
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
