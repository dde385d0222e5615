#!/usr/bin/env bash
# Debian/Ubuntu packages needed to build and test the extension (PHP 8.2 CLI and
# headers, libclang for bindgen, a C toolchain for the vendored librdkafka,
# OpenSSL and Cyrus SASL headers for TLS/SASL; python3-yaml lets a test read
# docker/docker-compose.yml; phpunit runs the framework-style test; valgrind
# runs the suite under memcheck in CI; php8.2-fpm runs the PHP-FPM test and benchmark).
set -euo pipefail
packages=(php8.2-cli php8.2-dev php8.2-fpm libclang-dev build-essential pkg-config zlib1g-dev libssl-dev libsasl2-dev python3-yaml phpunit valgrind)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y "${missing[@]}"
fi
command -v cargo >/dev/null || { echo "Rust (cargo) is needed: https://rustup.rs" >&2; exit 1; }
