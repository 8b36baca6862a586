"""Moving a site over from another system (Acrel-3200, a card system): tenants, accounts, meter assignments and
balances from a sheet with Acrel-3200's columns (its 开户查询 and 抄表导出 exports, one sheet or both). Every row is
checked against a fresh reading of its meter and the differences are listed before anything is committed; the
commit is all or nothing and books each balance as taken over from the meter's reading, never from the sheet's
figure (design §8.6: only the meter says what a meter holds). A migration report (.xlsx) lists every row, the
sheet's and the meter's figures, the difference and what became of it.

Columns are recognised by their Acrel-3200 headers (English names too); other columns of those exports (prices,
alarm amounts, ...) are ignored. Rows are joined across sheets by 仪表编号; rows with the same 用户编号 make one
account with several meters (一户多表).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError
from acrel_console.domain.money import parse_yuan, yuan_to_fen
from acrel_console.domain.roles import Permission
from acrel_console.ledger.queries import meter_tenant
from acrel_console.services import audit, takeover
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.xlsx_bounds import BoundedWorkbook
from acrel_console.storage.tables.site import MeterRow

COLUMNS: dict[str, str] = {
    "仪表编号": "meter_no", "表号": "meter_no", "电表编号": "meter_no", "meter no.": "meter_no", "meter_no": "meter_no",
    "商铺号": "room", "房间号": "room", "商铺号/房间号": "room", "room": "room",
    "用户编号": "account_no", "户号": "account_no", "account no.": "account_no", "account_no": "account_no",
    "用户名": "name", "用户名称": "name", "户名": "name", "tenant": "name", "name": "name",
    "联系电话": "phone", "手机号": "phone", "电话": "phone", "phone": "phone",
    "剩余金额": "remaining", "remaining": "remaining",
    "购电次数": "purchase_count", "累计购电次数": "purchase_count", "purchase count": "purchase_count",
    "购电总额": "total_purchased", "累计金额": "total_purchased",
    "采集时间": "read_at", "抄表时间": "read_at",
}
PERMISSION = Permission.SELL  # it opens accounts and books their balances


@dataclass(frozen=True, slots=True)
class MigrationRow:
    """One meter of the sheet against its live reading. state: ok | difference | problem (problem blocks)."""

    where: str  # sheet!row of the first row that named the meter
    meter_no: str
    room: str
    name: str
    old_account_no: str
    phone: str
    sheet_remaining_fen: int | None
    sheet_count: int | None
    sheet_read_at: str
    meter_id: int | None = None
    live_remaining_fen: int | None = None
    live_count: int | None = None
    live_read_at: str = ""
    problems: tuple[str, ...] = ()  # English; blocking
    differences: tuple[str, ...] = ()  # English; listed, committed only when accepted
    new_account_no: str = ""

    @property
    def state(self) -> str:
        return "problem" if self.problems else ("difference" if self.differences else "ok")

    @property
    def difference_fen(self) -> int | None:
        if self.sheet_remaining_fen is None or self.live_remaining_fen is None:
            return None
        return self.live_remaining_fen - self.sheet_remaining_fen


@dataclass(frozen=True, slots=True)
class MigrationPlan:
    """What an import would do (or did): every row, whether it may be committed, what was taken over."""

    file: str
    rows: tuple[MigrationRow, ...]
    tenants: int
    committed: bool = False
    notes: tuple[str, ...] = field(default=())  # sheet-level problems (a missing column, ...)

    @property
    def problems(self) -> int:
        return sum(1 for r in self.rows if r.problems) + len(self.notes)

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows if r.differences)

    @property
    def taken_over_fen(self) -> int:
        return sum(r.live_remaining_fen or 0 for r in self.rows if not r.problems)


class MigrationRefused(UserError):
    """The import was not committed (nothing changed): problems, or differences not accepted."""


def _key(header: Any) -> str:
    text = "" if header is None else str(header).strip()
    return COLUMNS.get(text, COLUMNS.get(text.lower(), ""))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: str | Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """meter_no -> merged fields (with 'where'), and sheet-level problems. Bounded reading (xlsx_bounds)."""
    merged: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    seen_meter_column = False
    with BoundedWorkbook(path) as wb:
        for sheet in wb.sheetnames:
            rows = wb.rows(sheet)
            first = next(rows, None)
            if first is None:
                continue
            keys = [_key(h) for h in first[1]]
            if "meter_no" not in keys:
                continue
            seen_meter_column = True
            local: set[str] = set()
            for n, values in rows:
                rec = {k: v for k, v in zip(keys, values) if k}
                meter_no = _text(rec.get("meter_no"))
                if not meter_no:
                    if any(v not in (None, "") for v in values):
                        notes.append(f"{sheet}!{n}: a row without a meter number (仪表编号)")
                    continue
                if meter_no in local:
                    notes.append(f"{sheet}!{n}: meter {meter_no} is listed twice")
                    continue
                local.add(meter_no)
                target = merged.setdefault(meter_no, {"where": f"{sheet}!{n}"})
                for k, v in rec.items():
                    if v not in (None, "") and k not in target:
                        target[k] = v
    if not seen_meter_column:
        notes.append("no sheet has a meter number column (仪表编号)")
    return merged, notes


def _fen(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return yuan_to_fen(parse_yuan(value if isinstance(value, (int, Decimal)) and not isinstance(value, bool)
                                  else _text(value), field="remaining"))


def _row(rec: dict[str, Any], meter_no: str) -> tuple[MigrationRow, list[str]]:
    problems: list[str] = []
    try:
        remaining = _fen(rec.get("remaining"))
    except UserError as err:
        remaining = None
        problems.append(f"剩余金额 is not an amount: {err.english()}")
    count_text = _text(rec.get("purchase_count"))
    count = int(count_text) if count_text.isdigit() else None
    if count_text and count is None:
        problems.append(f"购电次数 '{count_text}' is not a whole number")
    name = _text(rec.get("name"))
    if not name:
        problems.append("no tenant name (用户名)")
    row = MigrationRow(str(rec["where"]), meter_no, _text(rec.get("room")), name, _text(rec.get("account_no")),
                       _text(rec.get("phone")), remaining, count, _text(rec.get("read_at")))
    return row, problems


def _check(s: Session, ctx: ServiceContext, row: MigrationRow, problems: list[str], now: datetime) -> MigrationRow:
    """The row against the meter it names and the meter's latest reading."""
    meters = s.execute(select(MeterRow).where(MeterRow.meter_no == row.meter_no)).scalars().all()
    if len(meters) != 1:
        problems.append("no meter has this number" if not meters else "several meters have this number")
        return replace(row, problems=tuple(problems))
    meter = meters[0]
    row = replace(row, meter_id=meter.id)
    if meter.retired:
        problems.append("the meter is retired")
    holder = meter_tenant(s, meter.id)
    if holder is not None:
        problems.append(f"the meter already belongs to {holder.name} ({holder.account_no})")
    h = takeover.holding(s, ctx, meter, now)
    differences: list[str] = []
    if not h.meter_side:
        if row.sheet_remaining_fen:
            problems.append("the console keeps this meter's balance: no meter reading can vouch for it; open it by "
                            "hand with a supervisor's claim")
    elif h.remaining is None or not h.fresh:
        problems.append("no fresh reading of the meter: read the meters first (refresh meter status)")
    else:
        row = replace(row, live_remaining_fen=int(h.remaining * 100), live_count=h.purchase_count,
                      live_read_at=h.read_at_text)
        if h.outstanding:
            problems.append("the meter has deliveries on their way")
        if h.ledger_credit:
            problems.append("the ledger already holds money for this meter")
        if row.sheet_count is not None and row.sheet_count != h.purchase_count:
            differences.append(f"purchase count: sheet {row.sheet_count}, meter {h.purchase_count}")
        if row.sheet_remaining_fen is not None and row.sheet_remaining_fen != row.live_remaining_fen:
            differences.append(f"remaining: sheet {row.sheet_remaining_fen / 100:.2f}, "
                               f"meter {(row.live_remaining_fen or 0) / 100:.2f}")
    return replace(row, problems=tuple(problems), differences=tuple(differences))


