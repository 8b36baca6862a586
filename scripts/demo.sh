#!/usr/bin/env bash
# README command 1: install what is missing, then open the console on the demo site (SQLite + simulated meters
# on loopback). The install runs only when the virtual environment is missing or the dependency set changed
# (a stamp of pyproject.toml and the install script); its output goes to .install.log, not the terminal.
# `scripts/demo.sh --reset` starts the demo over; other arguments go to `acrel-console demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp_file=.venv/.acrel-demo-stamp
stamp=$(cat pyproject.toml scripts/install.sh | sha256sum | cut -c1-16)
if [ ! -x .venv/bin/acrel-console ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
  echo "demo.sh: installing Acrel Console (first run or new dependencies; about a minute; log in .install.log)…"
  if ! scripts/install.sh > .install.log 2>&1; then
    tail -n 20 .install.log >&2
    echo "demo.sh: the install failed; the whole log is in .install.log" >&2
    exit 1
  fi
  echo "$stamp" > "$stamp_file"
fi
exec .venv/bin/acrel-console demo "$@"
