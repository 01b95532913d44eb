#!/usr/bin/env bash
# On a running emulator (the Android workflow starts one): installs the
# debug APK, goes through onboarding as a first-time user would, and checks
# that Today comes up in the app frame. Taps find their targets by text in
# uiautomator's dump, as Compose exposes it.
set -euo pipefail
apk="${1:-android/app/build/outputs/apk/debug/app-debug.apk}"

screen() { adb shell uiautomator dump /sdcard/ui.xml >/dev/null && adb shell cat /sdcard/ui.xml; }
wait_for() { # text
  for _ in $(seq 1 30); do screen | grep -q "text=\"$1\"" && return 0; sleep 1; done
  echo "emulator: '$1' never appeared" >&2
  screen >&2
  exit 1
}
tap() { # text
  wait_for "$1"
  local b
  b=$(screen | grep -o "text=\"$1\"[^>]*bounds=\"\[[0-9]*,[0-9]*\]\[[0-9]*,[0-9]*\]\"" | head -1 \
    | sed -E 's/.*bounds="\[([0-9]+),([0-9]+)\]\[([0-9]+),([0-9]+)\]".*/\1 \2 \3 \4/')
  set -- $b
  adb shell input tap $((($1 + $3) / 2)) $((($2 + $4) / 2))
}

adb install -r "$apk"
adb shell pm grant org.cradle.app android.permission.POST_NOTIFICATIONS
adb shell am start -W -n org.cradle.app/.MainActivity
wait_for "Welcome to Cradle"
tap "Trying to conceive"
tap "Start"
# Today, inside the frame: the bottom navigation's tabs.
wait_for "Today"
wait_for "Reminders"
adb shell pidof org.cradle.app >/dev/null || { echo "emulator: the app is no longer running" >&2; exit 1; }
echo "emulator: onboarding and Today work"
