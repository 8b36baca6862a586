"""Tenant accounts: 开户 (with meters and an opening top-up), add/remove meters, 销户, 换表, search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan, parse_yuan, yuan_to_fen
from acrel_console.domain.roles import Permission
from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import meter_tenant
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.money_common import (
    REMARK_OPENING, OperationResult, amount_fen, check_method, cumulative_fen, dumps, locked_meter, meter_side, op_id,
    open_shift)
from acrel_console.services.site_settings import load_all
from acrel_console.services.vending import sell_in
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import AccountMeterRow, OperationRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.site import MeterRow


@dataclass(frozen=True, slots=True)
class MeterBalance:
    """One meter of an account with what the console knows about its money."""

    meter_id: int
    meter_no: str
    room: str
    model: str
    meter_side: bool
    ledger_credit: Decimal  # what the ledger holds for the tenant on this meter
    known_remaining: Decimal | None  # last read (poll or delivery read-back)
    purchase_count: int | None
    pending_deliveries: int
    pending_amount: Decimal
    total_purchased: Decimal  # 购电总额 (net of reversals and refunds)
    added_at: datetime


@dataclass(frozen=True, slots=True)
class AccountInfo:
    account_id: int
    tenant_id: int
    account_no: str  # 用户编号
    name: str
    room: str
    phone: str
    notes: str
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    meters: tuple[MeterBalance, ...]


@dataclass(frozen=True, slots=True)
class FinalReading:
    """A meter's last values at 销户 or 换表: read from the meter, or entered by an operator when the
    meter is dead (source='entered', logged as such)."""

    remaining: Decimal
    energy_total: int | None = None  # 0.01 kWh
    source: str = "read"  # read | entered


@dataclass(frozen=True, slots=True)
class SettlementResult:
    """What 销户/换表/removing a meter did with each meter's money."""

    account_id: int
    operations: tuple[OperationResult, ...]
    trip_command_ids: tuple[str, ...]
    final_remaining: dict[int, Decimal]


def _account_info(s: Session, acc: TenantAccountRow) -> AccountInfo:
    t = s.get(TenantRow, acc.tenant_id)
    assert t is not None
    rows = s.execute(select(AccountMeterRow, MeterRow).join(MeterRow, AccountMeterRow.meter_id == MeterRow.id)
                     .where(AccountMeterRow.account_id == acc.id, AccountMeterRow.removed_at.is_(None))
                     .order_by(AccountMeterRow.id)).all()
    meters = []
    for am, m in rows:
        st = book.credit_state(s, m.id)
        meters.append(MeterBalance(
            m.id, m.meter_no, m.room, m.model, meter_side(m.model), fen_to_yuan(book.ledger_credit_fen(s, m.id)),
            None if st.known_remaining_fen is None else fen_to_yuan(st.known_remaining_fen), st.known_count,
            st.outstanding_count, fen_to_yuan(st.outstanding_fen), fen_to_yuan(cumulative_fen(s, m.id)), am.added_at))
    return AccountInfo(acc.id, t.id, t.account_no, t.name, t.room, t.phone, t.notes, acc.opened_at, acc.opened_by,
                       acc.closed_at, tuple(meters))


def _text(value: str, field: str, label: str, required: bool = True, max_len: int = 100) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field=field, label=label)
    if len(value) > max_len:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is longer than {n} characters."), field=field,
                              label=label, n=max_len)
    return value


