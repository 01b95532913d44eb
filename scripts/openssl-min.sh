#!/usr/bin/env bash
# Builds the OpenSSL that SQLCipher needs and nothing else: AES-256-CBC (and
# the AES-CTR of the random generator), SHA-1/256/512, HMAC, PBKDF2 and the
# random generator, with OpenSSL's assembly (ARMv8 Crypto Extensions on
# arm64, AES-NI on x86_64). Every algorithm, protocol and format SQLCipher
# never calls is configured out, SM2's 512 KB table among them.
#
# The source is the same OpenSSL release the vendored build uses (the
# openssl-src crate's copy), so the only difference is what is left out.
# The library links through openssl-sys's OPENSSL_DIR route:
#   OPENSSL_NO_VENDOR=1 OPENSSL_STATIC=1 OPENSSL_DIR=PREFIX cargo build ...
#
# Usage: scripts/openssl-min.sh CONFIGURE_TARGET PREFIX [CONFIGURE_ARG...]
#   CONFIGURE_TARGET: OpenSSL's name for the platform, e.g. linux-aarch64,
#   linux-x86_64, android-arm64 (with the NDK's clang on PATH and
#   ANDROID_NDK_ROOT set; scripts/android-native.sh does that).
#   CC, AR and RANLIB choose the cross tools; the result is cached in PREFIX
#   until this script or the OpenSSL release changes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || die "usage: $0 CONFIGURE_TARGET PREFIX [CONFIGURE_ARG...]"
target=$1
prefix=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2

src=$(cd "$REPO" && cargo metadata -q --format-version 1 --locked |
  python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"]=="openssl-src"))')/openssl
[ -x "$src/Configure" ] || die "openssl-src's source not found (run cargo fetch)"

options=(
  no-shared no-module no-dso no-engine no-dynamic-engine no-legacy
  no-apps no-tests no-docs no-ui-console no-autoload-config
  no-ssl no-tls no-dtls no-quic no-sock no-dgram no-http no-ktls no-srtp
  no-psk no-nextprotoneg no-ocsp no-ct no-cms no-cmp no-ts no-srp
  no-comp no-zlib no-async no-thread-pool
  no-ec no-ec2m no-ecx no-sm2 no-sm2-precomp no-dh no-dsa no-gost
  no-ml-dsa no-ml-kem no-slh-dsa no-lms
  no-sm3 no-sm4 no-des no-rc2 no-rc4 no-rc5 no-idea no-seed no-bf no-cast
  no-camellia no-aria no-chacha no-poly1305 no-siphash no-whirlpool
  no-rmd160 no-md2 no-md4 no-mdc2 no-blake2 no-scrypt no-argon2 no-ocb
  no-siv no-cmac no-rfc3779 no-multiblock no-padlockeng no-afalgeng
  no-capieng no-loadereng no-uplink no-filenames no-deprecated no-err
)
# The marker names what was built; a change to this script rebuilds.
stamp="$prefix/.built-$( (cat "$src/VERSION.dat" "$0"; echo "$target $*") | sha256sum | cut -c1-16)"
if [ -f "$stamp" ]; then
  echo "$prefix"
  exit 0
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
step "building OpenSSL for $target (only what SQLCipher calls) into $prefix"
(
  cd "$build"
  "$src/Configure" "$target" --prefix="$prefix" --libdir=lib "${options[@]}" \
    -fPIC -Os "$@" >configure.log 2>&1 || { cat configure.log >&2; exit 1; }
  make -j"$(nproc)" build_libs >make.log 2>&1 || { tail -40 make.log >&2; exit 1; }
  make install_dev >install.log 2>&1 || { tail -40 install.log >&2; exit 1; }
)
rm -f "$prefix"/.built-*
touch "$stamp"
echo "$prefix"
