"""CLI: backup and restore of the site database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    p = sub.add_parser("backup", help="back up the database (default: into the backups folder, rotated)")
    common.add_global_options(p)
    p.add_argument("file", nargs="?")
    p.add_argument("--keep", type=int, default=14, help="automatic backups to keep")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="replace the database with a backup (refuses a corrupt file first)")
    common.add_global_options(p)
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore)


def _backup_service(args: argparse.Namespace) -> Any:
    from acrel_console.services.backup import BackupService

    return BackupService(common.services(args).ctx)


def cmd_backup(args: argparse.Namespace) -> int:
    who = common.actor(args)
    info = _backup_service(args).backup(who, args.file, keep=args.keep)
    common.emit(args, info, f"backup written and verified: {info.path} ({info.size_bytes} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    who = common.actor(args)
    service = _backup_service(args)
    service.check_file(who, args.file)  # a corrupt file is refused before anything is overwritten
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(QT_TRANSLATE_NOOP("errors", "Restore overwrites the database: add --yes to confirm."))
        answer = input(f"Replace the database with {args.file}? Type 'yes': ")
        if answer.strip().lower() != "yes":
            raise UserError(QT_TRANSLATE_NOOP("errors", "Restore cancelled; nothing changed."))
    service.restore(who, args.file)
    common.emit(args, {"restored": args.file}, f"database restored from {args.file}")
    return 0
