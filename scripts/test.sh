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
if [ $# -gt 0 ]; then  # a part of the suite, as asked (one process)
  exec .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 "$@"
fi
# The README's command and CI: every test. First all but the `serial` ones on every core (pytest-xdist, a
# test file per worker at a time); then the `serial` ones (they time the wire, an X display or processes,
# tests/conftest.py SERIAL_PATHS) alone, so nobody's load bends their clocks; then the date-sensitive tests
# again, far from the site's zone at a faked evening hour (issue 9). Every part runs; any failure fails.
#
# A worker that crashes (a segfault) fails the run at once and is not replaced: pytest-xdist's replacement worker
# under --dist loadfile can wait forever for work that was already done (pytest-xdist issue 784; it hung a CI run
# until its 90-minute limit). Each part also has a time limit far above its usual time (7, 5 and 1 minutes here),
# so that anything else that hangs fails the run with a message instead of eating CI's limit.
workers="${ACREL_TEST_WORKERS:-$(nproc)}"
status=0
part() {  # part LIMIT NAME COMMAND...: run one part, report a time-out by name
  local limit=$1 name=$2 rc=0
  shift 2
  timeout --kill-after=30 "$limit" "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "test.sh: the $name part did not finish within $limit: stopped (exit $rc)" >&2
  fi
  return "$rc"
}
part 35m parallel .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 -n "$workers" --dist loadfile \
  --max-worker-restart=0 -m "not serial" || status=$?
part 30m serial .venv/bin/python -m pytest -q -p no:cacheprovider --durations=10 -m serial || status=$?
part 15m far-zone scripts/test_far_zone.sh || status=$?
exit $status
