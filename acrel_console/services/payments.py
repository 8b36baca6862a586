"""Online payment orders (WeChat Pay, Alipay) into the one ledger (issue 17, design §8, §14).

An order is made (and logged) before the provider is asked. It is confirmed by active query — right after the
QR is shown, then on a schedule until it expires (most sites have no public callback) — or by a verified
notification where a callback URL reaches the portal. Either way the paid order settles once, keyed by the
provider's transaction id:

- the right amount for a meter that can take it: an ordinary sale (`vending.sell_in`, method wechat/alipay,
  id derived from the transaction id) whose delivery goes the normal way (PENDING command, MAC, read-back);
- a different amount: held in suspense (never credited) and raised as a case for a supervisor, who refunds it
  or releases it to the meter;
- a meter that cannot take it (account closed or passed to another tenant, stored-credit limit, metering-only
  model, retired): held, then refunded through the provider; the refund books its own operation when the
  provider confirms it.

Provider calls happen outside database transactions; every state change is a short transaction of its own.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, UserError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.payments import (CHANNELS, OPEN_STATES, ORDER_LIFETIME, held_id_for, order_id_of,
                                           out_trade_no, refund_id_for, release_id_for, sale_id_for)
from acrel_console.domain.roles import Permission, Role
from acrel_console.drivers.payments.api import Checkout, NotificationRefused, PaymentClient, ProviderError, Trade
from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import meter_tenant
from acrel_console.services import audit
from acrel_console.services.alarms import clear_alarm, raise_alarm
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.money_common import amount_fen, credit_estimate_fen, dumps, locked_meter, meter_side, open_shift
from acrel_console.services.payment_config import configured, load_fields, make_client
from acrel_console.services.vending import max_credit_fen, sell_in
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.payments import PaymentNotificationRow, PaymentOrderRow
from acrel_console.storage.tables.site import MeterRow

log = logging.getLogger(__name__)
FAST_QUERY_S = 3  # query every few seconds while the payer is likely at the QR
SLOW_QUERY_S = 20
FAST_PHASE = timedelta(minutes=2)
SWEEP_BATCH = 50
PROVIDER_WORDS = {"wechat": "WeChat Pay", "alipay": "Alipay"}


@dataclass(frozen=True, slots=True)
class OrderView:
    """An order as the counter dialog, the phone page and the records show it. Money in yuan."""

    order_id: str
    provider: str
    channel: str
    source: str
    meter_id: int
    room: str
    amount: Decimal
    state: str
    qr_payload: str
    redirect_url: str
    created_at: datetime
    expires_at: datetime
    created_by: str
    transaction_id: str | None
    paid: Decimal | None
    operation_id: str | None
    receipt_no: str | None
    delivery: str | None  # the sale's delivery command state (pending, sending, delivered, ...) or None
    hold_reason: str
    refund_state: str
    error: str

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def delivered(self) -> bool:
        """Paid, sold, and the credit is on the meter (console-billed meters: booked)."""
        return self.state in ("paid", "credited") and self.delivery in ("delivered", None)


@dataclass(frozen=True, slots=True)
class NotifyReply:
    """The HTTP answer to a provider's notification."""

    status: int
    body: bytes
    content_type: str


def _tenant_actor_name(account_no: str) -> str:
    return f"tenant:{account_no}"


def _view(s: Session, row: PaymentOrderRow) -> OrderView:
    meter = s.get(MeterRow, row.meter_id)
    receipt = delivery = None
    if row.operation_id is not None and row.state in ("paid", "credited"):
        sale_id = sale_id_for(row.provider, row.transaction_id or "")
        op = s.get(OperationRow, sale_id)
        receipt = op.receipt_no if op is not None else None
        delivery = s.execute(select(MeterCommandRow.state).where(MeterCommandRow.operation_id == sale_id)
                             .order_by(MeterCommandRow.created_at.desc()).limit(1)).scalar()
    return OrderView(row.id, row.provider, row.channel, row.source, row.meter_id, meter.room if meter else "",
                     fen_to_yuan(row.amount_fen), row.state, row.qr_payload, row.redirect_url, row.created_at,
                     row.expires_at, row.created_by, row.transaction_id,
                     None if row.paid_fen is None else fen_to_yuan(row.paid_fen), row.operation_id, receipt, delivery,
                     row.hold_reason, row.refund_state, row.error)


