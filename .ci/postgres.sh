#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print the URL they read.
#
#   eval "$(.ci/postgres.sh)"        # run it: prints `export KRONIEK_TEST_PG_URL=...` to eval
#   source .ci/postgres.sh           # or source it (as .ci/run does): exports the variable directly
#   PYTHONPATH=src python -m pytest tests/store
#
# Installs the server with apt-get when it is missing (CI runs as root), runs it as the postgres
# user on 127.0.0.1 only, creates the database and prints `export KRONIEK_TEST_PG_URL=...` on stdout
# (everything else goes to stderr). Settings: PGPORT (default 54329), PGDATA_DIR (default
# /tmp/kroniek-pg), KRONIEK_TEST_PG_DB (default kroniek_test). Running it again reuses a running server.
set -euo pipefail

_kpg_port="${PGPORT:-54329}"
_kpg_data="${PGDATA_DIR:-/tmp/kroniek-pg}"
_kpg_db="${KRONIEK_TEST_PG_DB:-kroniek_test}"
_kpg_password="kroniek"

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"

as_postgres() {  # root hands the server to the postgres user; anyone else runs it as themselves
    if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

if [ ! -s "$_kpg_data/PG_VERSION" ]; then
    mkdir -p "$_kpg_data"
    if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$_kpg_data"; fi
    chmod 700 "$_kpg_data"
    pwfile="$(mktemp)"; echo "$_kpg_password" > "$pwfile"; chmod 644 "$pwfile"
    as_postgres "$BIN/initdb" -D "$_kpg_data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 >&2
    rm -f "$pwfile"
fi

if ! as_postgres "$BIN/pg_ctl" -D "$_kpg_data" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$_kpg_data" -l "$_kpg_data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $_kpg_port -c unix_socket_directories=$_kpg_data -c fsync=off" start >&2
fi

if ! PGPASSWORD="$_kpg_password" psql -h 127.0.0.1 -p "$_kpg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$_kpg_db'" postgres \
        | grep -q 1; then
    PGPASSWORD="$_kpg_password" psql -h 127.0.0.1 -p "$_kpg_port" -U postgres -c "CREATE DATABASE $_kpg_db" postgres >&2
fi

export KRONIEK_TEST_PG_URL="postgresql://postgres:${_kpg_password}@127.0.0.1:${_kpg_port}/${_kpg_db}"
log "server ready at 127.0.0.1:$_kpg_port, database $_kpg_db"
echo "export KRONIEK_TEST_PG_URL=$KRONIEK_TEST_PG_URL"
