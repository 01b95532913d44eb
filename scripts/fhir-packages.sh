#!/usr/bin/env bash
# Fetches the HL7 IPS 2.0.0 FHIR package and the packages it builds on from
# the npm registry, checked by their published SHA-1, into a cache outside
# the clone; the Kotlin tests load them from there (android/pom.xml).
# HL7 publishes these packages under CC0-1.0. IPS names terminology 6.5.0,
# extensions 5.2.0 and IPA 1.1.0; npm serves terminology 7.0.1 and extensions
# 5.3.0-ballot-tc1 (no IPA), which hold every definition IPS refers to here.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir="$HOME/.cache/cradle/fhir-packages"
mkdir -p "$dir"
while read -r name version sha1; do
  file="$dir/$name-$version.tgz"
  if [ -f "$file" ] && echo "$sha1  $file" | sha1sum -c --status; then continue; fi
  curl -sfL --retry 3 -o "$file.part" "https://registry.npmjs.org/$name/-/$name-$version.tgz"
  echo "$sha1  $file.part" | sha1sum -c --status || die "$name $version does not match its checksum"
  mv "$file.part" "$file"
done <<'LIST'
hl7.fhir.uv.ips 2.0.0 72d5e3ed146a509212e90a4bba4613f36c501d8e
hl7.terminology.r4 7.0.1 821279c60ef8564f7bd61403738de1a3dd26afda
hl7.fhir.uv.extensions.r4 5.3.0-ballot-tc1 b8722abcafb2ab45b0974f753ebc9ca7c6048a5b
LIST
echo "$dir"
