#!/usr/bin/env bash
# The Android native libraries, one per ABI the app ships, built by
# cargo-ndk; android/cradle/build.gradle.kts runs this.
#
# Usage: scripts/android-native.sh NDK_DIR OUT_DIR [CRYPTO]
#   CRYPTO picks SQLCipher's crypto (sizes and speeds: docs/benchmarks.md):
#   - openssl-min, the default: OpenSSL with only what SQLCipher calls
#     (scripts/openssl-min.sh), hardware AES where the phone has it;
#   - vendored-crypto: the whole OpenSSL, as openssl-src builds it;
#   - portable-crypto: LibTomCrypt, smaller still, no hardware AES.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || die "usage: $0 NDK_DIR OUT_DIR [openssl-min|vendored-crypto|portable-crypto]"
ndk=$1
out=$2
crypto=${3:-openssl-min}
features=$crypto
if [ "$crypto" = openssl-min ]; then
  features=vendored-crypto
  # The NDK ships its clang for x86_64 hosts, Apple silicon included.
  host="$(uname -s | tr '[:upper:]' '[:lower:]')-x86_64"
  export ANDROID_NDK_ROOT="$ndk" PATH="$ndk/toolchains/llvm/prebuilt/$host/bin:$PATH"
  # openssl-sys then links the OpenSSL below instead of building its own.
  export OPENSSL_NO_VENDOR=1 OPENSSL_STATIC=1
  for pair in aarch64-linux-android:android-arm64 armv7-linux-androideabi:android-arm \
    x86_64-linux-android:android-x86_64; do
    rust=${pair%%:*}
    dir="$CARGO_TARGET_DIR/openssl-min/$rust"
    # minSdk 26 (app/build.gradle.kts).
    "$REPO/scripts/openssl-min.sh" "${pair#*:}" "$dir" -D__ANDROID_API__=26 >/dev/null
    export "$(echo "$rust" | tr '[:lower:]-' '[:upper:]_')_OPENSSL_DIR=$dir"
  done
fi
# Relocations packed as Android reads them from API 23: 0.4 MB smaller.
for rust in AARCH64_LINUX_ANDROID ARMV7_LINUX_ANDROIDEABI X86_64_LINUX_ANDROID; do
  export "CARGO_TARGET_${rust}_RUSTFLAGS=-C link-arg=-Wl,--pack-dyn-relocs=android"
done
cd "$REPO"
exec cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$out" \
  build --release -p cradle-ffi --no-default-features --features "$features"
