#!/usr/bin/env bash
# Starts a private PostgreSQL for the tests, on 127.0.0.1 only, in a folder
# outside the clone, and prints its URL. Installs Debian's package when
# missing; initdb refuses root, so the cluster belongs to `postgres`.
#   scripts/postgres.sh start   → prints postgres://postgres@127.0.0.1:PORT
#   scripts/postgres.sh stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port="${CRADLE_PG_PORT:-54329}"
dir="${CRADLE_PG_DIR:-/var/tmp/cradle-pg}"

bin() {
  local b
  b="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$b" ] || die "PostgreSQL is not installed"
  echo "$b"
}

as_postgres() { su postgres -s /bin/bash -c "$*"; }

case "${1:-start}" in
  start)
    need_debs postgresql >&2
    pg="$(bin)"
    if [ ! -s "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      chown postgres: "$dir"
      as_postgres "'$pg/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >'$dir/initdb.log' 2>&1" \
        || die "initdb failed: $(cat "$dir/initdb.log")"
    fi
    if ! as_postgres "'$pg/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
      as_postgres "'$pg/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-p $port -c listen_addresses=127.0.0.1 -k '$dir' -c fsync=off\" start" >/dev/null \
        || die "PostgreSQL did not start: $(tail -5 "$dir/server.log")"
    fi
    echo "postgres://postgres@127.0.0.1:$port"
    ;;
  stop)
    pg="$(bin)"
    as_postgres "'$pg/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *) die "usage: scripts/postgres.sh start|stop" ;;
esac
