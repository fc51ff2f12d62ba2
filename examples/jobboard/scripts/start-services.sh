#!/usr/bin/env bash
# Start PostgreSQL and Redis on 127.0.0.1 for the Job Board test suite.
#
#   eval "$(scripts/start-services.sh)"   # then: pytest
#
# Idempotent: installs the packages if they are missing (root only, Debian
# or Ubuntu), starts what is not running, creates the role and database
# `jobboard` (password `jobboard`: a local test credential, not a secret)
# and prints the two exports on stdout. Everything else goes to stderr.
set -euo pipefail

# The caller evals stdout, so nothing but the exports may reach it. All the
# work is in start_services, run with its stdout sent to stderr (see the end):
# - tools print to stdout too (pg_ctlcluster says "Removed stale pid file."
#   after an unclean shutdown);
# - the caller's $(...) waits until every copy of the pipe is closed, and
#   the daemons started here (redis-server, postgres) would keep any copy
#   they inherit open for as long as they run.

log() { echo "start-services: $*"; }

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

start_services() {
    if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null; then
        if [ "$(id -u)" -ne 0 ]; then
            log "install postgresql and redis-server first (or run this as root)"
            exit 1
        fi
        log "installing postgresql and redis-server"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server
    fi

    # PostgreSQL: the first cluster apt created (e.g. 15/main), on port 5432.
    read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
    if [ "$pg_port" != "5432" ]; then
        log "cluster $pg_version/$pg_cluster listens on $pg_port, expected 5432"
        exit 1
    fi
    if [ "$pg_status" != "online" ]; then
        log "starting PostgreSQL $pg_version/$pg_cluster"
        pg_ctlcluster "$pg_version" "$pg_cluster" start
    fi
    until pg_isready -q -h 127.0.0.1 -p 5432; do sleep 0.5; done

    as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE jobboard LOGIN PASSWORD ''jobboard'' CREATEDB'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jobboard')\gexec
SELECT 'CREATE DATABASE jobboard OWNER jobboard'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'jobboard')\gexec
SQL
    # CREATEDB: pytest-django creates and drops its own test_jobboard database.

    # Redis: database 1, because the test suite flushes the database it uses.
    if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
        log "starting Redis"
        # Throwaway test data: no snapshots, so nothing is written to disk.
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir "${TMPDIR:-/tmp}"
        until redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; do sleep 0.2; done
    fi

    log "PostgreSQL and Redis are up"
}

start_services >&2
echo "export DATABASE_URL=postgres://jobboard:jobboard@127.0.0.1:5432/jobboard"
echo "export REDIS_URL=redis://127.0.0.1:6379/1"
