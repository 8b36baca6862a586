"""Reconciliation of a provider's daily statement (对账单) against the ledger (issue 17): downloaded from the
provider or imported from a file (a site without internet), compared transaction by transaction (matched,
missing on our side, missing on theirs, amount differences), written as an .xlsx report, and every difference
raised as an alarm. The statement day is the providers' day (Beijing time)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.payments import Difference, StatementLine, compare
from acrel_console.domain.roles import Permission
from acrel_console.drivers.payments.api import ProviderError
from acrel_console.drivers.payments.statements import StatementFormatError, parse
from acrel_console.services import audit
from acrel_console.services.alarms import raise_alarm
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.payments import PROVIDER_WORDS, PaymentService
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.payments import PaymentOrderRow, PaymentStatementRow

log = logging.getLogger(__name__)

CHINA = timezone(timedelta(hours=8))
CATCH_UP_DAYS = 7  # the daily job reconciles the days of the last week not reconciled yet (a PC off for days)
RECONCILE_JOB_ID = "payments.reconcile"
RECONCILE_AT = (10, 30)  # Beijing time: both providers publish the day before's statement from about 10:00
MAX_FILE_BYTES = 50 * 1024 * 1024
RESULT_WORDS = {"matched": QT_TRANSLATE_NOOP("payments", "Matched"),
                "missing_ours": QT_TRANSLATE_NOOP("payments", "Missing in the ledger"),
                "missing_theirs": QT_TRANSLATE_NOOP("payments", "Missing in the statement"),
                "amount": QT_TRANSLATE_NOOP("payments", "Amount differs")}
KIND_WORDS = {"payment": QT_TRANSLATE_NOOP("payments", "Payment"), "refund": QT_TRANSLATE_NOOP("payments", "Refund")}
HEADERS = (QT_TRANSLATE_NOOP("payments", "Result"), QT_TRANSLATE_NOOP("payments", "Type"),
           QT_TRANSLATE_NOOP("payments", "Transaction no."), QT_TRANSLATE_NOOP("payments", "Merchant order no."),
           QT_TRANSLATE_NOOP("payments", "Statement (yuan)"), QT_TRANSLATE_NOOP("payments", "Ledger (yuan)"),
           QT_TRANSLATE_NOOP("payments", "Difference (yuan)"))


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """One day of one provider compared: every transaction of either side, differences first."""

    provider: str
    day: date
    source: str  # download | file
    lines: tuple[Difference, ...]

    def count(self, result: str) -> int:
        return sum(1 for d in self.lines if d.result == result)

    @property
    def differences(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.lines if d.is_difference)


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), CHINA).astimezone(timezone.utc)
    return start, start + timedelta(days=1)


class PaymentStatementService:
    """对账: compare, report, alarm."""

    def __init__(self, ctx: ServiceContext, payments: PaymentService) -> None:
        self.ctx = ctx
        self.payments = payments

    def ledger_lines(self, provider: str, day: date) -> list[StatementLine]:
        """Our side: each order paid that day (the ledger operation's amount: the sale, or the held payment) and
        each refund booked that day."""
        start, end = _bounds(day)
        out: list[StatementLine] = []
        with self.ctx.read() as s:
            for row, amount in s.execute(select(PaymentOrderRow, OperationRow.amount_fen)
                                         .join(OperationRow, OperationRow.id == PaymentOrderRow.operation_id)
                                         .where(PaymentOrderRow.provider == provider,
                                                PaymentOrderRow.paid_at >= start, PaymentOrderRow.paid_at < end)):
                if row.state == "credited":  # the sale of a released payment: the held payment is what came in
                    held = s.execute(select(OperationRow.amount_fen).where(
                        OperationRow.kind == "payment_held",
                        OperationRow.detail_json.like(f'%"order_id":"{row.id}"%'))).scalar()
                    amount = held if held is not None else amount
                out.append(StatementLine("payment", row.transaction_id or "", row.id.replace("-", ""), int(amount),
                                         row.paid_at))
            for row, amount, at in s.execute(select(PaymentOrderRow, OperationRow.amount_fen, OperationRow.at)
                                             .join(OperationRow, OperationRow.id == PaymentOrderRow.refund_operation_id)
                                             .where(PaymentOrderRow.provider == provider,
                                                    OperationRow.at >= start, OperationRow.at < end)):
                out.append(StatementLine("refund", row.transaction_id or "", row.id.replace("-", ""), int(amount), at))
        return out

    @requires(Permission.VIEW)
    def reconcile(self, actor: Actor, provider: str, day: date, raw: bytes | None = None) -> Reconciliation:
        """Compare `day` of `provider`: the statement downloaded now (raw None; blocks on the network) or the
        file's bytes. Stores the counts, alarms each difference, logs the run."""
        source = "download" if raw is None else "file"
        if raw is None:
            try:
                raw = self.payments.client(provider).statement(day.isoformat())
            except ProviderError as err:
                raise UserError(QT_TRANSLATE_NOOP("errors", "The statement could not be downloaded: {error}"),
                                error=str(err)) from None
        try:
            theirs = parse(provider, raw)
        except (StatementFormatError, ValueError) as err:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This is not a {provider} statement: {error}"),
                                  field="file", provider=PROVIDER_WORDS.get(provider, provider), error=str(err)) from None
        result = Reconciliation(provider, day, source, tuple(compare(theirs, self.ledger_lines(provider, day))))
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            counts = {r: result.count(r) for r in RESULT_WORDS}
            s.add(PaymentStatementRow(provider=provider, day=day, source=source, run_at=now, run_by=actor.name,
                                      detail_json=json.dumps([d.transaction_id for d in result.differences]),
                                      **counts))
            for d in result.differences:
                raise_alarm(s, AlarmKind.PAYMENT, f"statement:{provider}:{d.kind}:{d.transaction_id}", now,
                            provider=PROVIDER_WORDS[provider], trade=d.transaction_id,
                            problem=f"{day.isoformat()} statement: {RESULT_WORDS[d.result].lower()} "
                                    f"({KIND_WORDS[d.kind].lower()}: statement {_yuan(d.theirs_fen)}, "
                                    f"ledger {_yuan(d.ours_fen)})")
            audit.append(s, actor, "payment.reconcile", f"provider:{provider}",
                         after={"day": day.isoformat(), "source": source, **counts}, at=now)
        return result

    @requires(Permission.VIEW)
    def import_file(self, actor: Actor, provider: str, day: date, path: Path) -> Reconciliation:
        """Reconcile from a statement file saved from the provider's merchant site."""
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The file is too large."), field="file")
            raw = path.read_bytes()
        except OSError as err:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {error}"), field="file",
                                  path=str(path), error=err.strerror or str(err)) from None
        return self.reconcile(actor, provider, day, raw)


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else str(fen_to_yuan(fen))


