#!/usr/bin/env bash
# Prints the stripped size of the release mobile library (host build, same
# release profile as the phones use). Usage: scripts/size.sh [opt-level]
# An opt-level argument overrides the profile's, for comparing settings.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
if [ $# -gt 0 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$1"
fi
cargo build -q --release -p cradle-ffi
lib="$CARGO_TARGET_DIR/release/libcradle_ffi.so"
bytes=$(stat -c %s "$lib")
printf 'libcradle_ffi.so (opt-level=%s): %d bytes (%.2f MiB)\n' \
  "${CARGO_PROFILE_RELEASE_OPT_LEVEL:-profile}" "$bytes" "$(awk "BEGIN {print $bytes / 1048576}")"
