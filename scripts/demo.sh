#!/usr/bin/env bash
# README command 1: install, then open the console on the demo site (SQLite + simulated meters on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
exec .venv/bin/acrel-console demo "$@"
