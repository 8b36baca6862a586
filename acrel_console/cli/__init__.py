"""`acrel-console` command line: global options, command groups registered from sibling modules."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from acrel_console.cli import common, maintenance, meters, migration, payments, portal, reports, roles, sales, site

GROUPS = (site, roles, meters, sales, reports, maintenance, portal, migration, payments)  # each module: register(subparsers) -> None


def build_parser() -> argparse.ArgumentParser:
    parser = common.OneLineParser(prog="acrel-console", description="Prepaid electricity metering console.")
    common.add_global_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(common.hoist_global_options(args_list))
    except SystemExit as done:  # --help, or a malformed command line (one line on stderr already)
        return done.code if isinstance(done.code, int) else 2
    if not getattr(args, "command", None):
        args.command = "gui"
        args.handler = site.cmd_gui
    return common.run(args)
