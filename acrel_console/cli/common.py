"""CLI plumbing: global options (before or after the command), login, output, error handling."""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, UserError

class OneLineParser(argparse.ArgumentParser):
    """argparse whose errors are one translated line on stderr (exit 2), not a usage block."""

    def error(self, message: str) -> Any:  # argparse's hook; never returns
        err = UserError(QT_TRANSLATE_NOOP("errors", "{problem} (see '{command} --help')"),
                        command=self.prog, problem=message)
        print(f"acrel-console: {_setup_translation()(err)}", file=sys.stderr)
        self.exit(2)


GLOBAL_FLAGS = {"--json": 0, "--db": 1, "--user": 1, "--password-file": 1}


def command(parent: Any, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
    """A sub-command `name` under `parent` (an add_subparsers result) with the global options, run by `handler`."""
    p: argparse.ArgumentParser = parent.add_parser(name, help=help_text)
    add_global_options(p)
    p.set_defaults(handler=handler)
    return p


def add_global_options(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """Add --db/--user/--password-file/--json; on sub-commands they do not override the top level's values."""
    extra: dict[str, Any] = {} if top_level else {"default": argparse.SUPPRESS}
    parser.add_argument("--db", metavar="URL", help="database URL (default: ACREL_DB or the embedded SQLite file)",
                        **extra)
    parser.add_argument("--user", metavar="NAME",
                        help="operator name (password from ACREL_PASSWORD or --password-file)", **extra)
    parser.add_argument("--password-file", metavar="FILE", help="file whose first line is the password", **extra)
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout", **extra)


def hoist_global_options(argv: Sequence[str]) -> list[str]:
    """Accept global options after the command too, by moving them to the front."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    items = list(argv)
    while i < len(items):
        item = items[i]
        name = item.split("=", 1)[0]
        if name in GLOBAL_FLAGS:
            front.append(item)
            if GLOBAL_FLAGS[name] and "=" not in item and i + 1 < len(items):
                front.append(items[i + 1])
                i += 1
        elif item == "--":
            rest.extend(items[i:])
            break
        else:
            rest.append(item)
        i += 1
    return front + rest


def password_from(args: argparse.Namespace) -> str | None:
    """The password from --password-file, ACREL_PASSWORD_FILE (a service's credential file) or
    ACREL_PASSWORD; a missing or unreadable file is a clear error."""
    path = getattr(args, "password_file", None) or os.environ.get("ACREL_PASSWORD_FILE")
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(QT_TRANSLATE_NOOP("errors", "Cannot read the password file {path}: {reason}"),
                            path=str(path), reason=getattr(exc, "strerror", None) or type(exc).__name__) from None
        return lines[0] if lines else ""
    return os.environ.get("ACREL_PASSWORD")


def check_database_exists(args: argparse.Namespace, *, first_start: bool = False) -> None:
    """Refuse a SQLite database file that does not exist (a mistyped --db used to create an empty database
    silently), unless the command is `init`; with first_start, the default embedded file (no --db, no
    ACREL_DB) may be created too (the GUI's first start asks for the first administrator)."""
    from acrel_console.storage.engine import default_db_url, sqlite_file

    explicit = bool(getattr(args, "db", None) or os.environ.get("ACREL_DB"))
    if getattr(args, "command", None) == "init" or (first_start and not explicit):
        return
    try:
        path = sqlite_file(getattr(args, "db", None) or default_db_url())
    except Exception:  # noqa: BLE001 - a malformed URL is reported when the engine is made
        return
    if path is not None and not path.exists():
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no database at {path}: check --db (or ACREL_DB), or "
                                                   "create it with 'acrel-console init'."), path=str(path))


def services(args: argparse.Namespace) -> Any:
    """Build (once) the services over --db, creating or upgrading the schema (creating a SQLite file only
    for `init`)."""
    cached = getattr(args, "_services", None)
    if cached is None:
        from acrel_console.app import build_services

        check_database_exists(args)

        cached = build_services(args.db)
        args._services = cached
    return cached


def local_text(args: argparse.Namespace, at: datetime | None, *, seconds: bool = True) -> str:
    """An instant as the site's local 'YYYY-MM-DD HH:MM[:SS]' (the site clock's zone, never the machine's)."""
    return str(services(args).clock.refreshed().text(at, seconds=seconds, empty="—"))


def actor(args: argparse.Namespace) -> Any:
    """Log in the --user operator (password from ACREL_PASSWORD or --password-file)."""
    name = args.user or os.environ.get("ACREL_USER")
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("errors", "This command needs --user NAME (password in ACREL_PASSWORD or --password-file)."))
    password = password_from(args)
    if password is None:
        raise UserError(QT_TRANSLATE_NOOP("errors", "No password: set ACREL_PASSWORD or use --password-file."))
    return services(args).operators.login(name, password)


_PLAIN = frozenset({str, int, float, bool})


def jsonable(value: Any) -> Any:
    """Dataclasses, enums, Decimals and datetimes as JSON values."""
    if value is None or type(value) in _PLAIN:  # most values of a list of 20,000 rows: no checks to run
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return value


def emit(args: argparse.Namespace, value: Any, text: Callable[[], str] | str | None = None) -> None:
    """Print `value` as JSON with --json, else the human text."""
    if args.json:
        print(json.dumps(jsonable(value), ensure_ascii=False, indent=None))
        return
    if text is None:
        print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))
    else:
        print(text() if callable(text) else text)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain aligned text table (CJK counted as two columns)."""
    def width(s: str) -> int:
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def translated(context: str, text: str) -> str:
    """A QT_TRANSLATE_NOOP text in the user's language (English when Qt cannot translate here)."""
    try:
        from acrel_console.i18n import translate

        return translate(context, text)
    except Exception:  # noqa: BLE001 - the CLI still reports in English without Qt
        return text


