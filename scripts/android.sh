#!/usr/bin/env bash
# Compiles the Android modules as Gradle would, from the same sources and
# library versions (android/libraries.lock), then runs the app's Robolectric
# tests (app/src/test) on the API 35 framework with the host-built core.
# There is no Gradle, NDK or emulator here: aapt2 links the resources, kotlinc
# compiles, JUnit 4 runs. Any compile error fails. Last line: "N passed".
# Needs scripts/bindings.sh first (the unstripped host library) and
# CRADLE_TEST_SERVER for the sync worker's test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"

need_debs aapt zip unzip
libs="$("$REPO/scripts/android-libs.sh")"
out="$REPO/build/android-app"
rm -rf "$out"
mkdir -p "$out"
tools="$libs/tool-jars"
framework="$tools/org.robolectric.android-all-15-robolectric-12650502.jar"
resource_table="$tools/org.robolectric.android-all-14-robolectric-10818077.jar"
join() { local IFS=:; echo "$*"; }
main_jars="$(join "$libs"/jars/*.jar)"
test_jars="$(join $(ls "$libs"/test-jars/*.jar | grep -v android-all-instrumented))"
compiler="$(join $(ls "$tools"/*.jar | grep -v android-all))"
compose_plugin="$(ls "$tools"/*kotlin-compose-compiler-plugin-embeddable-*.jar)"

kotlinc() { # out-dir module-name classpath sources...
  local dest="$1" module="$2" cp="$3"
  shift 3
  java -cp "$compiler" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler \
    -no-stdlib -no-reflect -jvm-target 17 -module-name "$module" -Xplugin="$compose_plugin" \
    -classpath "$cp" -d "$dest" "$@"
}

step "Android bindings (android = true)"
bindgen="$CARGO_TARGET_DIR/debug/uniffi-bindgen"
"$bindgen" generate "$CARGO_TARGET_DIR/debug/libcradle_ffi.so" --language kotlin --no-format \
  --config android/cradle/uniffi-android.toml --out-dir "$out/bindings" >/dev/null
# uniffi-bindgen only warns about a config it cannot use: check what came out.
# Every crate's file with objects (a cleaner): a crate missing from the
# config comes out in the JVM form.
plain="$(grep -rl 'interface UniffiCleaner' "$out/bindings/uniffi" | xargs grep -L 'android.system.SystemCleaner')" || true
[ -z "$plain" ] || die "not the Android form (add the crate to android/cradle/uniffi-android.toml): $plain"

step "Android resources (aapt2)"
mkdir -p "$out/flat" "$out/r-src" "$out/assets" "$out/framework"
unzip -qo "$resource_table" resources.arsc AndroidManifest.xml -d "$out/framework"
(cd "$out/framework" && zip -0 -q ../framework.apk resources.arsc AndroidManifest.xml)
packages=()
for aar in "$libs"/aars/*/; do
  [ -d "$aar/res" ] || continue
  aapt2 compile --dir "$aar/res" -o "$out/flat/$(basename "$aar").zip"
  packages+=("$(sed -n 's/.*package="\([^"]*\)".*/\1/p' "$aar/AndroidManifest.xml" | head -1)")
done
aapt2 compile --dir android/app/src/main/res -o "$out/flat/app.zip"
# The manifest as Gradle merges it, with the libraries' (androidx.startup
# initialises WorkManager from it). Test libraries count, as in a unit test.
python3 "$REPO/scripts/android-manifest.py" android/app/src/main/AndroidManifest.xml "$out/AndroidManifest.xml" \
  $(for aar in "$libs"/aars/*/; do echo "$aar/AndroidManifest.xml"; done)
aapt2 link -I "$out/framework.apk" --manifest "$out/AndroidManifest.xml" --auto-add-overlay \
  --extra-packages "$(join $(printf '%s\n' "${packages[@]}" | sort -u))" \
  --java "$out/r-src" -o "$out/resources.apk" -R "$out"/flat/*.zip 2>&1 | grep -v 'Unknown chunk type' >&2 || true
[ -f "$out/resources.apk" ] || die "aapt2 could not link the app's resources"
# The launcher shows the app's icon (aapt reads the linked manifest).
badging="$(aapt dump badging "$out/resources.apk")"
grep -q "^application: label='Cradle' icon='res/mipmap-anydpi-v26/ic_launcher.xml'" <<<"$badging" \
  || die "the app has no launcher icon: $(grep '^application:' <<<"$badging")"
javac -nowarn -d "$out/r-classes" $(find "$out/r-src" -name R.java) 2>&1 | grep -v '^Note:' >&2 || true

step "compile android/cradle and android/app (kotlinc)"
kotlinc "$out/cradle-classes" cradle "$framework:$main_jars" \
  android/cradle/src/main/kotlin "$out/bindings"
kotlinc "$out/app-classes" app "$framework:$main_jars:$out/cradle-classes:$out/r-classes" \
  android/app/src/main/kotlin
app_cp="$out/app-classes:$out/cradle-classes:$out/r-classes"
kotlinc "$out/test-classes" app_test "$framework:$main_jars:$test_jars:$app_cp" \
  android/app/src/test/kotlin

step "Robolectric tests (API 35)"
# Robolectric reads the linked resources as Gradle's includeAndroidResources
# gives them; as in Gradle, the framework jar is on the classpath too (the
# sandbox runs the instrumented one).
mkdir -p "$out/config/com/android/tools" "$out/android-all"
cat >"$out/config/com/android/tools/test_config.properties" <<EOF
android_resource_apk=$out/resources.apk
android_merged_manifest=$out/AndroidManifest.xml
android_merged_assets=$out/assets
android_custom_package=org.cradle.app
EOF
ln -s "$libs"/test-jars/org.robolectric.android-all-instrumented-*.jar \
  "$out/android-all/$(basename "$libs"/test-jars/org.robolectric.android-all-instrumented-*.jar | sed 's/^org\.robolectric\.//')"
tests=$(cd "$out/test-classes" && find . -name '*Test.class' | sed 's|^\./||; s|\.class$||; s|/|.|g' | sort)
[ -n "$tests" ] || die "no Robolectric tests were compiled"
# ROBOLECTRIC_TESTS (class names) runs only those, while working on them.
tests="${ROBOLECTRIC_TESTS:-$tests}"
# API 35's SystemCleaner (the android = true bindings use it) reaches into the JDK.
java --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
  -Drobolectric.offline=true -Drobolectric.dependency.dir="$out/android-all" \
  -Djna.library.path="$CARGO_TARGET_DIR/debug" -Dcradle.server="${CRADLE_TEST_SERVER:-}" \
  -Dscreenshots.dir="$out/screenshots" \
  -cp "$out/test-classes:$app_cp:$out/config:$main_jars:$test_jars:$framework" \
  org.junit.runner.JUnitCore $tests 2>&1 | tee "$out/robolectric.log" | grep -vE '^\s+at ' | tail -40 >&2 || true
passed=$(sed -nE 's/^OK \(([0-9]+) tests?\)$/\1/p' "$out/robolectric.log")
if [ -z "$passed" ]; then
  # Each failure's name and first line, where scripts/test's filter shows them.
  grep -A1 -E '^[0-9]+\) ' "$out/robolectric.log" | grep -vE '^--$' | sed 's/^/error: /' >&2
  die "Robolectric tests failed (build/android-app/robolectric.log)"
fi
echo "$passed passed"
