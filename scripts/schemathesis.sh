#!/usr/bin/env bash
# Runs schemathesis (every check, server/schemathesis.toml) against a
# cradle-server of its own on 127.0.0.1 (SQLite, --sandbox, an admin token),
# built beforehand in $CARGO_TARGET_DIR/debug, as users it makes. Its
# admin calls change prices and stock, so no other test shares that server.
# Installs schemathesis from PyPI into a virtual environment cached outside
# the clone. Exits non-zero on any failure; the last line is
# "schemathesis: N passed, 0 failed".
set -euo pipefail
source "$(dirname "$0")/lib.sh"
venv="${CRADLE_CACHE:-$HOME/.cache/cradle}/schemathesis-4.32.5"
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi

work="$(mktemp -d)"
# Hex, so the token can never start with "-" and be read as a flag.
admin_token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$CARGO_TARGET_DIR/debug/cradle-server" --listen 127.0.0.1:0 --addr-file "$work/addr" \
  --data-dir "$work/data" --sandbox --admin-token="$admin_token" \
  --rate-per-ip 100000 --rate-per-account 100000 >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/addr" ] && break; sleep 0.1; done
[ -s "$work/addr" ] || die "the schemathesis server did not start: $(cat "$work/server.log")"
url="http://$(cat "$work/addr")"

# A user of the API: registered with a sealed-looking key check, signed in.
token() {
  local login="$1"
  local check
  check="e1.$(head -c 60 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
  curl -sf -X POST "$url/v1/accounts" -H 'content-type: application/json' \
    -d "{\"login\":\"$login\",\"password\":\"correct horse battery\",\"key_check\":\"$check\"}" >/dev/null
  curl -sf -X POST "$url/v1/sessions" -H 'content-type: application/json' \
    -d "{\"login\":\"$login\",\"password\":\"correct horse battery\",\"device\":\"schemathesis\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
suffix="$(date +%s%N)"
export CRADLE_TOKEN CRADLE_LEAVER_TOKEN CRADLE_EVERYWHERE_TOKEN CRADLE_DELETER_TOKEN CRADLE_ORDER_ID
export CRADLE_ADMIN_TOKEN="$admin_token"
CRADLE_TOKEN="$(token "fuzz-$suffix")"
CRADLE_LEAVER_TOKEN="$(token "leaver-$suffix")"
CRADLE_EVERYWHERE_TOKEN="$(token "everywhere-$suffix")"
CRADLE_DELETER_TOKEN="$(token "deleter-$suffix")"

# An order of hers for the order routes to act on.
CRADLE_ORDER_ID="order-$suffix"
auth=(-H "Authorization: Bearer $CRADLE_TOKEN" -H 'content-type: application/json')
quote="$(curl -sf -X POST "$url/v1/carts/validate" "${auth[@]}" \
  -d '{"lines":[{"sku":"diapers-2100","qty":1,"price_seen_minor":0}]}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["quote"])')"
curl -sf -X POST "$url/v1/orders" "${auth[@]}" -H "Idempotency-Key: $CRADLE_ORDER_ID" \
  -d "{\"lines\":[{\"sku\":\"diapers-2100\",\"qty\":1}],\"quote\":\"$quote\",
       \"ship_to\":{\"name\":\"小雨\",\"phone\":\"13800138000\",\"province\":\"上海市\",
       \"city\":\"上海市\",\"district\":\"浦东新区\",\"detail\":\"世纪大道 100 号\"}}" >/dev/null

report="$work/report"
set +e
# From the work folder: schemathesis keeps its cache where it runs.
cd "$work"
"$venv/bin/st" --config-file "$REPO/server/schemathesis.toml" run "$REPO/server/openapi.json" \
  --url "$url" --checks all --no-color --report junit --report-dir "$report"
status=$?
set -e
junit="$(ls "$report"/*.xml 2>/dev/null | head -1)"
read -r tests failures errors < <(python3 - "$junit" <<'PY'
import sys, xml.etree.ElementTree as ET
suites = ET.parse(sys.argv[1]).getroot()
tests = failures = errors = 0
for s in suites.iter("testsuite"):
    tests += int(s.get("tests", 0)); failures += int(s.get("failures", 0)); errors += int(s.get("errors", 0))
print(tests, failures, errors)
PY
)
[ "$status" -eq 0 ] || die "schemathesis found failures (exit $status)"
echo "schemathesis: $((tests - failures - errors)) passed, $((failures + errors)) failed"
