"""Tenant accounts: 开户 (with meters, their existing credit taken over or cleared, an opening top-up), add/remove
meters, 销户, 换表 (settled on the meters first: services.account_changes), search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.roles import Permission
from acrel_console.ledger import book
from acrel_console.ledger.queries import TenantRef, meter_tenant
from acrel_console.services import account_changes, audit, returns, takeover
from acrel_console.services.account_changes import ChangeStatus, Claim
from acrel_console.services.alarms import clear_alarm
from acrel_console.services.base import Actor, ServiceContext, check_permission, requires
from acrel_console.services.site_config import threshold_fields
from acrel_console.services.thresholds import apply_thresholds_in
from acrel_console.services.money_common import (
    REMARK_OPENING, amount_fen, check_method, cumulative_fen, locked_meter, meter_side, op_id)
from acrel_console.services.vending import sell_in
from acrel_console.storage.tables.changes import AccountChangeRow
from acrel_console.storage.tables.ledger import AccountMeterRow, OperationRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.site import MeterRow

__all__ = ["AccountService", "AccountInfo", "MeterBalance", "ChangeStatus", "Claim"]


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
    change_id: str | None = None  # the 销户 / removal / 换表 under way (settling or stuck)
    change_kind: str | None = None
    change_state: str | None = None  # settling | stuck

    @property
    def state(self) -> str:
        """open | closing (a 销户 settling on its meters) | closed."""
        return account_changes.account_state(self.closed_at, self.change_kind)


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
    ch = account_changes.active_change(s, acc.id)
    return AccountInfo(acc.id, t.id, t.account_no, t.name, t.room, t.phone, t.notes, acc.opened_at, acc.opened_by,
                       acc.closed_at, tuple(meters), ch.id if ch else None, ch.kind if ch else None,
                       ch.state if ch else None)


def _account_meter_ids(s: Session, account_id: int) -> list[int]:
    return [int(m) for (m,) in s.execute(select(AccountMeterRow.meter_id).where(
        AccountMeterRow.account_id == account_id, AccountMeterRow.removed_at.is_(None)).order_by(AccountMeterRow.id))]


def _ref(s: Session, acc: TenantAccountRow) -> TenantRef:
    t = s.get(TenantRow, acc.tenant_id)
    assert t is not None
    return TenantRef(t.id, acc.id, t.account_no, t.name, t.room, t.phone)


def _check_old_balance_claim(actor: Actor, approver: Actor | None, reason: str) -> None:
    """A typed old-system balance is a claim: a supervisor (another operator) approves it, with a reason."""
    if approver is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "An old meter balance typed in is a claim: it needs a supervisor's approval."), field="approver")
    check_permission(approver, Permission.APPROVE_REVERSAL)
    if approver.name == actor.name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The approver must be a different operator."),
                              field="approver")
    if not reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claim needs a reason."), field="claim_reason")


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

    def _holdings(self, s: Session, meter_ids: list[int], decisions: dict[int, str | None],
                  at: datetime) -> dict[int, takeover.MeterHolding]:
        """Lock each meter, check nobody holds it, and refuse (changing nothing) while a meter's existing
        credit waits for a decision."""
        found: dict[int, takeover.MeterHolding] = {}
        for mid in meter_ids:
            meter = locked_meter(s, mid)
            holder = meter_tenant(s, mid)
            if holder is not None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} already belongs to {name} ({no})."),
                                    id=mid, name=holder.name, no=holder.account_no)
            found[mid] = takeover.holding(s, self.ctx, meter, at)
            takeover.check_decision(found[mid], decisions.get(mid))
        return found

    @requires(Permission.VIEW)
    def holdings(self, actor: Actor, meter_ids: list[int]) -> list[takeover.MeterHolding]:
        """What each meter holds by its latest reading, and whether opening it needs a take-over decision."""
        at = self.ctx.clock()
        with self.ctx.read() as s:
            out = []
            for mid in meter_ids:
                meter = s.get(MeterRow, mid)
                if meter is None:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=mid)
                out.append(takeover.holding(s, self.ctx, meter, at))
            return out

    @requires(Permission.SELL)
    def open_account(self, actor: Actor, name: str, room: str, meter_ids: list[int], phone: str = "",
                     notes: str = "", opening_credit: Decimal | str | None = None, method: str = "cash",
                     opening_sale_id: str | None = None, old_balance: Decimal | str | None = None,
                     existing_credit: str | dict[int, str] | None = None, old_balance_approver: Actor | None = None,
                     old_balance_reason: str = "", thresholds: dict[str, Any] | None = None) -> AccountInfo:
        """开户: a tenant, an account holding the meters, optionally a first top-up (an ordinary sale marked
        开户首充, on the first meter).

        A meter whose latest reading shows credit (or debt) the ledger does not account for is opened only
        with a decision (`existing_credit`, one for all meters or per meter id): 'take-over' (the tenant's
        opening balance, from the take-over equity account, the reading as evidence) or 'clear' (zeroed on
        the meter with read-back before anything else is delivered). An old-system balance typed in
        (老表金额转入) is a claim: it needs a supervisor's approval and a reason, and is delivered like a sale.

        `thresholds` (告警金额1/2 in yuan, 功率阈值 in kW as typed: alarm1_yuan, alarm2_yuan, overload_kw; empty
        ones keep the site default) become the meters' own: a settings download to prepaid meters (theirs once
        the meter confirms by read-back), stored at once for console-billed ones (services.thresholds)."""
        name = _text(name, "name", "Name")
        room = _text(room, "room", "Room", required=False)
        phone = _text(phone, "phone", "Phone", required=False, max_len=40)
        if not meter_ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An account needs at least one meter."), field="meters")
        if len(set(meter_ids)) != len(meter_ids):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A meter is listed twice."), field="meters")
        credit_fen = amount_fen(opening_credit, "opening_credit") if opening_credit not in (None, "", 0) else None
        old_fen = amount_fen(old_balance, "old_balance") if old_balance not in (None, "", 0) else None
        if old_fen is not None:
            _check_old_balance_claim(actor, old_balance_approver, old_balance_reason)
        own_thresholds = threshold_fields(thresholds or {})
        check_method(method)
        decisions: dict[int, str | None] = (dict(existing_credit) if isinstance(existing_credit, dict)
                                            else {m: existing_credit for m in meter_ids})
        sale_id = op_id(opening_sale_id)
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            prior = s.get(OperationRow, sale_id) if opening_sale_id else None
            if prior is not None and prior.account_id is not None:
                acc0 = s.get(TenantAccountRow, prior.account_id)
                assert acc0 is not None
                return _account_info(s, acc0)
            acc, ref = self.open_in(s, actor, name, room, phone, notes, meter_ids, decisions, at)
            if own_thresholds:
                apply_thresholds_in(self.ctx, s, actor, meter_ids, own_thresholds, "account opening")
            if old_fen is not None:
                assert old_balance_approver is not None
                sell_in(s, self.ctx, actor, meter_ids[0], old_fen, method, book.new_id(), "老表金额转入", kind="opening",
                        evidence={"kind": "claim", "approver": old_balance_approver.name,
                                  "reason": old_balance_reason.strip(), "claimed_fen": old_fen})
            if credit_fen is not None:
                sell_in(s, self.ctx, actor, meter_ids[0], credit_fen, method, sale_id, REMARK_OPENING)
            return _account_info(s, acc)

    def open_in(self, s: Session, actor: Actor, name: str, room: str, phone: str, notes: str, meter_ids: list[int],
                decisions: dict[int, str | None], at: datetime) -> tuple[TenantAccountRow, TenantRef]:
        """开户 inside the caller's transaction (the caller checked the permission and the texts): the tenant,
        the account, its meters, and each meter's existing credit taken over or cleared as decided."""
        found = self._holdings(s, meter_ids, decisions, at)
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
                     after={"name": name, "room": room, "phone": phone, "meters": meter_ids,
                            "readings": {str(m): takeover.reading_evidence(h) for m, h in found.items()}}, at=at)
        ref = TenantRef(t.id, acc.id, t.account_no, name, room, phone)
        for mid in meter_ids:
            takeover.apply(s, self.ctx, actor, ref, found[mid], decisions.get(mid), at)
        return acc, ref

    @requires(Permission.SELL)
    def add_meter(self, actor: Actor, account_id: int, meter_id: int,
                  existing_credit: str | None = None) -> AccountInfo:
        """开户后加表 (its existing credit decided as at opening)."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            running = account_changes.active_change(s, acc.id)
            if running is not None and running.kind == "close":
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Account {id} is closing."), id=account_id)
            found = self._holdings(s, [meter_id], {meter_id: existing_credit}, at)
            self._attach(s, actor, acc, meter_id, at)
            audit.append(s, actor, "account.add_meter", f"account:{account_id}", after={"meter_id": meter_id}, at=at)
            takeover.apply(s, self.ctx, actor, _ref(s, acc), found[meter_id], existing_credit, at)
            return _account_info(s, acc)

    def _change(self, s: Session, actor: Actor, acc: TenantAccountRow, *, kind: str, change_id: str | None,
                meter_ids: list[int], settle: str, method: str | None, transfer_to: int | None,
                new_meter_id: int | None, reason: str, claims: dict[int, Claim]) -> ChangeStatus:
        if settle not in ("refund", "transfer"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Settle by 'refund' or 'transfer'."), field="settle")
        if settle == "transfer" and kind != "replace":
            if transfer_to is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name the meter the balance moves to."),
                                      field="transfer_to")
            if transfer_to in meter_ids:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A balance cannot move to the meter it leaves."),
                                      field="transfer_to")
            locked_meter(s, transfer_to)
        ch = account_changes.begin(s, self.ctx, actor, acc, _ref(s, acc), kind=kind, change_id=op_id(change_id),
                                   meter_ids=meter_ids, settle=settle, method=method, transfer_to=transfer_to,
                                   new_meter_id=new_meter_id, reason=reason.strip(), claims=claims)
        return account_changes.status(s, ch)

    @requires(Permission.SELL)
    def remove_meter(self, actor: Actor, account_id: int, meter_id: int, *, settle: str = "refund",
                     method: str = "cash", transfer_to: int | None = None, reason: str = "",
                     claim: Claim | None = None, change_id: str | None = None) -> ChangeStatus:
        """Take one meter out of an account: its balance comes back from the meter first (refunded or moved)."""
        check_method(method)
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            if meter_id not in _account_meter_ids(s, acc.id):
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Meter {id} is not in account {account}."), id=meter_id,
                               account=account_id)
            return self._change(s, actor, acc, kind="remove", change_id=change_id, meter_ids=[meter_id],
                                settle=settle, method=method, transfer_to=transfer_to, new_meter_id=None,
                                reason=reason, claims={claim.meter_id: claim} if claim else {})

    @requires(Permission.SELL)
    def close_account(self, actor: Actor, account_id: int, *, settle: str = "refund", method: str = "cash",
                      transfer_to: int | None = None, reason: str = "", claims: dict[int, Claim] | None = None,
                      change_id: str | None = None) -> ChangeStatus:
        """销户: every meter gives back what the tenant holds on it (read as the command is sent, booked as the
        meter confirms), refunded (or moved); then the meters become unopened and, with trip_on_close, are
        tripped. Until every meter has settled the account is closing; asking again resumes a stuck close,
        and `claims` settle meters that cannot be read."""
        check_method(method)
        with self.ctx.transaction() as s:
            acc = self._open_account(s, account_id)
            return self._change(s, actor, acc, kind="close", change_id=change_id,
                                meter_ids=_account_meter_ids(s, acc.id), settle=settle, method=method,
                                transfer_to=transfer_to, new_meter_id=None, reason=reason, claims=dict(claims or {}))

    @requires(Permission.SELL)
    def replace_meter(self, actor: Actor, old_meter_id: int, new_meter_id: int, *, existing_credit: str | None = None,
                      claim: Claim | None = None, reason: str = "", change_id: str | None = None) -> ChangeStatus:
        """新老表切换: the old meter's credit is taken back (read as the command is sent, confirmed by read-back)
        and delivered to the new meter, which then returns to prepaid control (relay closed with a positive
        balance); the old meter's alarms are cleared and it is retired. A dead old meter is settled by a
        supervisor-approved claim. A failed step leaves the change stuck; asking again resumes it."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            holder = meter_tenant(s, old_meter_id)
            if holder is None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not opened."), id=old_meter_id)
            acc = self._open_account(s, holder.account_id)
            if new_meter_id == old_meter_id:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The new meter must be another meter."),
                                      field="new_meter")
            running = account_changes.active_change(s, acc.id)
            resuming = running is not None and running.kind == "replace" and running.meter_id == old_meter_id \
                and running.new_meter_id == new_meter_id
            if running is not None and not resuming:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Account {no} is in the middle of another change ({kind}): finish that first."),
                    no=holder.account_no, kind=running.kind)
            if not resuming:
                found = self._holdings(s, [new_meter_id], {new_meter_id: existing_credit}, at)
                self._attach(s, actor, acc, new_meter_id, at)
                takeover.apply(s, self.ctx, actor, holder, found[new_meter_id], existing_credit, at)
            return self._change(s, actor, acc, kind="replace", change_id=change_id, meter_ids=[old_meter_id],
                                settle="transfer", method=None, transfer_to=None, new_meter_id=new_meter_id,
                                reason=reason or "换表", claims={claim.meter_id: claim} if claim else {})

    @requires(Permission.SELL)
    def retry_clear(self, actor: Actor, meter_id: int) -> returns.HoldState:
        """Clear again the previous system's credit a meter refused to give up at opening (its return_refused
        alarm): the same amount, taken over from the refusal's read-back and swept again. The refusal's alarm
        is cleared (a new refusal raises its own); a second call while this one waits is refused. Returns the
        new return (waiting for the meter)."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            locked_meter(s, meter_id)
            holder = meter_tenant(s, meter_id)
            if holder is None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not opened."), id=meter_id)
            account_changes.refuse_if_changing(s, holder.account_id, meter_id)
            last = returns.last_hold(s, meter_id, "clear")
            st = returns.state_of(s, last) if last is not None else None
            if last is None or st is None or st.state != "refused" or not st.read_back:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Meter {id} has no refused clearing to try again."), id=meter_id)
            fen = min(last.amount_fen, int(st.read_back.get("remaining_fen") or 0))  # what is there now
            if fen <= 0:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Meter {id} has no refused clearing to try again."), id=meter_id)
            cid = takeover.retake(s, self.ctx, actor, holder, meter_id, fen, st.read_back, at)
            clear_alarm(s, AlarmKind.RETURN_REFUSED, f"operation:{last.id}", at)
            s.flush()
            hold = s.get(OperationRow, cid)
            assert hold is not None
            return returns.state_of(s, hold)

    @requires(Permission.VIEW)
    def clearing(self, actor: Actor, meter_id: int) -> returns.HoldState | None:
        """Where the newest clearing of a meter's previous credit stands (None: it was never cleared)."""
        with self.ctx.read() as s:
            last = returns.last_hold(s, meter_id, "clear")
            return returns.state_of(s, last) if last is not None else None

    @requires(Permission.VIEW)
    def settlement(self, actor: Actor, change_id: str) -> ChangeStatus:
        """Where a 销户 / removal / 换表 stands (the cashier watches it until done or stuck)."""
        with self.ctx.read() as s:
            ch = s.get(AccountChangeRow, op_id(change_id))
            if ch is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No account change {id}."), id=change_id)
            return account_changes.status(s, ch)

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
