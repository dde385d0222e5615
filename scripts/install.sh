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
php_version=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
ini_dir=$(php --ini | sed -n 's/^Scan for additional .ini files in: //p')
if command -v phpenmod >/dev/null && [ -d "/etc/php/$php_version/mods-available" ]; then
  # Debian's way: one ini file, linked into every SAPI's conf.d (CLI, FPM, ...).
  echo "extension=rdkafka_rs.so" | $sudo_cmd tee "/etc/php/$php_version/mods-available/rdkafka_rs.ini" >/dev/null
  [ ! -f "$ini_dir/20-rdkafka_rs.ini" ] || [ -L "$ini_dir/20-rdkafka_rs.ini" ] || $sudo_cmd rm -f "$ini_dir/20-rdkafka_rs.ini"
  $sudo_cmd phpenmod -v "$php_version" rdkafka_rs
  echo "installed $extension_dir/rdkafka_rs.so, enabled for every PHP $php_version SAPI (phpenmod rdkafka_rs; restart php-fpm to load it there)"
elif [ -n "$ini_dir" ] && [ "$ini_dir" != "(none)" ]; then
  echo "extension=rdkafka_rs.so" | $sudo_cmd tee "$ini_dir/20-rdkafka_rs.ini" >/dev/null
  echo "installed $extension_dir/rdkafka_rs.so, enabled in $ini_dir/20-rdkafka_rs.ini"
else
  echo "installed $extension_dir/rdkafka_rs.so; add extension=rdkafka_rs.so to your php.ini"
fi
php --ri rdkafka
php examples/run-with-mock-cluster.php
