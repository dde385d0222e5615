#!/usr/bin/env bash
# Builds the extension (release) and leaves it at target/release/librdkafka_rs.so,
# also when CARGO_TARGET_DIR points elsewhere (CI shares one target dir across clones).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --lib
built="${CARGO_TARGET_DIR:-target}/release/librdkafka_rs.so"
mkdir -p target/release
if [ "$(realpath "$built")" != "$(realpath -m target/release/librdkafka_rs.so)" ]; then
  # Replaced by rename, never rewritten in place: a PHP process that has the old
  # .so loaded (a running test, benchmark or mock cluster) would crash.
  cp "$built" target/release/librdkafka_rs.so.new
  mv -f target/release/librdkafka_rs.so.new target/release/librdkafka_rs.so
fi
echo "built target/release/librdkafka_rs.so ($(du -h target/release/librdkafka_rs.so | cut -f1))"
