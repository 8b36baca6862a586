"""Run every benchmark in this folder (each prints a table of ratios against a baseline of the same run)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast look")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. bench_bus)")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]
    failures = 0
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.monotonic()
        cmd = [sys.executable, str(script)] + (["--quick"] if args.quick else [])
        rc = subprocess.call(cmd, cwd=HERE.parent)
        print(f"({script.stem}: exit {rc}, {time.monotonic() - started:.1f} s)", flush=True)
        failures += rc != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
