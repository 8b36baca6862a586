"""The start-up integrity check: SQLite quick check, ledger invariants and the operation-log chain, on one
consistent snapshot and without blocking the cashier; a failure raises the site's integrity alarm.

`run_integrity_check(ctx)` is a plain blocking function: the GUI runs it on a worker of its own after sign-in
(never in the queue of the pages' loads), `serve` runs it at start and the scheduler runs it nightly. It never
raises for a bad database: everything it finds, including "the database cannot be reached", is in the report.
The day-time check is quick (`full=False`: the history tables and the log rows verified before are left to
the nightly full check), so years of readings do not lengthen it (issue 15).

Snapshot: on SQLite the check reads through its own read-only connection inside one deferred (WAL snapshot)
transaction, so a sale committing meanwhile neither waits for the check nor shows up half-seen; on
PostgreSQL it reads in one REPEATABLE READ READ ONLY transaction.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires

log = logging.getLogger(__name__)

ALARM_AUDIT_KIND = "alarm.integrity"
ALARM_TARGET = "site"
MAX_ISSUES = 200  # a badly broken database is summarised, not listed in full
HISTORY_TABLES = ("meter_reading_days", "meter_daily_energy")  # the quick check leaves these to the nightly one
CHAIN_HEAD = "integrity_chain_head"  # ctx.extras: where this process last verified the operation log

# The status bar's texts (context "integrity"); the UI translates them with QCoreApplication.translate.
STATE_TEXT = {
    "running": QT_TRANSLATE_NOOP("integrity", "Integrity: checking…"),
    "ok": QT_TRANSLATE_NOOP("integrity", "Integrity: OK"),
    "failed": QT_TRANSLATE_NOOP("integrity", "Integrity: {count} problem(s)"),
    "unavailable": QT_TRANSLATE_NOOP("integrity", "Integrity: database unreachable"),
}


@dataclass(frozen=True, slots=True)
class IntegrityIssue:
    """One finding. area: database | ledger | audit. `message` is English (logs, exports, alarm params)."""

    area: str
    code: str
    message: str
    ref: str = ""


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """What one check found. `state`: ok | failed | unavailable (the check could not run at all)."""

    started_at: datetime
    duration_s: float
    backend: str  # sqlite | postgresql
    database_ok: bool | None  # SQLite quick_check (None on PostgreSQL: the server checks its pages)
    ledger_ok: bool | None  # None when that part could not run
    audit_ok: bool | None
    audit_rows: int
    issues: tuple[IntegrityIssue, ...] = ()
    error: str = ""  # why the check could not run (e.g. database unreachable)
    alarm_raised: bool = False
    truncated: bool = False  # more than MAX_ISSUES findings
    full: bool = True  # False: the quick day-time check (see check_integrity)

    @property
    def ok(self) -> bool:
        return not self.issues and not self.error

    @property
    def state(self) -> str:
        if self.error:
            return "unavailable"
        return "ok" if not self.issues else "failed"

    def summary(self) -> str:
        """One English line for logs and `serve`'s output."""
        if self.error:
            return f"integrity check could not run: {self.error}"
        if not self.issues:
            return (f"integrity OK ({self.backend}, {self.audit_rows} operation-log rows, "
                    f"{self.duration_s:.2f} s)")
        first = self.issues[0]
        more = f" (+{len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        return f"integrity FAILED: {first.area}: {first.message}{more}"


# --- the parts --------------------------------------------------------------------------------------


