#!/usr/bin/env bash
# The phpt suite under valgrind memcheck (run-tests.php -m, USE_ZEND_ALLOC=0):
# every invalid read/write, use of uninitialised memory and definite leak is a
# failure ("LEAK" in run-tests' summary). Suppressions (scripts/valgrind.supp)
# cover documented false positives only.
#
#   scripts/test-valgrind.sh [php-tests/some.phpt ...]
#
# Tests whose workload is too big to run under valgrind's ~30x slowdown are
# listed below with the reason, printed, and not counted. Ends with
# "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 1; }
[ -n "${RDKAFKA_RS_SKIP_BUILD:-}" ] || scripts/build.sh >/dev/null || exit 1
extension="$root/target/release/librdkafka_rs.so"
run_tests=${RUN_TESTS:-$(ls /usr/lib/php/*/build/run-tests.php 2>/dev/null | tail -1)}

declare -A too_big=(
  [php-tests/memory_clients_create_destroy.phpt]="creates 11,000 clients"
  [php-tests/producer_faults_idempotent_exactly_once.phpt]="produces and reads back 100,000 messages"
  [php-tests/memory_flat_producer.phpt]="measures RSS over 1,000,000 messages (valgrind's own memory dominates RSS)"
  [php-tests/memory_flat_consumer.phpt]="measures RSS over a large consume (valgrind's own memory dominates RSS)"
  [php-tests/bench_scripts.phpt]="runs the benchmark workloads"
  [php-tests/bench_fpm_runner.phpt]="runs bench/fpm.php, which starts php-fpm pools (valgrind would follow it into php-fpm, as in fpm_persistent_producer.phpt)"
  [php-tests/docker_files.phpt]="runs cargo and the C compiler (docker/build-extension.sh), not the extension"
  [php-tests/framework_phpunit.phpt]="PHPUnit's runner exit()s with objects of its own classes still in cycles, which PHP leaves unfreed"
  [php-tests/producer_persistent_fork.phpt]="its forked child abandons the parent's parked handles on purpose (their threads do not exist there), which valgrind reports as lost"
  [php-tests/kafka_consumer_group_failover.phpt]="its group members run with session.timeout.ms=3000, which valgrind's slowdown makes them miss now and then, rebalancing without end (it hung one CI run)"
  [php-tests/fork_child_clients.phpt]="its forked children abandon the inherited clients on purpose (their threads do not exist there), which valgrind reports as lost"
  [php-tests/fpm_persistent_producer.phpt]="valgrind follows it into php-fpm, whose workers exit without freeing PHP's own startup tables (producer_persistent*.phpt check the same code under valgrind)"
  [php-tests/fpm_persistent_memory_flat.phpt]="measures a php-fpm worker's RSS over 23,000 requests (as fpm_persistent_producer.phpt, valgrind would follow it into php-fpm)"
  [php-tests/producer_flush_at_exit.phpt]="its children end in fatal errors on purpose, after which PHP does not free the script's objects"
  [php-tests/producer_fatal_error_in_dr_msg_cb.phpt]="it ends in a fatal error on purpose, after which PHP does not free the script's objects"
)
tests=()
if [ $# -gt 0 ]; then
  tests=("$@")
else
  for test in php-tests/*.phpt; do
    if [ -n "${too_big[$test]:-}" ]; then
      echo "not run under valgrind: $test (${too_big[$test]})"
    else
      tests+=("$test")
    fi
  done
fi

# PCRE's JIT reads 16 bytes at a time past the end of strings, a known false positive:
# the PHP children tests start (php_command() in php-tests/inc/helpers.inc) run without it.
export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 RDKAFKA_RS_EXTENSION="$extension" NO_INTERACTION=1 RDKAFKA_RS_CHILD_INI="pcre.jit=0"
export VALGRIND_OPTS="--suppressions=$root/scripts/valgrind.supp --max-threads=4000 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=40"
log=$(mktemp)
php "$run_tests" -n -q --no-color -m -j"${JOBS:-2}" -p "$(command -v php)" -d "extension=$extension" -d pcre.jit=0 "${tests[@]}" 2>&1 | tee "$log"
count() { sed -nE "s/^Tests $1 +: +([0-9]+).*/\1/p" "$log" | head -1; }
passed=$(count passed) failed=$(count failed) leaked=$(count leaked) skipped=$(count skipped) warned=$(count warned)
[ -n "$passed" ] || failed=$(( ${failed:-0} + 1 ))
failed=$(( ${failed:-0} + ${leaked:-0} + $(grep -c '^BORK' "$log") ))
# "Warned" = passed on run-tests.php's retry after a timeout under load.
passed=$(( ${passed:-0} + ${warned:-0} )) skipped=${skipped:-0}
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