def write_xlsx(result: Reconciliation, path: Path, translate: Callable[[str, str], str] | None = None) -> Path:
    """The reconciliation as an .xlsx sheet (headers and words in the caller's language)."""
    from openpyxl import Workbook

    tr = translate or (lambda _ctx, text: text)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{result.provider} {result.day.isoformat()}"
    ws.append([tr("payments", h) for h in HEADERS])
    for d in result.lines:
        diff = None if d.theirs_fen is None or d.ours_fen is None else fen_to_yuan(d.theirs_fen - d.ours_fen)
        ws.append([tr("payments", RESULT_WORDS[d.result]), tr("payments", KIND_WORDS[d.kind]), d.transaction_id,
                   d.out_trade_no, None if d.theirs_fen is None else fen_to_yuan(d.theirs_fen),
                   None if d.ours_fen is None else fen_to_yuan(d.ours_fen), diff])
    for col in "EFG":
        for cell in ws[col][1:]:
            cell.number_format = "0.00"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def due_days(ctx: ServiceContext, provider: str) -> list[date]:
    """Days of the last CATCH_UP_DAYS (the providers' days) on which online orders of `provider` were paid (or
    opened) and not reconciled yet, oldest first. A day without any is never asked for (there is no statement;
    a refund on a later day is in the hand-run reconciliation)."""
    today = ctx.clock().astimezone(CHINA).date()
    first = today - timedelta(days=CATCH_UP_DAYS)
    with ctx.read() as s:
        done = set(s.execute(select(PaymentStatementRow.day).where(PaymentStatementRow.provider == provider,
                                                                  PaymentStatementRow.day >= first)).scalars())
        start, _ = _bounds(first - timedelta(days=1))
        busy = set()
        for created, paid in s.execute(select(PaymentOrderRow.created_at, PaymentOrderRow.paid_at).where(
                PaymentOrderRow.provider == provider, PaymentOrderRow.created_at >= start)):
            busy.add((paid or created).astimezone(CHINA).date())  # the day the provider took the money
    return sorted(d for d in busy if first <= d < today and d not in done)


def scheduled_reconcile(ctx: ServiceContext, payments: PaymentService) -> list[Reconciliation]:
    """The daily job (RECONCILE_AT, the dispatcher's process): download and reconcile every due day of every
    provider the site set up, differences raised as alarms as when run by hand. A day that cannot be downloaded
    is logged (payment.reconcile_failed) and tried again the next day. Never raises."""
    service = PaymentStatementService(ctx, payments)
    out: list[Reconciliation] = []
    for provider in payments.providers():
        try:
            days = due_days(ctx, provider)
        except Exception:  # noqa: BLE001 - the scheduler's thread goes on
            log.exception("payment reconciliation: cannot list the due days of %s", provider)
            continue
        for day in days:
            try:
                out.append(service.reconcile(Actor.system(), provider, day))
            except Exception as exc:  # noqa: BLE001 - recorded; the next run tries the day again
                reason = exc.english() if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
                log.warning("payment reconciliation of %s %s failed: %s", provider, day, reason)
                try:
                    with ctx.transaction() as s:
                        audit.append(s, Actor.system(), "payment.reconcile_failed", f"provider:{provider}",
                                     after={"day": day.isoformat()}, reason=reason, at=ctx.clock())
                except Exception:  # noqa: BLE001 - the database itself may be what failed
                    log.exception("could not record the failed reconciliation")
    return out


def add_reconcile_job(scheduler: object, ctx: ServiceContext, payments: PaymentService) -> str:
    """Register the daily reconciliation at RECONCILE_AT Beijing time (late after a power cut, within 12 h)."""
    scheduler.add_job(scheduled_reconcile, "cron", hour=RECONCILE_AT[0], minute=RECONCILE_AT[1],  # type: ignore[attr-defined]
                      timezone="Asia/Shanghai", args=[ctx, payments], id=RECONCILE_JOB_ID, coalesce=True,
                      max_instances=1, misfire_grace_time=12 * 3600, replace_existing=True)
    return RECONCILE_JOB_ID
