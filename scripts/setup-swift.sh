#!/usr/bin/env bash
# Provides a Swift toolchain for the XCTest suite on Linux.
# Uses `swift` from PATH when present; otherwise builds (once) a Debian trixie
# chroot with the `swiftlang` package, cached outside the clone.
# Prints the chroot directory on stdout ("" when the host has swift).
set -euo pipefail

if command -v swift >/dev/null 2>&1; then
  echo ""
  exit 0
fi

root="${CRADLE_SWIFT_CHROOT:-/var/cache/cradle/swift-trixie}"
stamp="$root/.cradle-swift-ready"
mirror="${CRADLE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [ ! -f "$stamp" ]; then
  {
    echo "setting up the Swift chroot in $root (once, about 3 GB)"
    if ! command -v debootstrap >/dev/null 2>&1; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    fi
    # A half-built chroot from an interrupted run is discarded, never reused.
    # Unmount first: a bind mount left inside it must never be deleted through.
    # (grep finds nothing on a machine that never had the chroot; that is fine.)
    { findmnt -rn -o TARGET | grep -F "$root/" || true; } | sort -r | xargs -r -n1 umount -l
    rm -rf "$root"
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase trixie "$root" "$mirror" >/dev/null
    mount --bind /proc "$root/proc"
    chroot "$root" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends swiftlang libc6-dev libstdc++-14-dev ca-certificates >/dev/null"
    chroot "$root" swift --version
    touch "$stamp"
  } >&2
fi
mountpoint -q "$root/proc" || mount --bind /proc "$root/proc"
echo "$root"
