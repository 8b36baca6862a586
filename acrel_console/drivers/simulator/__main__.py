"""`python -m acrel_console.drivers.simulator`: run the simulator without the console's CLI."""

from __future__ import annotations

import argparse

from acrel_console.drivers.simulator.demo import PROFILES, run_simulator_cli
from acrel_console.drivers.simulator.server import MODES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m acrel_console.drivers.simulator")
    ap.add_argument("--listen", default="127.0.0.1:5020", help="host:port (demo: first of 3 ports)")
    ap.add_argument("--mode", default="modbus-tcp", choices=MODES)
    ap.add_argument("--units", default="1-36")
    ap.add_argument("--profile", default="ddsy1352", choices=PROFILES)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--speed", type=float, default=1.0, help="meter clock speed-up (demo)")
    args = ap.parse_args(argv)
    return run_simulator_cli(args.listen, args.mode, args.units, args.profile, args.seed, speed=args.speed)


if __name__ == "__main__":
    raise SystemExit(main())
