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
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
# With no arguments (the README's command, CI): the date-sensitive tests again, far from the site's zone at a
# faked evening hour, so a test that leans on the machine's date or zone fails at any hour (issue 9).
if [ $# -eq 0 ]; then
  scripts/test_far_zone.sh
fi
