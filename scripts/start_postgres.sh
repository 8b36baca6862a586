#!/usr/bin/env bash
# Source me: start the Debian PostgreSQL cluster (root or sudo), create the test role and database,
# and export ACREL_TEST_PG_URL. Leaves it unset when no server can be started.
pg_url="postgresql+psycopg://acrel:acrel@127.0.0.1:5432/acrel_test"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi; }
if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql >/dev/null 2>&1; then
  ver=$(ls /etc/postgresql | sort -n | tail -n 1)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    as_root pg_ctlcluster "$ver" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='acrel'\"" | grep -q 1 ||
      as_root su postgres -c "psql -qc \"CREATE ROLE acrel LOGIN SUPERUSER PASSWORD 'acrel'\""
    as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='acrel_test'\"" | grep -q 1 ||
      as_root su postgres -c "createdb -O acrel acrel_test"
    export ACREL_TEST_PG_URL="$pg_url"
  fi
fi
