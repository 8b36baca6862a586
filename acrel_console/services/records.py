"""Records (售电查询) and receipts: sales, refunds, reversals, transfers with filters and totals;
receipt data for printing, reprints marked 补打 keeping their number."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan, units_to_price
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_settings import load_all
from acrel_console.services.tariffs import meter_body
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow, ReceiptPrintRow, ReceiptRow, TenantRow
from acrel_console.storage.tables.site import MeterRow

RECORD_KINDS = ("sale", "refund", "reversal", "transfer", "opening")
SALE_TYPE_LABELS = {"normal": "正常售电", "reversal": "冲正", "refund": "退电"}


@dataclass(frozen=True, slots=True)
class RecordQuery:
    """Filters of the records page; None = any. `until` is exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    cashier: str | None = None
    tenant: str | None = None  # name, 用户编号 or room (substring)
    meter_id: int | None = None
    method: str | None = None
    kinds: tuple[str, ...] = RECORD_KINDS
    sale_type: str | None = None  # normal | reversal | refund
    limit: int = 5000


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One line of 售电查询: 创建日期, 创建人, 用户编号, 用户名, 表号, 商铺号, 金额, 付款方式, 售电类型,
    上次购电次数, 上次累计金额, 备注 — plus links and the delivery state."""

    operation_id: str
    at: datetime
    operator: str
    account_no: str
    tenant_name: str
    meter_id: int | None
    meter_no: str
    room: str
    amount: Decimal
    method: str | None
    kind: str
    sale_type: str | None
    purchase_count_before: int | None
    cumulative_before: Decimal | None
    remark: str
    reason: str
    approver: str | None
    receipt_no: str | None
    ref_operation_id: str | None
    to_meter_id: int | None
    delivery_state: str | None  # of its credit command; 'cancelled' when a reversal cancelled it
    ref_receipt_no: str = ""  # the receipt number of the operation it refers to (a reversal's original sale)


@dataclass(frozen=True, slots=True)
class RecordTotals:
    """财务收入 = 售电 − 冲正 − 退电 (in yuan), and sales by payment method."""

    sales: Decimal
    reversals: Decimal
    refunds: Decimal
    transfers: Decimal
    income: Decimal
    count: int
    by_method: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class RecordPage:
    rows: tuple[RecordRow, ...]
    totals: RecordTotals


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """What a printed slip shows. reprint=True: print 补打 on it; the number stays the same."""

    number: str
    reprint: bool
    print_count: int
    site_name: str
    kind: str
    sale_type_label: str
    tenant_name: str
    account_no: str
    room: str
    meter_id: int
    meter_no: str
    amount: Decimal
    method: str | None
    prices: tuple[Decimal, ...]  # 尖 峰 平 谷 yuan/kWh in force (one value for flat), () when none
    balance_after: Decimal | None
    purchase_count: int | None
    operator: str
    at: datetime
    remark: str
    delivery_state: str | None
    original_receipt: str = ""  # refund/reversal: the receipt number of the sale it returns
    approver: str = ""  # reversal: the supervisor who approved it
    reason: str = ""  # refund/reversal: why


def _delivery_states(s: Session, op_ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(op_ids), 500):
        for oid, state in s.execute(select(MeterCommandRow.operation_id, MeterCommandRow.state).where(
                MeterCommandRow.operation_id.in_(op_ids[i:i + 500])).order_by(MeterCommandRow.created_at)):
            if oid is not None:  # always set: the query matches operation ids
                out[oid] = state
    return out


def _receipt_numbers(s: Session, op_ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(op_ids), 500):
        for oid, number in s.execute(select(ReceiptRow.operation_id, ReceiptRow.number).where(
                ReceiptRow.operation_id.in_(op_ids[i:i + 500]))):
            out[oid] = number
    return out


class RecordsService:
    """Read side of the money: the records page, totals, receipts."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def query(self, actor: Actor, q: RecordQuery | None = None) -> RecordPage:
        q = q or RecordQuery()
        meter = aliased(MeterRow)
        stmt = (select(OperationRow, TenantRow.account_no, TenantRow.name, meter.meter_no, meter.room)
                .outerjoin(TenantRow, OperationRow.tenant_id == TenantRow.id)
                .outerjoin(meter, OperationRow.meter_id == meter.id)
                .where(OperationRow.kind.in_(q.kinds)).order_by(OperationRow.at.desc()).limit(q.limit))
        if q.since:
            stmt = stmt.where(OperationRow.at >= q.since)
        if q.until:
            stmt = stmt.where(OperationRow.at < q.until)
        if q.cashier:
            stmt = stmt.where(OperationRow.operator_name == q.cashier)
        if q.meter_id is not None:
            stmt = stmt.where(or_(OperationRow.meter_id == q.meter_id, OperationRow.to_meter_id == q.meter_id))
        if q.method:
            stmt = stmt.where(OperationRow.method == q.method)
        if q.sale_type:
            stmt = stmt.where(OperationRow.sale_type == q.sale_type)
        if q.tenant:
            like = f"%{q.tenant.strip()}%"
            stmt = stmt.where(or_(TenantRow.name.like(like), TenantRow.account_no.like(like), TenantRow.room.like(like)))
        with self.ctx.read() as s:
            found = s.execute(stmt).all()
            states = _delivery_states(s, [op.id for op, *_ in found])
            refs = _receipt_numbers(s, [op.ref_operation_id for op, *_ in found if op.ref_operation_id])
            rows = []
            sums = {"sale": 0, "reversal": 0, "refund": 0, "transfer": 0, "opening": 0}
            by_method: dict[str, int] = {}
            for op, account_no, name, meter_no, room in found:
                rows.append(RecordRow(
                    op.id, op.at, op.operator_name, account_no or "", name or "", op.meter_id, meter_no or "", room or "",
                    fen_to_yuan(op.amount_fen), op.method, op.kind, op.sale_type, op.purchase_count_before,
                    None if op.cumulative_fen_before is None else fen_to_yuan(op.cumulative_fen_before), op.remark,
                    op.reason, op.approver_name, op.receipt_no, op.ref_operation_id, op.to_meter_id,
                    "cancelled" if json.loads(op.detail_json or "{}").get("cancelled_command") else states.get(op.id),
                    refs.get(op.ref_operation_id or "", "")))
                sums[op.kind] = sums.get(op.kind, 0) + op.amount_fen
                if op.kind == "sale" and op.method:
                    by_method[op.method] = by_method.get(op.method, 0) + op.amount_fen
        totals = RecordTotals(fen_to_yuan(sums["sale"]), fen_to_yuan(sums["reversal"]), fen_to_yuan(sums["refund"]),
                              fen_to_yuan(sums["transfer"]),
                              fen_to_yuan(sums["sale"] - sums["reversal"] - sums["refund"]), len(rows),
                              {k: fen_to_yuan(v) for k, v in sorted(by_method.items())})
        return RecordPage(tuple(rows), totals)

    def _receipt(self, s: Session, number: str, reprint: bool, prints: int) -> ReceiptData:
        r = s.get(ReceiptRow, number)
        assert r is not None
        op = s.get(OperationRow, r.operation_id)
        assert op is not None
        t = s.get(TenantRow, op.tenant_id) if op.tenant_id else None
        m = s.get(MeterRow, op.meter_id) if op.meter_id else None
        body = meter_body(s, op.meter_id, op.at) if op.meter_id else None
        prices: tuple[Decimal, ...] = ()
        if body is not None:
            prices = (units_to_price(body.prices[0]),) if body.kind == "flat" else \
                tuple(units_to_price(p) for p in (body.prices if body.kind == "tou" else [p for _u, p in body.tiers]))
        detail = json.loads(op.detail_json or "{}")
        state = s.execute(select(MeterCommandRow.state).where(MeterCommandRow.operation_id == op.id)
                          .order_by(MeterCommandRow.created_at).limit(1)).scalar()
        bal = detail.get("balance_after_fen")
        original = ""
        if op.ref_operation_id:
            original = s.execute(select(ReceiptRow.number).where(
                ReceiptRow.operation_id == op.ref_operation_id)).scalar() or ""
        return ReceiptData(number, reprint, prints, str(load_all(s)["site_name"]), op.kind,
                           SALE_TYPE_LABELS.get(op.sale_type or "", ""), t.name if t else "", t.account_no if t else "",
                           (m.room if m and m.room else (t.room if t else "")), int(op.meter_id or 0), m.meter_no if m else "", fen_to_yuan(op.amount_fen),
                           op.method, prices, None if bal is None else fen_to_yuan(bal),
                           detail.get("expected_purchase_count"), op.operator_name, op.at, op.remark,
                           "cancelled" if detail.get("cancelled_command") else state, original,
                           op.approver_name or "", op.reason or "")

    def _number(self, s: Session, key: str) -> str:
        r = s.get(ReceiptRow, key)
        if r is not None:
            return r.number
        num = s.execute(select(ReceiptRow.number).where(ReceiptRow.operation_id == key)).scalar()
        if num is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No receipt for {key}."), key=key)
        return str(num)

    @requires(Permission.VIEW)
    def receipt(self, actor: Actor, key: str) -> ReceiptData:
        """Receipt data by number or operation id, without printing."""
        with self.ctx.read() as s:
            number = self._number(s, key)
            n = s.execute(select(func.count()).where(ReceiptPrintRow.receipt_no == number)).scalar() or 0
            return self._receipt(s, number, n > 0, int(n))

    @requires(Permission.SELL)
    def print_receipt(self, actor: Actor, key: str) -> ReceiptData:
        """Record a print and return what to print: the first print is the original, every later one a
        reprint (补打) with the same number. Logged."""
        if not key:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Which receipt?"), field="receipt")
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            number = self._number(s, key)
            n = int(s.execute(select(func.count()).where(ReceiptPrintRow.receipt_no == number)).scalar() or 0)
            s.add(ReceiptPrintRow(receipt_no=number, at=at, operator_name=actor.name, reprint=n > 0))
            audit.append(s, actor, "receipt.reprint" if n else "receipt.print", f"receipt:{number}", at=at)
            return self._receipt(s, number, n > 0, n + 1)
