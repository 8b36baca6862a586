#!/usr/bin/env bash
# README command 2: install everything (including a local PostgreSQL server) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --test
# shellcheck source=scripts/start_postgres.sh
. scripts/start_postgres.sh || true
if [ -z "${ACREL_TEST_PG_URL:-}" ]; then
  echo "test.sh: no PostgreSQL server could be started: the PostgreSQL tests will be SKIPPED (reason shown by pytest)"
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