order_view = _view  # for the cases list (services.payment_cases)


def _lock_order(s: Session, order_id: str) -> PaymentOrderRow:
    q = select(PaymentOrderRow).where(PaymentOrderRow.id == order_id)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    row = s.execute(q).scalar_one_or_none()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No payment order {id}."), id=order_id)
    return row


def credit_refusal(s: Session, meter: MeterRow, tenant_id: int | None, fen: int) -> UserError | None:
    """Why this meter cannot take `fen` of online credit now for this tenant (a translatable reason), or None."""
    from acrel_console.drivers.profiles import load_profile

    if meter.retired:
        return UserError(QT_TRANSLATE_NOOP("errors", "the meter is retired"))
    try:
        if load_profile(meter.model).metering_only:
            return UserError(QT_TRANSLATE_NOOP("errors", "the meter is metering-only and takes no credit"))
    except Exception:  # noqa: BLE001 - an unknown model: the sale path decides
        pass
    holder = meter_tenant(s, meter.id)
    if holder is None:
        return UserError(QT_TRANSLATE_NOOP("errors", "the meter's account is closed"))
    if tenant_id is not None and holder.tenant_id != tenant_id:
        return UserError(QT_TRANSLATE_NOOP("errors", "the meter now belongs to another tenant"))
    limit = max_credit_fen(s, meter.max_credit_fen)
    if limit is not None:
        side = meter_side(meter.model)
        before = credit_estimate_fen(s, meter.id, side, book.credit_state(s, meter.id) if side else None)
        if before + fen > limit:
            return UserError(QT_TRANSLATE_NOOP("errors", "it would hold {after} yuan, above its stored-credit limit "
                                                         "of {limit} yuan"),
                             after=str(fen_to_yuan(before + fen)), limit=str(fen_to_yuan(limit)))
    return None


