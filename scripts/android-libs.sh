#!/usr/bin/env bash
# Fetches every library in android/libraries.lock into the cache (outside the
# clone), checks its SHA-256, and lays them out by scope (the app's jars, the
# tests', the tools'), each aar unpacked: classes.jar, res/, its manifest.
# Prints the directory it unpacked into.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cache="$HOME/.cache/cradle/android-libs"
out="$REPO/build/android-libs"
repos=(https://maven.google.com https://repo.maven.apache.org/maven2)
mkdir -p "$cache"
rm -rf "$out"
mkdir -p "$out/jars" "$out/test-jars" "$out/tool-jars" "$out/aars"

while read -r coord sha scope; do
  case "$coord" in '#'*|'') continue ;; esac
  IFS=: read -r group artifact version ext <<<"$coord"
  file="$cache/$group/$artifact-$version.$ext"
  if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$sha" ]; then
    mkdir -p "$cache/$group"
    path="${group//.//}/$artifact/$version/$artifact-$version.$ext"
    for repo in "${repos[@]}"; do
      curl -fsSL --retry 3 -o "$file.part" "$repo/$path" 2>/dev/null && break
    done
    [ -f "$file.part" ] || die "no repository serves $coord"
    [ "$(sha256sum "$file.part" | cut -d' ' -f1)" = "$sha" ] || die "$coord does not match its SHA-256 in android/libraries.lock"
    mv "$file.part" "$file"
  fi
  jars="$out/jars"
  [ "$scope" = main ] || jars="$out/$scope-jars"
  name="$group.$artifact-$version"
  if [ "$ext" = jar ]; then
    ln -s "$file" "$jars/$name.jar"
  else
    dir="$out/aars/$name"
    mkdir -p "$dir"
    unzip -qo "$file" -d "$dir"
    [ -f "$dir/classes.jar" ] && ln -s "$dir/classes.jar" "$jars/$name.jar"
    for lib in "$dir"/libs/*.jar; do [ -f "$lib" ] && ln -s "$lib" "$jars/$name-$(basename "$lib")"; done
    echo "$scope" >"$dir/scope"
  fi
done <"$REPO/android/libraries.lock"
echo "$out"
