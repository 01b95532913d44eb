#!/usr/bin/env bash
# Prints the stripped size of the release mobile library (host build, same
# release profile as the phones use), once per SQLCipher crypto provider
# that a non-Apple build can take: OpenSSL (the default) and LibTomCrypt
# (portable-crypto). Usage: scripts/size.sh [opt-level]
# An opt-level argument overrides the profile's, for comparing settings.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
if [ $# -gt 0 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$1"
fi
lib="$CARGO_TARGET_DIR/release/libcradle_ffi.so"
for crypto in vendored-crypto portable-crypto; do
  cargo build -q --release -p cradle-ffi --no-default-features --features "$crypto"
  bytes=$(stat -c %s "$lib")
  printf 'libcradle_ffi.so (%s, opt-level=%s): %d bytes (%.2f MiB)\n' "$crypto" \
    "${CARGO_PROFILE_RELEASE_OPT_LEVEL:-profile}" "$bytes" "$(awk "BEGIN {print $bytes / 1048576}")"
done