class PaymentService:
    """Orders, their confirmation, settlement, refunds and a supervisor's cases. `clients` replaces the
    clients built from the site secrets (tests point them at loopback stand-ins)."""

    def __init__(self, ctx: ServiceContext, clients: dict[str, PaymentClient] | None = None) -> None:
        self.ctx = ctx
        self._given = clients
        self._built: dict[str, tuple[str, PaymentClient]] = {}
        self.on_settled: list[Callable[[str], None]] = []  # called with the order id after a sale is booked

    # providers --------------------------------------------------------------------------------------
    def providers(self) -> tuple[str, ...]:
        """The providers this site can take payments with now."""
        if self._given is not None:
            return tuple(p for p in ("wechat", "alipay") if p in self._given)
        return configured()

    def client(self, provider: str) -> PaymentClient:
        if self._given is not None:
            if provider not in self._given:
                raise _not_configured(provider)
            return self._given[provider]
        fields = load_fields(provider)
        signature = dumps(fields)
        cached = self._built.get(provider)
        if cached is None or cached[0] != signature:
            if provider not in configured():
                raise _not_configured(provider)
            cached = (signature, make_client(provider, fields, self.ctx.clock))
            self._built[provider] = cached
        return cached[1]

    # starting ---------------------------------------------------------------------------------------
    @requires(Permission.SELL)
    def start_counter(self, actor: Actor, meter_id: int, amount: Decimal | str, provider: str) -> OrderView:
        """微信扫码支付 / 支付宝扫码支付 at the counter: an order for the QR the cashier shows. Blocks on the
        provider (run it off the GUI thread)."""
        channel = "native" if provider == "wechat" else "precreate"
        return self.start(actor_name=actor.name, cashier=actor, source="counter", tenant_id=None,
                          meter_id=meter_id, amount=amount, provider=provider, channel=channel)

    def start(self, *, actor_name: str, cashier: Actor, source: str, tenant_id: int | None, meter_id: int,
              amount: Decimal | str, provider: str, channel: str, client_ip: str = "", return_url: str = "",
              openid: str = "") -> OrderView:
        """Make an order (logged before the provider is asked), then ask the provider for its QR or page.
        `return_url` is where the provider's page sends the payer back; '{order_id}' in it becomes the order's id."""
        fen = amount_fen(amount)
        if provider not in CHANNELS or channel not in CHANNELS[provider]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown payment provider '{provider}'."),
                                  field="provider", provider=f"{provider}/{channel}")
        client = self.client(provider)
        now = self.ctx.clock()
        order_id = str(uuid.uuid4())
        with self.ctx.transaction() as s:
            meter = locked_meter(s, meter_id)
            holder = meter_tenant(s, meter_id)
            if holder is None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not opened: open an account for it "
                                                                "first."), id=meter_id)
            if tenant_id is not None and holder.tenant_id != tenant_id:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            refusal = credit_refusal(s, meter, holder.tenant_id, fen)
            if refusal is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Meter {meter} cannot take online credit now: "
                                                                  "{reason}."), field="amount", meter=meter.room or meter_id,
                                      reason=refusal)
            s.add(PaymentOrderRow(id=order_id, provider=provider, channel=channel, source=source, meter_id=meter_id,
                                  tenant_id=holder.tenant_id, amount_fen=fen, state="creating", created_at=now,
                                  created_by=actor_name, cashier_id=cashier.id, cashier_name=cashier.name,
                                  expires_at=now + ORDER_LIFETIME, next_query_at=now))
            audit.append(s, _audit_actor(actor_name, cashier), "payment.order", f"meter:{meter_id}",
                         after={"order_id": order_id, "provider": provider, "channel": channel, "amount_fen": fen,
                                "source": source}, at=now)
        room = meter.room or f"#{meter_id}"
        try:
            checkout: Checkout = client.create(out_trade_no(order_id), fen, f"电费充值 {room}", channel,
                                               expires_at=now + ORDER_LIFETIME, client_ip=client_ip, openid=openid,
                                               return_url=return_url.replace("{order_id}", order_id))
        except ProviderError as err:
            with self.ctx.transaction() as s:
                row = _lock_order(s, order_id)
                row.state, row.error, row.closed_at, row.next_query_at = "failed", str(err), self.ctx.clock(), None
            raise UserError(QT_TRANSLATE_NOOP("errors", "{provider} did not take the order: {error}"),
                            provider=PROVIDER_WORDS[provider], error=str(err)) from None
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            if row.state == "creating":
                row.state = "open"
            row.qr_payload = checkout.qr_payload or ""
            row.redirect_url = checkout.redirect_url or ""
            return _view(s, row)

    # reading ----------------------------------------------------------------------------------------
    def view(self, order_id: str) -> OrderView:
        with self.ctx.read() as s:
            row = s.get(PaymentOrderRow, str(order_id)[:36])
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No payment order {id}."), id=order_id)
            return _view(s, row)

    @requires(Permission.VIEW)
    def order(self, actor: Actor, order_id: str) -> OrderView:
        return self.view(order_id)

    @requires(Permission.VIEW)
    def orders(self, actor: Actor, states: tuple[str, ...] = (), limit: int = 200) -> list[OrderView]:
        """Orders, newest first (all, or those in `states`: e.g. ('held',) for a supervisor's cases)."""
        q = select(PaymentOrderRow).order_by(PaymentOrderRow.created_at.desc()).limit(limit)
        if states:
            q = q.where(PaymentOrderRow.state.in_(states))
        with self.ctx.read() as s:
            return [_view(s, r) for r in s.execute(q).scalars()]

    # confirming -------------------------------------------------------------------------------------
    def confirm(self, order_id: str) -> OrderView:
        """Ask the provider about one order now (active query) and act on the answer: settle a paid order,
        close an expired one, or schedule the next query. A provider that cannot be reached is asked again."""
        with self.ctx.read() as s:
            row = s.get(PaymentOrderRow, order_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No payment order {id}."), id=order_id)
            provider, state, expires_at = row.provider, row.state, row.expires_at
        if state == "refunding":
            return self._refund(order_id)
        if state not in OPEN_STATES:
            return self.view(order_id)
        now = self.ctx.clock()
        try:
            trade = self.client(provider).query(out_trade_no(order_id))
        except (ProviderError, UserError) as err:
            return self._queried(order_id, str(err))
        if trade.state == "paid":
            return self.settle(order_id, trade, "query")
        if now >= expires_at or trade.state == "closed":
            return self._close(order_id, "expired")
        return self._queried(order_id, "")

    def _queried(self, order_id: str, error: str) -> OrderView:
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            now = self.ctx.clock()
            row.queries += 1
            row.last_query_at = now
            row.error = error
            if row.state in OPEN_STATES:
                step = FAST_QUERY_S if now - row.created_at < FAST_PHASE else SLOW_QUERY_S
                row.next_query_at = min(now + timedelta(seconds=step), max(row.expires_at, now))
            return _view(s, row)

    @requires(Permission.SELL)
    def cancel(self, actor: Actor, order_id: str) -> OrderView:
        """The cashier gives up on an unpaid order: it is closed at the provider and asked once more, so one
        paid at the last moment is still booked (the view then says 'paid')."""
        view = self.view(order_id)
        if not view.open:
            return view
        with self.ctx.transaction() as s:
            audit.append(s, actor, "payment.cancel", f"meter:{view.meter_id}", after={"order_id": order_id},
                         at=self.ctx.clock())
        return self._close(order_id, "cancelled")

    def _close(self, order_id: str, final: str) -> OrderView:
        view = self.view(order_id)
        client = self.client(view.provider)
        try:
            client.close(out_trade_no(order_id))
        except ProviderError as err:
            if err.retry:
                return self._queried(order_id, str(err))  # not closed: asked again by the next sweep
        try:  # a payment that landed before the close still counts
            trade = client.query(out_trade_no(order_id))
        except ProviderError as err:
            return self._queried(order_id, str(err))
        if trade.state == "paid":
            return self.settle(order_id, trade, "query")
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            if row.state in OPEN_STATES:
                row.state, row.closed_at, row.next_query_at = final, self.ctx.clock(), None
            return _view(s, row)

    def sweep(self, limit: int = SWEEP_BATCH) -> int:
        """Confirm every order whose next query is due, and push refunds on; returns how many were looked at.
        Run on a schedule by the site's runtime (and safe to run from several processes)."""
        if not self.providers():
            return 0
        now = self.ctx.clock()
        with self.ctx.read() as s:
            ids = list(s.execute(select(PaymentOrderRow.id).where(or_(
                (PaymentOrderRow.state.in_(OPEN_STATES)) & (PaymentOrderRow.next_query_at <= now),
                PaymentOrderRow.state == "refunding")).order_by(PaymentOrderRow.next_query_at).limit(limit)).scalars())
        for order_id in ids:
            try:
                self.confirm(order_id)
            except Exception:  # noqa: BLE001 - one order must not stop the others; it is retried next sweep
                log.exception("payment order %s: confirmation failed", order_id)
        return len(ids)

    # settling ---------------------------------------------------------------------------------------
    def settle(self, order_id: str, trade: Trade, via: str) -> OrderView:
        """A paid trade becomes exactly one sale (or a held payment): idempotent by the transaction id."""
        if not trade.transaction_id or trade.amount_fen is None:
            raise ProviderError("a paid trade without transaction id or amount", retry=True)
        try:
            with self.ctx.transaction() as s:
                row = _lock_order(s, order_id)
                if row.transaction_id is not None:
                    return _view(s, row)  # settled before (a repeated notification, a query after one)
                self._record_payment(row, trade, via)
                meter = locked_meter(s, row.meter_id)
                if trade.amount_fen != row.amount_fen:
                    self._hold(s, row, "amount", f"paid {fen_to_yuan(trade.amount_fen)} yuan for an order of "
                                                 f"{fen_to_yuan(row.amount_fen)} yuan")
                    return _view(s, row)
                refusal = credit_refusal(s, meter, row.tenant_id, row.amount_fen)
                if refusal is not None:
                    self._hold(s, row, "no_credit", refusal.english())
                else:
                    result = sell_in(s, self.ctx, self._seller(row), row.meter_id, row.amount_fen, row.provider,
                                     sale_id_for(row.provider, trade.transaction_id), remark=_remark(row))
                    row.state, row.operation_id, row.next_query_at = "paid", result.operation_id, None
                    audit.append(s, self._seller(row), "payment.paid", f"meter:{row.meter_id}",
                                 after={"order_id": row.id, "transaction_id": trade.transaction_id,
                                        "operation_id": result.operation_id, "via": via}, at=self.ctx.clock())
                view = _view(s, row)
        except UserError as err:  # the sale refused after all (a race with a closing or another sale): refund
            log.warning("payment order %s: sale refused (%s); refunding", order_id, err.english())
            with self.ctx.transaction() as s:
                row = _lock_order(s, order_id)
                if row.transaction_id is not None:
                    return _view(s, row)
                self._record_payment(row, trade, via)
                self._hold(s, row, "no_credit", err.english())
                view = _view(s, row)
        if view.state == "refunding":
            return self._refund(order_id)
        if view.state == "paid":
            for fn in list(self.on_settled):
                try:
                    fn(order_id)
                except Exception:  # noqa: BLE001 - a listener (dispatcher poke) must not undo a sale
                    log.exception("payment listener failed")
        return view

    def _record_payment(self, row: PaymentOrderRow, trade: Trade, via: str) -> None:
        row.transaction_id, row.paid_fen = trade.transaction_id, trade.amount_fen
        row.paid_at = trade.paid_at or self.ctx.clock()
        row.confirmed_by, row.error = via, ""

    @staticmethod
    def _seller(row: PaymentOrderRow) -> Actor:
        """Whose shift the money goes into: the cashier who showed the QR, or the portal's 'online' till."""
        return Actor(row.cashier_id, row.cashier_name, Role.CASHIER)

    def _hold(self, s: Session, row: PaymentOrderRow, reason: str, detail: str) -> None:
        """Money received and not credited: drawer in, suspense out (its own operation), then a case for a
        supervisor (a wrong amount) or a refund (a meter that cannot take it)."""
        at = self.ctx.clock()
        seller = self._seller(row)
        shift = open_shift(s, seller, at)
        held = held_id_for(row.provider, row.transaction_id or "")
        paid = int(row.paid_fen or 0)
        holder = meter_tenant(s, row.meter_id)
        book.post(s, posting.payment_held(shift, row.provider, paid), id=held, kind="payment_held", at=at,
                  meter_id=row.meter_id, tenant_id=row.tenant_id, account_id=holder.account_id if holder else None,
                  amount_fen=paid, method=row.provider, operator_id=seller.id, operator_name=seller.name,
                  shift_id=shift, reason=detail, detail_json=dumps({"order_id": row.id, "transaction_id":
                                                                    row.transaction_id, "hold_reason": reason}))
        row.operation_id, row.hold_reason, row.error, row.next_query_at = held, reason, detail, None
        if reason == "amount":
            row.state = "held"
            raise_alarm(s, AlarmKind.PAYMENT, f"payment:{row.id}", at, meter_id=row.meter_id,
                        provider=PROVIDER_WORDS[row.provider], trade=row.transaction_id, problem=detail)
        else:
            row.state, row.refund_state = "refunding", "requested"
        audit.append(s, seller, "payment.held", f"meter:{row.meter_id}",
                     after={"order_id": row.id, "transaction_id": row.transaction_id, "paid_fen": paid,
                            "hold_reason": reason}, reason=detail, at=at)

    # refunds ----------------------------------------------------------------------------------------
    def _refund(self, order_id: str) -> OrderView:
        """Pay a held payment back through the provider (idempotent by out_refund_no); the ledger books the
        refund when the provider says it is done."""
        view = self.view(order_id)
        if view.state != "refunding" or view.transaction_id is None or view.paid is None:
            return view
        refund_no = uuid.UUID(refund_id_for(view.provider, view.transaction_id)).hex
        client = self.client(view.provider)
        paid = int(view.paid * 100)
        try:
            if view.refund_state == "processing":
                result = client.query_refund(out_trade_no(order_id), refund_no)
            else:
                result = client.refund(out_trade_no(order_id), view.transaction_id, refund_no, paid, paid,
                                       "电表无法充值，原路退回")
        except ProviderError as err:
            with self.ctx.transaction() as s:
                row = _lock_order(s, order_id)
                row.error = str(err)
                if not err.retry:
                    row.refund_state = "failed"
                    raise_alarm(s, AlarmKind.PAYMENT, f"payment:{row.id}", self.ctx.clock(), meter_id=row.meter_id,
                                provider=PROVIDER_WORDS[row.provider], trade=row.transaction_id,
                                problem=f"refund failed: {err}")
                return _view(s, row)
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            if row.state != "refunding":
                return _view(s, row)
            if result.state == "processing":
                row.refund_state = "processing"
            elif result.state == "failed":
                row.refund_state = "failed"
                raise_alarm(s, AlarmKind.PAYMENT, f"payment:{row.id}", self.ctx.clock(), meter_id=row.meter_id,
                            provider=PROVIDER_WORDS[row.provider], trade=row.transaction_id,
                            problem="the provider refused the refund")
            else:
                self._book_refund(s, row)
            return _view(s, row)

    def _book_refund(self, s: Session, row: PaymentOrderRow) -> None:
        at = self.ctx.clock()
        seller = self._seller(row)
        shift = open_shift(s, seller, at)
        oid = refund_id_for(row.provider, row.transaction_id or "")
        paid = int(row.paid_fen or 0)
        if s.get(OperationRow, oid) is None:
            book.post(s, posting.payment_out(shift, row.provider, paid), id=oid, kind="payment_refund", at=at,
                      meter_id=row.meter_id, tenant_id=row.tenant_id, amount_fen=paid, method=row.provider,
                      operator_id=seller.id, operator_name=seller.name, shift_id=shift,
                      ref_operation_id=row.operation_id, reason=row.error,
                      detail_json=dumps({"order_id": row.id, "transaction_id": row.transaction_id}))
        row.refund_operation_id, row.refund_state, row.state, row.closed_at = oid, "done", "refunded", at
        clear_alarm(s, AlarmKind.PAYMENT, f"payment:{row.id}", at)
        audit.append(s, seller, "payment.refunded", f"meter:{row.meter_id}",
                     after={"order_id": row.id, "transaction_id": row.transaction_id, "operation_id": oid,
                            "amount_fen": paid}, at=at)

    # a supervisor's cases ---------------------------------------------------------------------------
    @requires(Permission.APPROVE_REVERSAL)
    def resolve(self, actor: Actor, order_id: str, action: str, reason: str) -> OrderView:
        """A held payment of a wrong amount: 'refund' pays it back through the provider; 'credit' releases it
        and sells what was actually paid to the meter (the normal delivery path). Logged with the reason."""
        if action not in ("refund", "credit"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown action."), field="action")
        if not reason.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A decision needs a reason."), field="reason")
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            if row.state != "held":
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Payment order {id} is not waiting for a decision."),
                                    id=order_id)
            at = self.ctx.clock()
            row.resolved_by, row.resolution = actor.name, f"{action}: {reason.strip()}"
            audit.append(s, actor, "payment.resolve", f"meter:{row.meter_id}",
                         after={"order_id": row.id, "action": action}, reason=reason.strip(), at=at)
            if action == "refund":
                row.state, row.refund_state = "refunding", "requested"
            else:
                paid = int(row.paid_fen or 0)
                meter = locked_meter(s, row.meter_id)
                refusal = credit_refusal(s, meter, row.tenant_id, paid)
                if refusal is not None:
                    raise ConflictError(QT_TRANSLATE_NOOP("errors", "The meter cannot take this payment: {reason}. "
                                                                    "Refund it instead."), reason=refusal)
                shift = open_shift(s, actor, at)
                release = release_id_for(row.provider, row.transaction_id or "")
                book.post(s, posting.payment_out(shift, row.provider, paid), id=release, kind="payment_release",
                          at=at, meter_id=row.meter_id, tenant_id=row.tenant_id, amount_fen=paid,
                          method=row.provider, operator_id=actor.id, operator_name=actor.name, shift_id=shift,
                          ref_operation_id=row.operation_id, reason=reason.strip(),
                          detail_json=dumps({"order_id": row.id, "transaction_id": row.transaction_id}))
                sell_in(s, self.ctx, actor, row.meter_id, paid, row.provider,
                        sale_id_for(row.provider, row.transaction_id or ""), remark=_remark(row))
                row.state, row.operation_id = "credited", sale_id_for(row.provider, row.transaction_id or "")
                clear_alarm(s, AlarmKind.PAYMENT, f"payment:{row.id}", at)
        return self._refund(order_id) if action == "refund" else self.view(order_id)

    @requires(Permission.APPROVE_REVERSAL)
    def retry_refund(self, actor: Actor, order_id: str) -> OrderView:
        """A refund owed (the provider could not be reached, or refused it): asked again now, under the same refund
        number (the provider pays it once whatever the number of asks). Logged."""
        with self.ctx.transaction() as s:
            row = _lock_order(s, order_id)
            if row.state != "refunding":
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Payment order {id} owes no refund."), id=order_id)
            audit.append(s, actor, "payment.retry_refund", f"meter:{row.meter_id}",
                         before={"refund_state": row.refund_state, "error": row.error},
                         after={"order_id": row.id, "transaction_id": row.transaction_id}, at=self.ctx.clock())
        return self._refund(order_id)

    # notifications ----------------------------------------------------------------------------------
    def notification(self, provider: str, headers: dict[str, str], body: bytes) -> NotifyReply:
        """A provider's notification on the callback URL: verified (signature, key serial or id, AES-GCM for
        WeChat, RSA2 for Alipay, timestamp within 5 minutes of the site clock), de-duplicated by notification
        id, then settled like a query's answer (idempotent by transaction id)."""
        if provider not in self.providers():
            return _reply(provider, 404, "not configured")
        client = self.client(provider)
        now = self.ctx.clock()
        try:
            note = client.verify_notification(headers, body, now)
        except NotificationRefused as refused:
            with self.ctx.transaction() as s:
                audit.append(s, Actor.system(), "payment.notify_refused", f"provider:{provider}",
                             after={"reason": refused.reason}, reason=str(refused), at=now)
            return _reply(provider, 401 if refused.reason in ("signature", "serial") else 400, str(refused))
        with self.ctx.read() as s:
            seen = s.execute(select(PaymentNotificationRow.id).where(
                PaymentNotificationRow.provider == provider,
                PaymentNotificationRow.notify_id == note.notify_id)).first() is not None
        if seen:
            outcome = "duplicate"
        elif note.kind != "payment" or note.trade.state != "paid":
            outcome = "ignored"
        else:
            order_id = order_id_of(note.trade.out_trade_no)
            exists = False
            if order_id is not None:
                with self.ctx.read() as s:
                    exists = s.get(PaymentOrderRow, order_id) is not None
            if not exists or order_id is None:
                outcome = "ignored"  # not one of ours: the statement reconciliation shows it
            else:
                try:
                    self.settle(order_id, note.trade, "notification")
                except ProviderError as err:
                    return _reply(provider, 500, str(err))
                outcome = "settled"
        with self.ctx.transaction() as s:
            if s.execute(select(PaymentNotificationRow.id).where(
                    PaymentNotificationRow.provider == provider,
                    PaymentNotificationRow.notify_id == note.notify_id)).first() is None:
                s.add(PaymentNotificationRow(provider=provider, notify_id=note.notify_id, received_at=now,
                                             sent_at=note.at, out_trade_no=note.trade.out_trade_no,
                                             transaction_id=note.trade.transaction_id or "", outcome=outcome))
        return _reply(provider, 200, "")


def _reply(provider: str, status: int, message: str) -> NotifyReply:
    """WeChat wants 200/204 with no body, or a JSON {code, message}; Alipay wants the text 'success'."""
    if provider == "alipay":
        return NotifyReply(200 if status == 200 else status, b"success" if status == 200 else b"fail",
                           "text/plain; charset=utf-8")
    if status == 200:
        return NotifyReply(204, b"", "application/json")
    import json

    return NotifyReply(status, json.dumps({"code": "FAIL", "message": message[:200]}).encode(), "application/json")


def _remark(row: PaymentOrderRow) -> str:
    words = {"wechat": "微信支付", "alipay": "支付宝"}
    return f"{words.get(row.provider, row.provider)} {row.transaction_id}"


def _audit_actor(name: str, cashier: Actor) -> Actor:
    return cashier if name == cashier.name else Actor(None, name, Role.TENANT)


def _not_configured(provider: str) -> UserError:
    return ConflictError(QT_TRANSLATE_NOOP("errors", "{provider} is not set up on this site (Settings → Online "
                                                     "payment)."), provider=PROVIDER_WORDS.get(provider, provider))


def portal_cashier() -> Actor:
    """The till whose shift takes the tenants' own online payments (closed by a supervisor like any other)."""
    return Actor(None, "online", Role.CASHIER)


def tenant_order_actor(account_no: str) -> str:
    return _tenant_actor_name(account_no)


__all__ = ["PaymentService", "OrderView", "order_view", "NotifyReply", "credit_refusal", "portal_cashier", "tenant_order_actor"]
