#!/usr/bin/env bash
# Set-up command 2: builds the extension and runs every test — the engine's
# cargo tests, then the .phpt suite with PHP's run-tests.php — and ends with
# one line "N passed, N failed, N skipped". Exits non-zero on any failure.
# TEST_KAFKA_BROKERS=host:port runs the phpt suite against a real cluster;
# RDKAFKA_RS_VALGRIND=1 (CI) also runs it under valgrind (scripts/test-valgrind.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
passed=0 failed=0 skipped=0 status=0

scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }
extension="$PWD/target/release/librdkafka_rs.so"

echo "== engine tests (cargo test)"
cargo test --release --lib 2>&1 | tee "$logs/cargo.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
if line=$(grep -E '^test result: ' "$logs/cargo.log" | tail -1) && [ -n "$line" ]; then
  passed=$((passed + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  skipped=$((skipped + $(sed -E 's/.* ([0-9]+) ignored.*/\1/' <<<"$line")))
else
  failed=$((failed + 1))
fi

echo "== PHP tests (run-tests.php, php-tests/)"
run_tests="$(php-config --extension-dir)/build/run-tests.php"
[ -f "$run_tests" ] || run_tests=$(find /usr/lib/php /usr/local/lib/php -name run-tests.php 2>/dev/null | head -1)
# -n: the freshly built extension only, whatever php.ini already loads.
NO_INTERACTION=1 RDKAFKA_RS_EXTENSION="$extension" TEST_PHP_EXECUTABLE="$(command -v php)" \
  php "$run_tests" -n -q -j2 --show-diff -p "$(command -v php)" -d "extension=$extension" php-tests 2>&1 | tee "$logs/phpt.log"
count() { sed -nE "s/^Tests $1 +: +([0-9]+).*/\1/p" "$logs/phpt.log" | head -1; }
phpt_passed=$(count passed) phpt_failed=$(count failed) phpt_skipped=$(count skipped)
# "Warned": passed when run-tests.php tried it a second time (its retry of tests that
# hit a timeout under load); run-tests counts it apart, we count it as passed.
phpt_warned=$(count warned)
if [ -z "$phpt_passed" ]; then
  phpt_failed=$(( ${phpt_failed:-0} + 1 ))
fi
phpt_borked=$(grep -c '^BORK' "$logs/phpt.log")
passed=$((passed + ${phpt_passed:-0} + ${phpt_warned:-0}))
failed=$((failed + ${phpt_failed:-0} + phpt_borked))
skipped=$((skipped + ${phpt_skipped:-0}))

if [ -n "${RDKAFKA_RS_VALGRIND:-}" ]; then
  # CI sets this: the phpt suite once more, under valgrind memcheck.
  echo "== PHP tests under valgrind (scripts/test-valgrind.sh)"
  RDKAFKA_RS_SKIP_BUILD=1 scripts/test-valgrind.sh 2>&1 | tee "$logs/valgrind.log"
  if line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/valgrind.log" | tail -1) && [ -n "$line" ]; then
    read -r vg_passed _ vg_failed _ vg_skipped _ <<<"${line//,/}"
    passed=$((passed + vg_passed)) failed=$((failed + vg_failed)) skipped=$((skipped + vg_skipped))
  else
    failed=$((failed + 1))
  fi
fi

rm -rf "$logs"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
