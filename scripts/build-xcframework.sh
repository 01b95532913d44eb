#!/usr/bin/env bash
# On a Mac with Xcode: builds ios/build/CradleFFI.xcframework (device +
# simulator + macOS static libraries with the C module) and the Swift bindings.
# The macOS slice lets `swift test` run on the Mac itself.
# Needs: rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
#        aarch64-apple-darwin x86_64-apple-darwin
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(uname)" = Darwin ] || { echo "build-xcframework.sh needs macOS and Xcode" >&2; exit 1; }

# Bindings come from the unstripped host build (release builds strip the metadata).
cargo build -p cradle-ffi -p uniffi-bindgen
out=build/xcframework
rm -rf "$out" ios/build/CradleFFI.xcframework
target/debug/uniffi-bindgen generate target/debug/libcradle_ffi.dylib --language swift --no-format --out-dir "$out/swift"
rm -rf ios/Sources/Cradle/Generated
scripts/swift-layout.sh "$out/swift" ios/Sources/Cradle/Generated "$out/headers"

# SQLCipher on CommonCrypto: no OpenSSL in the iOS library.
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  cargo build --release -p cradle-ffi --no-default-features --features platform-crypto --target "$t"
done
mkdir -p "$out/sim" "$out/macos"
lipo -create target/aarch64-apple-ios-sim/release/libcradle_ffi.a target/x86_64-apple-ios/release/libcradle_ffi.a \
  -output "$out/sim/libcradle_ffi.a"
lipo -create target/aarch64-apple-darwin/release/libcradle_ffi.a target/x86_64-apple-darwin/release/libcradle_ffi.a \
  -output "$out/macos/libcradle_ffi.a"
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/libcradle_ffi.a -headers "$out/headers" \
  -library "$out/sim/libcradle_ffi.a" -headers "$out/headers" \
  -library "$out/macos/libcradle_ffi.a" -headers "$out/headers" \
  -output ios/build/CradleFFI.xcframework
echo "built ios/build/CradleFFI.xcframework"
