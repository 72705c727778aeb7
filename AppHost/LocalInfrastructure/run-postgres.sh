#!/usr/bin/env bash
# Runs a throw-away PostgreSQL cluster from Debian's binaries on $PGPORT (loopback) with database $PG_DATABASE.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user. The data folder is deleted
# on exit. Durability is off (fsync, full_page_writes): this cluster lives only as long as one local run.
set -euo pipefail

: "${PGPORT:?PGPORT must be set}"
: "${PG_DATABASE:?PG_DATABASE must be set}"
bin=${PG_BIN_DIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
data=$(mktemp -d "${TMPDIR:-/tmp}/videoengager-pg.XXXXXX")

as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres: "$data"
  as_owner() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
fi

as_owner "$bin/initdb" --pgdata="$data/cluster" --username=postgres --auth=trust --encoding=UTF8 --no-sync >/dev/null

as_owner "$bin/postgres" -D "$data/cluster" -p "$PGPORT" -h 127.0.0.1 -k "$data" \
  -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300 &
server=$!

stop() {
  kill -INT "$server" 2>/dev/null || true   # fast shutdown
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 0' TERM INT

# The orchestrator may end this script with SIGKILL, which no trap sees: then a watcher in its own session, detached
# from this script's process tree (so a kill of the tree spares it), stops the server and deletes the data folder.
watch_owner() {
  while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
  kill -INT "$2" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$2" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$2" 2>/dev/null || true
  rm -rf "$3"
}
( setsid bash -c "$(declare -f watch_owner); watch_owner $$ $server '$data'" </dev/null >/dev/null 2>&1 & )

until "$bin/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q; do
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 0.1
done
"$bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "CREATE DATABASE \"$PG_DATABASE\""
echo "PostgreSQL ready on 127.0.0.1:$PGPORT, database $PG_DATABASE"
wait "$server"