def _sqlite_file(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def sqlite_quick_check(path: Path) -> list[str]:
    """PRAGMA quick_check on a read-only connection: [] when intact, else SQLite's messages."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    con.text_factory = lambda b: b.decode("utf-8", "replace")  # messages may quote damaged bytes
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check(50)")]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


@contextmanager
def snapshot_session(ctx: ServiceContext) -> Iterator[Session]:
    """A read-only session on one consistent snapshot that never takes the writers' lock."""
    path = _sqlite_file(ctx.db_url)
    if path is not None:
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                               connect_args={"check_same_thread": False, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA busy_timeout=10000")

        @event.listens_for(engine, "begin")
        def _deferred(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")  # deferred: the first read pins the WAL snapshot, no lock taken

        try:
            with Session(engine, info={"ctx": ctx}) as s:  # ctx: the site key checks the keyed log
                try:
                    yield s
                finally:
                    s.rollback()
        finally:
            engine.dispose()
        return
    with ctx.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with Session(bind=conn, info={"ctx": ctx}) as s:
            try:
                yield s
            finally:
                s.rollback()


def ledger_issues(session: Session) -> list[IntegrityIssue]:
    """The ledger's invariants (acrel_console.ledger.invariants.check), as integrity issues."""
    from acrel_console.ledger import invariants
    from acrel_console.services.money_common import meter_side

    return [IntegrityIssue("ledger", v.code, v.message, v.ref)
            for v in invariants.check(session, meter_side=meter_side)]


def sqlite_quick_check_tables(path: Path, skip: tuple[str, ...] = HISTORY_TABLES) -> list[str]:
    """PRAGMA quick_check of every table but `skip` (each with its indexes): the money and the log, read in a
    moment whatever years of readings the file holds. [] when intact."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    con.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name") if r[0] not in skip]
        problems: list[str] = []
        for table in tables:
            rows = [r[0] for r in con.execute(f'PRAGMA quick_check("{table}")')]
            problems += [] if rows == ["ok"] else rows
    finally:
        con.close()
    return problems


def audit_issues(session: Session, since: audit.ChainPoint | None = None) -> tuple[list[IntegrityIssue], int]:
    report = audit.verify_chain(session, since)
    if report.ok:
        if report.head is not None:
            session.info["chain_head"] = report.head
        return [], report.rows_checked
    return [IntegrityIssue("audit", "audit_chain", f"operation log broken at row {report.first_broken_id}: "
                           f"{report.problem}", str(report.first_broken_id))], report.rows_checked


# --- the check --------------------------------------------------------------------------------------


def check_integrity(ctx: ServiceContext, *, full: bool = True) -> IntegrityReport:
    """Run every part and report; never raises for what it finds (an unreachable database is `error`).

    `full` (nightly, and on demand): SQLite's quick_check of the whole file and the whole operation log.
    Otherwise (start-up and the periodic re-checks, issue 15): quick_check of every table but the reading
    history, and the log from where this process last verified it; the ledger's invariants either way."""
    started = ctx.clock()
    t0 = time.monotonic()
    backend = make_url(ctx.db_url).get_backend_name()
    issues: list[IntegrityIssue] = []
    database_ok: bool | None = None
    ledger_ok: bool | None = None
    audit_ok: bool | None = None
    rows = 0

    def done(error: str = "") -> IntegrityReport:
        return IntegrityReport(started, round(time.monotonic() - t0, 3), backend, database_ok, ledger_ok, audit_ok,
                               rows, tuple(issues[:MAX_ISSUES]), error, truncated=len(issues) > MAX_ISSUES, full=full)

    path = _sqlite_file(ctx.db_url)
    if path is not None:
        if not path.exists():
            return done(f"database file {path} does not exist")
        try:
            problems = sqlite_quick_check(path) if full else sqlite_quick_check_tables(path)
        except (sqlite3.Error, ValueError) as exc:  # not a database at all, or unreadable
            problems = [str(exc)]
        database_ok = not problems
        issues += [IntegrityIssue("database", "quick_check", p) for p in problems]
        if problems:
            # A damaged file can make the next reads fail or lie: report what quick_check said.
            return done()
    try:
        with snapshot_session(ctx) as s:
            try:
                found = ledger_issues(s)
                ledger_ok = not found
                issues += found
            except Exception as exc:  # noqa: BLE001 - a ledger bug must not hide the audit result
                if _unreachable(exc):
                    raise
                log.exception("ledger invariants could not be checked")
                issues.append(IntegrityIssue("ledger", "check_failed", f"the ledger check failed: {exc}"))
                ledger_ok = False
            found, rows = audit_issues(s, None if full else ctx.extras.get(CHAIN_HEAD))
            audit_ok = not found
            issues += found
            if s.info.get("chain_head") is not None:
                ctx.extras[CHAIN_HEAD] = s.info["chain_head"]  # the next quick check starts there
    except Exception as exc:  # noqa: BLE001 - reported, never raised
        if _unreachable(exc) and not _damaged(exc):
            return done(_short(exc))
        log.exception("integrity check failed")
        issues.append(IntegrityIssue("database", "read_failed", _short(exc)))
        if _damaged(exc):
            database_ok = False
    return done()


def _unreachable(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _damaged(exc: BaseException) -> bool:
    """A read that failed on the data itself (text that is not UTF-8, a malformed page): the database is
    damaged, not unreachable, even when the driver calls it an OperationalError."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "could not decode" in text or "malformed" in text


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


def raise_integrity_alarm(ctx: ServiceContext, report: IntegrityReport) -> bool:
    """Raise the site's integrity alarm (alarms table) and log it ('alarm.integrity' in the operation log).
    Clears a previous integrity alarm when the report is clean. True when an alarm was raised."""
    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import clear_alarm, raise_alarm

    now = ctx.clock()
    with ctx.transaction() as s:
        has_alarms = inspect(s.connection()).has_table("alarms")
        if report.ok:
            if has_alarms:
                clear_alarm(s, AlarmKind.INTEGRITY, ALARM_TARGET, now)
            return False
        problem = report.summary()
        raised = raise_alarm(s, AlarmKind.INTEGRITY, ALARM_TARGET, now, problem=problem) if has_alarms else None
        audit.append(s, Actor.system(), ALARM_AUDIT_KIND, ALARM_TARGET,
                     after={"state": report.state, "issues": [[i.area, i.code, i.message, i.ref]
                                                               for i in report.issues[:20]],
                            "count": len(report.issues), "alarm_id": raised.id if raised else None},
                     reason=problem, at=now)
    return True


def run_integrity_check(ctx: ServiceContext, *, alarm: bool = True, full: bool = True) -> IntegrityReport:
    """The start-up/background job: check, then raise (or clear) the alarm. Never raises."""
    report = check_integrity(ctx, full=full)
    if report.error:  # nothing can be written to an unreachable database; the caller shows the state
        log.warning(report.summary())
        return report
    (log.info if report.ok else log.error)(report.summary())
    if not alarm:
        return report
    try:
        raised = raise_integrity_alarm(ctx, report)
    except Exception as exc:  # noqa: BLE001 - a corrupt database may refuse the write; the report stands
        log.error("could not record the integrity alarm: %s", _short(exc))
        raised = False
    return _with_alarm(report, raised)


def _with_alarm(report: IntegrityReport, raised: bool) -> IntegrityReport:
    return IntegrityReport(report.started_at, report.duration_s, report.backend, report.database_ok,
                           report.ledger_ok, report.audit_ok, report.audit_rows, report.issues, report.error,
                           raised, report.truncated, report.full)


@dataclass
class IntegrityService:
    """The integrity check on demand (menu: Maintenance → Check integrity)."""

    ctx: ServiceContext
    last: IntegrityReport | None = field(default=None)

    @requires(Permission.MAINTAIN)
    def check(self, actor: Actor) -> IntegrityReport:
        """Run the whole check now (blocking; call it from a worker thread) and raise the alarm on failure."""
        self.last = run_integrity_check(self.ctx)
        return self.last
