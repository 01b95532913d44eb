# Shared settings for the scripts; sourced, not run.
# The cargo target directory lives outside the clone so that dependency
# builds are reused across clones (cargo's fingerprints keep that correct).
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cradle/target}"
BINDINGS_DIR="$REPO/build/bindings"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs Debian packages that are missing; a no-op when all are present.
need_debs() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Host builds link the same OpenSSL the Android library ships: only what
# SQLCipher calls (scripts/openssl-min.sh), built once into the cache. So
# every test runs SQLCipher on it. A plain `cargo build` outside these
# scripts builds openssl-src's whole OpenSSL instead; both open the same files.
if [ -z "${OPENSSL_DIR:-}" ] && [ -z "${CRADLE_OPENSSL_MIN_BUILDING:-}" ]; then
  case "$(uname -sm)" in
    "Linux x86_64") openssl_target=linux-x86_64 ;;
    "Linux aarch64") openssl_target=linux-aarch64 ;;
    "Darwin arm64") openssl_target=darwin64-arm64 ;;
    "Darwin x86_64") openssl_target=darwin64-x86_64 ;;
    *) die "no OpenSSL target for $(uname -sm)" ;;
  esac
  OPENSSL_DIR="$HOME/.cache/cradle/openssl-min/$openssl_target"
  CRADLE_OPENSSL_MIN_BUILDING=1 "$REPO/scripts/openssl-min.sh" "$openssl_target" "$OPENSSL_DIR" >/dev/null
  export OPENSSL_DIR OPENSSL_NO_VENDOR=1 OPENSSL_STATIC=1
fi