def _setup_translation() -> Callable[[UserError], str]:
    """The error translator for the command line (no QCoreApplication: see i18n.translate)."""
    try:
        from acrel_console import i18n

        return i18n.error_text
    except Exception:  # noqa: BLE001 - the CLI still reports in English without Qt
        return UserError.english


def run(args: argparse.Namespace) -> int:
    """Run a command's handler; a UserError goes to stderr (translated), exit 2, nothing changed."""
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        result = handler(args)
        return int(result or 0)
    except UserError as err:
        return _report(args, err)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - every failure is one clear line, never a traceback
        known = database_unreachable(exc) or bad_database_url(exc) or file_problem(exc)
        if known is not None:
            return _report(args, known)
        return _report(args, unexpected(exc), code=3)
    finally:
        svc = getattr(args, "_services", None)
        if svc is not None:
            _anchor(svc)
            svc.close()


def _anchor(svc: Any) -> None:
    """Move the operation log's anchor (beside the site key) to the head this command left."""
    try:
        from acrel_console.services import site_anchor

        site_anchor.advance(svc.ctx)
    except Exception:  # noqa: BLE001 - an unreachable database or a read-only directory: the next run anchors
        pass


def database_unreachable(exc: BaseException) -> UserError | None:
    """A UserError for 'the database cannot be reached' when `exc` is such an error, else None."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    if not isinstance(exc, (OperationalError, InterfaceError)):
        return None
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
    return UserError(QT_TRANSLATE_NOOP("errors", "The database cannot be reached: {reason}"), reason=reason)


def bad_database_url(exc: BaseException) -> UserError | None:
    """A UserError for a database URL SQLAlchemy cannot use (unknown scheme or driver), else None."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    if not isinstance(exc, (ArgumentError, NoSuchModuleError)):
        return None
    return UserError(QT_TRANSLATE_NOOP("errors", "The database URL is not one this program can use: {reason}"),
                     reason=str(exc).splitlines()[0][:200])


def file_problem(exc: BaseException) -> UserError | None:
    """A UserError for a file that cannot be read or written (missing, a folder, no permission), else None."""
    if not isinstance(exc, OSError):
        return None
    where = exc.filename or ""
    return UserError(QT_TRANSLATE_NOOP("errors", "Cannot use the file {path}: {reason}"),
                     path=str(where)[:200], reason=exc.strerror or type(exc).__name__)


def unexpected(exc: BaseException) -> UserError:
    """A bug: one line on stderr, the traceback in the CLI error log beside the data (never on the screen)."""
    import traceback

    from acrel_console.storage.engine import data_dir

    log_path = data_dir() / "logs" / "cli-errors.log"
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("a", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(exc)) + "\n")
    except OSError:
        log_path = Path("?")
    return UserError(QT_TRANSLATE_NOOP("errors", "Unexpected error ({kind}): {detail}. The details are in {log}."),
                     kind=type(exc).__name__, detail=str(exc).splitlines()[0][:200] if str(exc) else "-",
                     log=str(log_path))


def _report(args: argparse.Namespace, err: UserError, code: int = 2) -> int:
    """Print a UserError on stderr (translated; JSON with --json); exit code 2 (3 for a bug)."""
    message = _setup_translation()(err)
    if getattr(args, "json", False):
        print(json.dumps({"error": message, "kind": type(err).__name__}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"acrel-console: {message}", file=sys.stderr)
    return code
