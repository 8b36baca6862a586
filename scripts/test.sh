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
# CI builds the PyInstaller bundle for its smoke test (ACREL_BUNDLE_TEST=1): build it on the second core while the
# suite runs (tests/integration/test_bundle_smoke.py waits for it) instead of stopping the suite for ~3 minutes.
if [ "${ACREL_BUNDLE_TEST:-}" = "1" ] && [ -z "${ACREL_BUNDLE_PREBUILT:-}" ]; then
  ACREL_BUNDLE_PREBUILT="$(mktemp -d /tmp/acrel-bundle.XXXXXX)"
  export ACREL_BUNDLE_PREBUILT
  ( ACREL_DIST_DIR="$ACREL_BUNDLE_PREBUILT/dist" ACREL_WORK_DIR="$ACREL_BUNDLE_PREBUILT/work" \
      nice -n 5 scripts/build_bundle.sh > "$ACREL_BUNDLE_PREBUILT/build.log" 2>&1
    echo $? > "$ACREL_BUNDLE_PREBUILT/rc" ) &
fi
.venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 "$@"
# With no arguments (the README's command, CI): the date-sensitive tests again, far from the site's zone at a
# faked evening hour, so a test that leans on the machine's date or zone fails at any hour (issue 9).
if [ $# -eq 0 ]; then
  scripts/test_far_zone.sh
fi
