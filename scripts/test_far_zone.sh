#!/usr/bin/env bash
# The date-sensitive tests (marker `site_clock`) again, with the process far from the site's zone
# (America/Los_Angeles, the site is Asia/Shanghai) and the clock faked to 12:30 there: 20:30 UTC in winter,
# when the site's date is already tomorrow. Monotonic time stays real so timeouts still work.
# Called by scripts/test.sh after the main run; `scripts/test_far_zone.sh -k records` runs a part.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "test_far_zone.sh: faketime is missing (scripts/install.sh --test installs it)" >&2; exit 1; }
export TZ=America/Los_Angeles DONT_FAKE_MONOTONIC=1 QT_QPA_PLATFORM=offscreen
day=$(date +%F)
echo "test_far_zone.sh: TZ=$TZ, clock faked to $day 12:30:00 (site date $(TZ=Asia/Shanghai faketime "$day 12:30:00" date +%F))"
exec faketime "$day 12:30:00" .venv/bin/python -m pytest -q -p no:cacheprovider -m site_clock "$@"
