#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the test suite and prints its URL.
# Used by .ci/run and by developers; the cluster lives under $PGTEST_DIR (default /tmp/numberyard-pg).
set -euo pipefail
PGTEST_DIR=${PGTEST_DIR:-/tmp/numberyard-pg}
PGTEST_PORT=${PGTEST_PORT:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
run_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! run_as_postgres "$bindir/pg_ctl" -D "$PGTEST_DIR" status >/dev/null 2>&1; then
  rm -rf "$PGTEST_DIR"
  mkdir -p "$PGTEST_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTEST_DIR"
  run_as_postgres "$bindir/initdb" -D "$PGTEST_DIR" -U postgres --auth=trust -E UTF8 >/dev/null
  run_as_postgres "$bindir/pg_ctl" -D "$PGTEST_DIR" -l "$PGTEST_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGTEST_PORT -k $PGTEST_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PGTEST_PORT/postgres"
