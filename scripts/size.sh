#!/usr/bin/env bash
# Prints the stripped size of the release mobile library, once per SQLCipher
# crypto route: OpenSSL with only what SQLCipher calls (openssl-min, what
# Android ships), openssl-src's whole OpenSSL (vendored-crypto) and
# LibTomCrypt (portable-crypto).
#
# Usage: scripts/size.sh [host|arm64] [opt-level]
#   host: this machine's architecture, the release profile as it is.
#   arm64: aarch64-unknown-linux-gnu, the proxy for Android's
#     aarch64-linux-android (same ISA, same OpenSSL assembly; there is no NDK
#     here), linked as the NDK links: lld, relocations packed
#     (--pack-dyn-relocs=android, which Android reads from API 23). Needs
#     Debian's gcc-aarch64-linux-gnu and lld, and rustup's target.
#   An opt-level overrides the profile's, for comparing settings.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
arch=${1:-host}
if [ $# -gt 1 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$2"
fi
target_args=()
lib="$CARGO_TARGET_DIR/release/libcradle_ffi.so"
if [ "$arch" = arm64 ]; then
  need_debs gcc-aarch64-linux-gnu libc6-dev-arm64-cross lld
  rustup target add aarch64-unknown-linux-gnu >/dev/null
  tools="$CARGO_TARGET_DIR/arm64-tools"
  mkdir -p "$tools"
  ln -sf "$(command -v ld.lld)" "$tools/ld.lld" # gcc's -fuse-ld=lld looks in -B
  export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar \
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C link-arg=-fuse-ld=lld -C link-arg=-B$tools -C link-arg=-Wl,--pack-dyn-relocs=android"
  min="$CARGO_TARGET_DIR/openssl-min/aarch64-unknown-linux-gnu"
  CC=aarch64-linux-gnu-gcc AR=aarch64-linux-gnu-ar RANLIB=aarch64-linux-gnu-ranlib \
    "$REPO/scripts/openssl-min.sh" linux-aarch64 "$min" >/dev/null
  export AARCH64_UNKNOWN_LINUX_GNU_OPENSSL_DIR="$min"
  target_args=(--target aarch64-unknown-linux-gnu)
  lib="$CARGO_TARGET_DIR/aarch64-unknown-linux-gnu/release/libcradle_ffi.so"
fi
for route in openssl-min vendored-crypto portable-crypto; do
  case $route in
    openssl-min) run=(env) features=vendored-crypto ;;
    vendored-crypto) run=(env -u OPENSSL_DIR -u OPENSSL_NO_VENDOR -u OPENSSL_STATIC
      -u AARCH64_UNKNOWN_LINUX_GNU_OPENSSL_DIR) features=vendored-crypto ;;
    portable-crypto) run=(env) features=portable-crypto ;;
  esac
  "${run[@]}" cargo build -q --release -p cradle-ffi "${target_args[@]}" --no-default-features --features "$features"
  bytes=$(stat -c %s "$lib")
  printf 'libcradle_ffi.so (%s, %s, opt-level=%s): %d bytes (%.2f MiB)\n' "$arch" "$route" \
    "${CARGO_PROFILE_RELEASE_OPT_LEVEL:-profile}" "$bytes" "$(awk "BEGIN {print $bytes / 1048576}")"
done
