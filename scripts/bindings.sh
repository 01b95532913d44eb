#!/usr/bin/env bash
# Builds the cradle-ffi library (debug) and generates the Kotlin (JVM) and
# Swift bindings from it. Generated files are never edited or committed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cargo build -q -p cradle-ffi -p uniffi-bindgen
lib="$CARGO_TARGET_DIR/debug/libcradle_ffi.so"
bindgen="$CARGO_TARGET_DIR/debug/uniffi-bindgen"

rm -rf "$BINDINGS_DIR"
"$bindgen" generate "$lib" --language kotlin --no-format --out-dir "$BINDINGS_DIR/kotlin" >/dev/null
"$bindgen" generate "$lib" --language swift --no-format --out-dir "$BINDINGS_DIR/swift" >/dev/null

# SwiftPM layout: the generated Swift joins the Cradle target; the C headers
# and their modulemap form the CradleFFI system-library target.
gen="$REPO/ios/Sources/Cradle/Generated"
ffi="$REPO/ios/Sources/CradleFFI"
rm -rf "$gen" "$ffi"
"$REPO/scripts/swift-layout.sh" "$BINDINGS_DIR/swift" "$gen" "$ffi"
