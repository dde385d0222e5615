#!/usr/bin/env bash
# Set-up command 1: installs the build dependencies, builds the extension,
# installs it into PHP's extension directory with an ini file that loads it,
# and runs the docs' producer and consumer against an in-process mock cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
extension_dir=$(php-config --extension-dir)
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd install -m 0755 target/release/librdkafka_rs.so "$extension_dir/rdkafka_rs.so"
ini_dir=$(php --ini | sed -n 's/^Scan for additional .ini files in: //p')
if [ -n "$ini_dir" ] && [ "$ini_dir" != "(none)" ]; then
  echo "extension=rdkafka_rs.so" | $sudo_cmd tee "$ini_dir/20-rdkafka_rs.ini" >/dev/null
  echo "installed $extension_dir/rdkafka_rs.so, enabled in $ini_dir/20-rdkafka_rs.ini"
else
  echo "installed $extension_dir/rdkafka_rs.so; add extension=rdkafka_rs.so to your php.ini"
fi
php --ri rdkafka
php examples/run-with-mock-cluster.php