class AccountService:
    """Tenant accounts and their meters; money moves through the ledger, never by editing balances."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _open_account(self, s: Session, account_id: int) -> TenantAccountRow:
        acc = s.get(TenantAccountRow, account_id)
        if acc is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No account {id}."), id=account_id)
        if acc.closed_at is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "Account {id} is closed."), id=account_id)
        return acc

    def _attach(self, s: Session, actor: Actor, acc: TenantAccountRow, meter_id: int, at: datetime) -> None:
        locked_meter(s, meter_id)
        holder = meter_tenant(s, meter_id)
        if holder is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} already belongs to {name} ({no})."),
                                id=meter_id, name=holder.name, no=holder.account_no)
        s.add(AccountMeterRow(account_id=acc.id, meter_id=meter_id, added_at=at, added_by=actor.name))
        s.flush()

    @requires(Permission.SELL)
    def open_account(self, actor: Actor, name: str, room: str, meter_ids: list[int], phone: str = "",
                     notes: str = "", opening_credit: Decimal | str | None = None, method: str = "cash",
                     opening_sale_id: str | None = None, old_balance: Decimal | str | None = None) -> AccountInfo:
        """开户: a tenant, an account holding the meters, optionally a first top-up (an ordinary sale marked
        开户首充, on the first meter) and an old-system balance (老表金额转入, delivered like a sale)."""
        name = _text(name, "name", "Name")
        room = _text(room, "room", "Room", required=False)
        phone = _text(phone, "phone", "Phone", required=False, max_len=40)
        if not meter_ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An account needs at least one meter."), field="meters")
        if len(set(meter_ids)) != len(meter_ids):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A meter is listed twice."), field="meters")
        credit_fen = amount_fen(opening_credit, "opening_credit") if opening_credit not in (None, "", 0) else None
        old_fen = amount_fen(old_balance, "old_balance") if old_balance not in (None, "", 0) else None
        check_method(method)
        sale_id = op_id(opening_sale_id)
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            prior = s.get(OperationRow, sale_id) if opening_sale_id else None
            if prior is not None and prior.account_id is not None:
                acc0 = s.get(TenantAccountRow, prior.account_id)
                assert acc0 is not None
                return _account_info(s, acc0)
            t = TenantRow(account_no=f"{book.next_number(s, 'account_no'):06d}", name=name, room=room, phone=phone,
                          notes=notes.strip(), created_at=at)
            s.add(t)
            s.flush()
            acc = TenantAccountRow(tenant_id=t.id, opened_at=at, opened_by=actor.name)
            s.add(acc)
            s.flush()
            for mid in meter_ids:
                self._attach(s, actor, acc, mid, at)
            audit.append(s, actor, "account.open", f"account:{t.account_no}",
                         after={"name": name, "room": room, "phone": phone, "meters": meter_ids}, at=at)
            if old_fen is not None:
                sell_in(s, self.ctx, actor, meter_ids[0], old_fen, method, book.new_id(), "老表金额转入", kind="opening")
            if credit_fen is not None:
                sell_in(s, self.ctx, actor, meter_ids[0], credit_fen, method, sale_id, REMARK_OPENING)
            return _account_info(s, acc)

    @requires(Permission.SELL)
    def add_meter(self, actor: Actor, account_id: int, meter_id: int) -> AccountInfo:
        """开户后加表."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            self._attach(s, actor, acc, meter_id, at)
            audit.append(s, actor, "account.add_meter", f"account:{account_id}", after={"meter_id": meter_id}, at=at)
            return _account_info(s, acc)

    def _settle(self, s: Session, actor: Actor, meter_id: int, final: FinalReading, *, settle: str, method: str,
                transfer_to: int | None, reason: str, deliver_to_source: bool) -> list[OperationResult]:
        """Book unbooked consumption so the ledger equals the final remaining amount, then refund or
        transfer that amount. Returns the money operations made."""
        at = self.ctx.clock()
        meter = locked_meter(s, meter_id)
        holder = meter_tenant(s, meter_id)
        out: list[OperationResult] = []
        outstanding = s.execute(select(MeterCommandRow.id).where(
            MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind == book.CREDIT_KIND,
            MeterCommandRow.state.in_(("pending", "sending", "conflict")))).first()
        if outstanding is not None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "Meter {id} has deliveries not yet confirmed: deliver, reverse or resolve them first."),
                id=meter_id)
        final_fen = yuan_to_fen(parse_yuan(final.remaining))
        if final.source not in ("read", "entered"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A final reading is 'read' or 'entered'."), field="source")
        if final_fen < 0:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Meter {id} is in arrears ({amount} yuan): settle the debt with a sale first."),
                field="remaining", id=meter_id, amount=str(fen_to_yuan(final_fen)))
        ledger = book.ledger_credit_fen(s, meter_id)
        common = {"at": at, "meter_id": meter_id, "tenant_id": holder.tenant_id if holder else None,
                  "account_id": holder.account_id if holder else None, "operator_id": actor.id,
                  "operator_name": actor.name}
        diff = ledger - final_fen
        if diff != 0:
            lines = posting.consumption(meter_id, diff) if diff > 0 else posting.adjustment(meter_id, -diff)
            oid = book.new_id()
            book.post(s, lines, id=oid, kind="consumption" if diff > 0 else "adjustment", amount_fen=abs(diff),
                      reason=reason, energy_centi_kwh=final.energy_total,
                      detail_json=dumps({"final_remaining_fen": final_fen, "source": final.source,
                                         "energy_total": final.energy_total}), **common)
        if final_fen == 0:
            return out
        oid = book.new_id()
        side = meter_side(meter.model)
        to_source = side and deliver_to_source and final.source == "read"
        if settle == "refund":
            shift = open_shift(s, actor, at)
            receipt = f"R{book.next_number(s, 'receipt'):08d}"
            book.post(s, posting.refund(meter_id, shift, method, final_fen), id=oid, kind="refund", sale_type="refund",
                      amount_fen=final_fen, method=method, shift_id=shift, reason=reason, receipt_no=receipt,
                      cumulative_fen_before=cumulative_fen(s, meter_id),
                      detail_json=dumps({"balance_after_fen": 0, "no_delivery": not to_source}), **common)
            from acrel_console.storage.tables.ledger import ReceiptRow

            s.add(ReceiptRow(number=receipt, operation_id=oid, created_at=at))
        else:
            if transfer_to is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name the meter the balance moves to."),
                                      field="transfer_to")
            target = locked_meter(s, transfer_to)
            receipt = None
            book.post(s, posting.transfer(meter_id, transfer_to, final_fen), id=oid, kind="transfer",
                      amount_fen=final_fen, to_meter_id=transfer_to, reason=reason,
                      detail_json=dumps({"no_delivery": not to_source}), **common)
            if meter_side(target.model):
                book.add_credit_command(s, self.ctx.site_key, meter_id=transfer_to, amount_fen=final_fen,
                                        operation_id=oid, created_by=actor.name, at=at, reason="transfer in")
        cmd_id = None
        if to_source:
            cmd_id = book.add_credit_command(s, self.ctx.site_key, meter_id=meter_id, amount_fen=-final_fen,
                                             operation_id=oid, created_by=actor.name, at=at, reason=settle).id
        out.append(OperationResult(oid, "refund" if settle == "refund" else "transfer", meter_id,
                                   fen_to_yuan(final_fen), cmd_id, receipt, None, Decimal("0.00")))
        return out

    def _detach(self, s: Session, actor: Actor, account_id: int, meter_id: int, reason: str) -> None:
        am = s.execute(select(AccountMeterRow).where(AccountMeterRow.account_id == account_id,
                                                     AccountMeterRow.meter_id == meter_id,
                                                     AccountMeterRow.removed_at.is_(None))).scalar_one_or_none()
        if am is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Meter {id} is not in account {account}."), id=meter_id,
                           account=account_id)
        am.removed_at, am.removed_by, am.removed_reason = self.ctx.clock(), actor.name, reason

    def _trip(self, s: Session, actor: Actor, meter_id: int, reason: str) -> str:
        return book.add_command(s, self.ctx.site_key, meter_id=meter_id, kind="trip", created_by=actor.name,
                                at=self.ctx.clock(), reason=reason, priority=5).id

    @requires(Permission.SELL)
    def remove_meter(self, actor: Actor, account_id: int, meter_id: int, final: FinalReading, *,
                     settle: str = "refund", method: str = "cash", transfer_to: int | None = None,
                     reason: str = "") -> SettlementResult:
        """Take one meter out of an account: its remaining balance is refunded or transferred first."""
        check_method(method)
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            ops = self._settle(s, actor, meter_id, final, settle=settle, method=method, transfer_to=transfer_to,
                               reason=reason or "remove meter", deliver_to_source=True)
            self._detach(s, actor, acc.id, meter_id, reason)
            audit.append(s, actor, "account.remove_meter", f"account:{account_id}",
                         after={"meter_id": meter_id, "final_remaining": str(final.remaining), "source": final.source,
                                "operations": [o.operation_id for o in ops]}, reason=reason, at=self.ctx.clock())
            return SettlementResult(acc.id, tuple(ops), (), {meter_id: final.remaining})

    @requires(Permission.SELL)
    def close_account(self, actor: Actor, account_id: int, finals: dict[int, FinalReading], *,
                      settle: str = "refund", method: str = "cash", transfer_to: int | None = None,
                      reason: str = "") -> SettlementResult:
        """销户: every meter's final reading, its remaining balance refunded (or transferred), meters become
        unopened, a relay trip queued per meter when the site setting trip_on_close is on."""
        check_method(method)
        if settle not in ("refund", "transfer"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Settle by 'refund' or 'transfer'."), field="settle")
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            meter_ids = [m for (m,) in s.execute(select(AccountMeterRow.meter_id).where(
                AccountMeterRow.account_id == acc.id, AccountMeterRow.removed_at.is_(None)))]
            missing = [m for m in meter_ids if m not in finals]
            if missing:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A final reading is needed for meter {id}."),
                                      field="finals", id=missing[0])
            ops: list[OperationResult] = []
            trips: list[str] = []
            trip = bool(load_all(s)["trip_on_close"])
            for mid in meter_ids:
                ops += self._settle(s, actor, mid, finals[mid], settle=settle, method=method, transfer_to=transfer_to,
                                    reason=reason or "销户", deliver_to_source=True)
                self._detach(s, actor, acc.id, mid, reason or "销户")
                meter = s.get(MeterRow, mid)
                if trip and meter_side(meter.model if meter else ""):
                    trips.append(self._trip(s, actor, mid, "销户"))
            acc.closed_at, acc.closed_by, acc.close_reason = at, actor.name, reason
            audit.append(s, actor, "account.close", f"account:{acc.id}",
                         after={"finals": {str(k): {"remaining": str(v.remaining), "energy_total": v.energy_total,
                                                    "source": v.source} for k, v in finals.items()},
                                "operations": [o.operation_id for o in ops], "trips": trips},
                         reason=reason, at=at)
            return SettlementResult(acc.id, tuple(ops), tuple(trips), {k: v.remaining for k, v in finals.items()})

    @requires(Permission.SELL)
    def replace_meter(self, actor: Actor, old_meter_id: int, new_meter_id: int, old_final: FinalReading,
                      reason: str = "") -> SettlementResult:
        """新老表切换: the old meter's remaining amount (read, or entered when it is dead) moves to the new meter
        through the ledger; the old meter leaves the account and is retired; one log entry."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            holder = meter_tenant(s, old_meter_id)
            if holder is None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not opened."), id=old_meter_id)
            acc = self._open_account(s, holder.account_id)
            self._attach(s, actor, acc, new_meter_id, at)
            ops = self._settle(s, actor, old_meter_id, old_final, settle="transfer", method="cash",
                               transfer_to=new_meter_id, reason=reason or "换表", deliver_to_source=False)
            self._detach(s, actor, acc.id, old_meter_id, reason or "换表")
            old = s.get(MeterRow, old_meter_id)
            assert old is not None
            old.retired, old.retired_at = True, at
            audit.append(s, actor, "meter.replace", f"meter:{old_meter_id}",
                         before={"meter_id": old_meter_id, "remaining": str(old_final.remaining),
                                 "energy_total": old_final.energy_total, "source": old_final.source},
                         after={"meter_id": new_meter_id, "account": holder.account_no,
                                "operations": [o.operation_id for o in ops]}, reason=reason, at=at)
            return SettlementResult(acc.id, tuple(ops), (), {old_meter_id: old_final.remaining})

    @requires(Permission.VIEW)
    def get_account(self, actor: Actor, account_id: int) -> AccountInfo:
        with self.ctx.read() as s:
            acc = s.get(TenantAccountRow, account_id)
            if acc is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No account {id}."), id=account_id)
            return _account_info(s, acc)

    @requires(Permission.VIEW)
    def account_of_meter(self, actor: Actor, meter_id: int) -> AccountInfo | None:
        with self.ctx.read() as s:
            ref = meter_tenant(s, meter_id)
            if ref is None:
                return None
            acc = s.get(TenantAccountRow, ref.account_id)
            assert acc is not None
            return _account_info(s, acc)

    @requires(Permission.VIEW)
    def find_account(self, actor: Actor, key: str) -> AccountInfo:
        """An account by id, 用户编号 or a meter id/number (open accounts first)."""
        found = self.list_accounts(actor, search=key, include_closed=True, limit=50)
        for a in found:
            if str(a.account_id) == key.strip() or a.account_no == key.strip():
                return a
        if len(found) == 1:
            return found[0]
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No single account matches '{key}'."), key=key)

    @requires(Permission.VIEW)
    def list_accounts(self, actor: Actor, search: str | None = None, include_closed: bool = False,
                      limit: int = 500) -> list[AccountInfo]:
        """Accounts, newest first; `search` matches name, room, phone, 用户编号 or a meter's id/number
        (the cashier's find-as-you-type)."""
        q = (select(TenantAccountRow).join(TenantRow, TenantAccountRow.tenant_id == TenantRow.id)
             .order_by(TenantAccountRow.id.desc()).limit(limit))
        if not include_closed:
            q = q.where(TenantAccountRow.closed_at.is_(None))
        if search and search.strip():
            like = f"%{search.strip()}%"
            meter_hit = select(AccountMeterRow.account_id).join(MeterRow, AccountMeterRow.meter_id == MeterRow.id).where(
                or_(MeterRow.meter_no.like(like), MeterRow.room.like(like),
                    MeterRow.id == (int(search) if search.strip().isdigit() else -1)))
            q = q.where(or_(TenantRow.name.like(like), TenantRow.room.like(like), TenantRow.phone.like(like),
                            TenantRow.account_no.like(like), TenantAccountRow.id.in_(meter_hit)))
        with self.ctx.read() as s:
            return [_account_info(s, a) for a in s.execute(q).scalars()]
