#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print the URL they read.
#
#   eval "$(.ci/postgres.sh)"        # exports KRONIEK_TEST_PG_URL in this shell
#   PYTHONPATH=src python -m pytest tests/store
#
# Installs the server with apt-get when it is missing (CI runs as root), runs it as the postgres
# user on 127.0.0.1 only, creates the database and prints `export KRONIEK_TEST_PG_URL=...` on stdout
# (everything else goes to stderr). Settings: PGPORT (default 54329), PGDATA_DIR (default
# /tmp/kroniek-pg), KRONIEK_TEST_PG_DB (default kroniek_test). Running it again reuses a running server.
set -euo pipefail

PORT="${PGPORT:-54329}"
DATA="${PGDATA_DIR:-/tmp/kroniek-pg}"
DB="${KRONIEK_TEST_PG_DB:-kroniek_test}"
PASSWORD="kroniek"

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"

as_postgres() {
    if [ "$(id -un)" = "postgres" ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    chown postgres:postgres "$DATA" 2>/dev/null || true
    chmod 700 "$DATA"
    pwfile="$(mktemp)"; echo "$PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 >&2
    rm -f "$pwfile"
fi

if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DATA -c fsync=off" start >&2
fi

export PGPASSWORD="$PASSWORD"
if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres \
        | grep -q 1; then
    psql -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE $DB" postgres >&2
fi

URL="postgresql://postgres:${PASSWORD}@127.0.0.1:${PORT}/${DB}"
log "server ready at 127.0.0.1:$PORT, database $DB"
echo "export KRONIEK_TEST_PG_URL=$URL"
