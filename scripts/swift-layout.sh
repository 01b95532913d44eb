#!/usr/bin/env bash
# Lays out generated Swift bindings (dir $1): every crate's Swift file joins
# the Cradle module (dir $2), and every crate's C header goes into the one
# CradleFFI module (dir $3), as each crate's uniffi.toml names it.
set -euo pipefail
gen="$1" swift_dest="$2" ffi_dest="$3"
mkdir -p "$swift_dest" "$ffi_dest"
cp "$gen"/*.swift "$swift_dest/"
cp "$gen"/*.h "$ffi_dest/"
{
  echo "module CradleFFI {"
  for h in "$gen"/*.h; do echo "    header \"$(basename "$h")\""; done
  echo "    export *"
  echo "}"
} > "$ffi_dest/module.modulemap"