def _groups(rows: list[MigrationRow]) -> list[list[MigrationRow]]:
    """One account per old 用户编号 (一户多表); a row without one is an account of its own."""
    by_key: dict[str, list[MigrationRow]] = {}
    for r in rows:
        by_key.setdefault(r.old_account_no or f"#{r.where}", []).append(r)
    return list(by_key.values())


class MigrationService:
    """Plan and commit an import from the previous system."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _plan(self, s: Session, path: str | Path) -> MigrationPlan:
        merged, notes = read_sheet(path)
        now = self.ctx.clock()
        rows = []
        for meter_no, rec in merged.items():
            row, problems = _row(rec, meter_no)
            rows.append(_check(s, self.ctx, row, problems, now))
        if not rows and not notes:
            notes.append("the sheet lists no meters")
        return MigrationPlan(str(path), tuple(rows), len(_groups(rows)), notes=tuple(notes))

    @requires(PERMISSION)
    def plan(self, actor: Actor, path: str | Path) -> MigrationPlan:
        """Every row checked against its meter's latest reading; nothing written."""
        with self.ctx.read() as s:
            return self._plan(s, path)

    @requires(PERMISSION)
    def commit(self, actor: Actor, path: str | Path, *, accept_differences: bool = False) -> MigrationPlan:
        """All or nothing: refused (MigrationRefused, nothing written) while a row has a problem, or has a
        difference and `accept_differences` is False. Each meter's balance is its reading, taken over."""
        from acrel_console.services.accounts import AccountService

        accounts = AccountService(self.ctx)
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            plan = self._plan(s, path)
            if plan.problems:
                raise MigrationRefused(QT_TRANSLATE_NOOP(
                    "errors", "Nothing was imported: {n} row(s) have problems (see the list or the report)."),
                    n=plan.problems)
            if plan.differences and not accept_differences:
                raise MigrationRefused(QT_TRANSLATE_NOOP(
                    "errors", "Nothing was imported: {n} row(s) differ from their meters' readings. Look at them; "
                              "import with the differences accepted (the meters' readings are booked)."),
                    n=plan.differences)
            done: dict[str, str] = {}
            for group in _groups(list(plan.rows)):
                first = group[0]
                notes = f"Acrel-3200 用户编号 {first.old_account_no}" if first.old_account_no else ""
                ids = [int(r.meter_id or 0) for r in group]
                acc, ref = accounts.open_in(s, actor, first.name[:100], first.room[:100], first.phone[:40], notes, ids,
                                            {m: takeover.TAKE_OVER for m in ids}, at)
                for r in group:
                    done[r.meter_no] = ref.account_no
            rows = tuple(replace(r, new_account_no=done.get(r.meter_no, "")) for r in plan.rows)
            audit.append(s, actor, "migration.import", f"file:{Path(path).name}",
                         after={"tenants": plan.tenants, "meters": len(rows), "taken_over_fen": plan.taken_over_fen,
                                "differences": plan.differences, "accepted": accept_differences}, at=at)
            return replace(plan, rows=rows, committed=True)

    @requires(Permission.VIEW)
    def write_report(self, actor: Actor, plan: MigrationPlan, path: str | Path,
                     translate: Callable[[str, str], str] = lambda _c, t: t) -> Path:
        """The migration report: every row with the sheet's and the meter's figures and the outcome."""
        from acrel_console.services.export import Column, ExportLabels, TableSpec, export_xlsx
        from acrel_console.services.export_formats import ColumnKind

        def t(text: str) -> str:
            return translate("migration", text)

        headers = [(QT_TRANSLATE_NOOP("migration", "Row"), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Meter no."), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Shop/room"), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Tenant"), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Old account no."), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Remaining (sheet)"), ColumnKind.YUAN),
                   (QT_TRANSLATE_NOOP("migration", "Remaining (meter)"), ColumnKind.YUAN),
                   (QT_TRANSLATE_NOOP("migration", "Difference"), ColumnKind.YUAN),
                   (QT_TRANSLATE_NOOP("migration", "Purchases (sheet)"), ColumnKind.INT),
                   (QT_TRANSLATE_NOOP("migration", "Purchases (meter)"), ColumnKind.INT),
                   (QT_TRANSLATE_NOOP("migration", "Meter read at"), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Result"), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "New account no."), ColumnKind.TEXT),
                   (QT_TRANSLATE_NOOP("migration", "Notes"), ColumnKind.TEXT)]
        columns = tuple(Column(t(h), k, total=k == ColumnKind.YUAN) for h, k in headers)
        results = {"ok": QT_TRANSLATE_NOOP("migration", "imported"),
                   "difference": QT_TRANSLATE_NOOP("migration", "imported, differs from the sheet"),
                   "problem": QT_TRANSLATE_NOOP("migration", "not imported: problem")}
        pending = {"ok": QT_TRANSLATE_NOOP("migration", "ready"),
                   "difference": QT_TRANSLATE_NOOP("migration", "differs from the sheet"),
                   "problem": QT_TRANSLATE_NOOP("migration", "problem")}
        rows = [(r.where, r.meter_no, r.room, r.name, r.old_account_no, r.sheet_remaining_fen, r.live_remaining_fen,
                 r.difference_fen, r.sheet_count, r.live_count, r.live_read_at,
                 t((results if plan.committed else pending)[r.state]), r.new_account_no,
                 "; ".join(r.problems + r.differences)) for r in plan.rows]
        rows += [("", "", "", "", "", None, None, None, None, None, "", t(pending["problem"]), "", n)
                 for n in plan.notes]
        title = t(QT_TRANSLATE_NOOP("migration", "Migration report")) if plan.committed else \
            t(QT_TRANSLATE_NOOP("migration", "Migration check (nothing imported yet)"))
        spec = TableSpec(title, columns, period_text=Path(plan.file).name, generated_by=actor.name,
                         generated_at=self.ctx.clock(), time_zone=self.ctx.site_clock.zone,
                         labels=ExportLabels().translated(translate))
        return export_xlsx(path, spec, rows).path

