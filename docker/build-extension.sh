#!/usr/bin/env bash
# Builds rdkafka-rs from a source tree and installs it into the PHP found by
# php-config: the whole of what docker/Dockerfile does, kept in this one script
# so that it runs (and is tested) outside Docker too.
#
#   docker/build-extension.sh [SOURCE_DIR]
#
# Env: EXTENSION_DIR installs there instead of `php-config --extension-dir`
# (and skips enabling it); CARGO_TARGET_DIR as for cargo.
# Works on Debian-based images (php:8.1-cli ... php:8.4-cli) and Debian/Ubuntu hosts.
set -euo pipefail
source_dir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

# Build dependencies: a C toolchain for the vendored librdkafka, libclang for
# ext-php-rs's bindgen, OpenSSL and zlib headers (the .so links libssl and libz).
packages=(build-essential pkg-config libclang-dev libssl-dev zlib1g-dev curl ca-certificates)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi

# php-config comes with the official images and with Debian's php*-dev packages.
command -v php-config >/dev/null || { echo "php-config not found: install the PHP development package (php8.2-dev)" >&2; exit 1; }

# Rust (stable) when the image has none.
if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] || curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain stable
  export PATH="$HOME/.cargo/bin:$PATH"
fi

cd "$source_dir"
# ext-php-rs finds PHP through the php and php-config on PATH.
cargo build --release --lib
built="${CARGO_TARGET_DIR:-$source_dir/target}/release/librdkafka_rs.so"

target_dir=${EXTENSION_DIR:-$(php-config --extension-dir)}
mkdir -p "$target_dir"
# Installed by rename: a PHP process that has the old file loaded keeps working.
install -m 0755 "$built" "$target_dir/rdkafka_rs.so.new"
mv -f "$target_dir/rdkafka_rs.so.new" "$target_dir/rdkafka_rs.so"
if [ -z "${EXTENSION_DIR:-}" ]; then
  if command -v docker-php-ext-enable >/dev/null; then
    docker-php-ext-enable rdkafka_rs
  else
    echo "add extension=rdkafka_rs.so to your php.ini"
  fi
fi

# The installed file loads and answers as php-rdkafka 6 would.
php -n -d "extension=$target_dir/rdkafka_rs.so" -r '
  if (!extension_loaded("rdkafka") || !version_compare(phpversion("rdkafka"), "6.0", ">=")) { fwrite(STDERR, "rdkafka did not load\n"); exit(1); }
  $v = RD_KAFKA_VERSION;
  printf("installed %s: rdkafka %s (librdkafka %d.%d.%d) for PHP %s\n", $argv[1], phpversion("rdkafka"), $v >> 24, ($v >> 16) & 0xff, ($v >> 8) & 0xff, PHP_VERSION);
' "$target_dir/rdkafka_rs.so"
