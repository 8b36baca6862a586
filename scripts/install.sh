#!/usr/bin/env bash
# Install what Acrel Console needs on Debian/Ubuntu: system packages (Qt runtime libraries, a CJK font,
# socat, PostgreSQL for the multi-workstation tests) and the virtual environment at .venv.
# Usage: scripts/install.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install.sh: need root or sudo for: $*" >&2; return 1; fi
}

APT_PACKAGES="python3-venv python3-dev libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 fonts-wqy-microhei xvfb xauth socat"
# xdotool: the keyboard-only walkthrough of the cashier's day types real keystrokes into the window on Xvfb.
[ $want_test = 1 ] && APT_PACKAGES="$APT_PACKAGES postgresql poppler-utils faketime xdotool"
# chromium: the lobby kiosk's browser (`acrel-console kiosk`) and the tenant portal's browser tests (Playwright
# drives /usr/bin/chromium; it never downloads a browser). Debian has it; where the package does not exist
# (Ubuntu ships it as a snap) the kiosk opens its Qt window and the browser tests skip with the reason shown.
OPTIONAL_PACKAGES="chromium"

if command -v apt-get >/dev/null; then
  missing=$(for p in $APT_PACKAGES $OPTIONAL_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    as_root apt-get update -qq
    for p in $OPTIONAL_PACKAGES; do
      if echo "$missing" | grep -qx "$p" && ! apt-cache show "$p" >/dev/null 2>&1; then
        echo "install.sh: no Debian package '$p' here; skipping it" >&2
        missing=$(echo "$missing" | grep -vx "$p" || true)
      fi
    done
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
else
  echo "install.sh: not a Debian/Ubuntu machine; install the Qt runtime libraries and a CJK font yourself" >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip wheel
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "installed: $(.venv/bin/acrel-console --help >/dev/null && echo .venv/bin/acrel-console)"
