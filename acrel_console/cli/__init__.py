"""`acrel-console` command line: global options, command groups registered from sibling modules."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from acrel_console.cli import common

# each module: register(subparsers) -> None
GROUPS = ("site", "roles", "meters", "sales", "reports", "maintenance", "portal", "migration", "payments")
# top-level command -> the group module that registers it: a command imports and registers its own group only
# (issue 15: `meter list` need not load and build every other command); any other word gets every group
COMMAND_GROUPS = {
    **dict.fromkeys(("audit", "building", "config", "gateway", "gui", "init", "meter", "operator"), "site"),
    "role": "roles",
    **dict.fromkeys(("control", "demo", "poll", "serve", "simulate"), "meters"),
    **dict.fromkeys(("account", "deliveries", "ledger", "refund", "reverse", "sell"), "sales"),
    **dict.fromkeys(("alarms", "report", "sms"), "reports"),
    **dict.fromkeys(("backup", "restore"), "maintenance"),
    **dict.fromkeys(("kiosk", "portal"), "portal"),
    "migrate": "migration",
    "payment": "payments",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command`'s group only when it is a known top-level command."""
    parser = common.OneLineParser(prog="acrel-console", description="Prepaid electricity metering console.")
    common.add_global_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in (COMMAND_GROUPS[command],) if command in COMMAND_GROUPS else GROUPS:
        importlib.import_module(f"acrel_console.cli.{group}").register(sub)
    return parser


def command_word(args: Sequence[str]) -> str | None:
    """The top-level command of a command line whose global options come first (hoist_global_options)."""
    i = 0
    while i < len(args):
        name, has_value = args[i].split("=", 1)[0], "=" in args[i]
        if name not in common.GLOBAL_FLAGS:
            return args[i]
        i += 1 + (0 if has_value else common.GLOBAL_FLAGS[name])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = common.hoist_global_options(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(command_word(args_list))
    try:
        args = parser.parse_args(args_list)
    except SystemExit as done:  # --help, or a malformed command line (one line on stderr already)
        return done.code if isinstance(done.code, int) else 2
    if not getattr(args, "command", None):
        from acrel_console.cli import site

        args.command = "gui"
        args.handler = site.cmd_gui
    return common.run(args)
