"""What every payment provider client offers the payment service, and the values it returns. Amounts are
integer fen; times are aware UTC datetimes; nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class ProviderError(Exception):
    """The provider could not be reached or answered with an error (the message says which, in English).
    `retry` is True when asking again later may succeed (network, timeout, a 5xx)."""

    def __init__(self, message: str, *, retry: bool = True, code: str = "") -> None:
        super().__init__(message)
        self.retry = retry
        self.code = code


class NotificationRefused(Exception):
    """A notification that must not be believed: bad signature, unknown key, stale timestamp, undecryptable
    resource. `reason` is a stable code (signature, serial, stale, decrypt, format)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Checkout:
    """How the payer pays a new order: a QR payload to show (Native / precreate), a page to open (H5, wap)
    or the parameters for WeChat's JSAPI bridge (inside WeChat)."""

    qr_payload: str | None = None
    redirect_url: str | None = None
    jsapi_params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Trade:
    """A provider's answer about one order (query or notification). state: paid | waiting | closed |
    refunded | unknown (not yet known to the provider, e.g. an Alipay QR nobody scanned)."""

    out_trade_no: str
    state: str
    transaction_id: str | None = None
    amount_fen: int | None = None  # what the payer paid
    paid_at: datetime | None = None
    raw_state: str = ""


@dataclass(frozen=True, slots=True)
class Notification:
    """A verified notification: its id (for de-duplication), its own timestamp and the trade it reports."""

    notify_id: str
    at: datetime
    trade: Trade
    kind: str = "payment"  # payment | refund | other


@dataclass(frozen=True, slots=True)
class RefundResult:
    """state: done | processing | failed."""

    out_refund_no: str
    state: str
    refund_id: str | None = None


class PaymentClient(Protocol):
    """One provider (merchant account). Every call blocks on HTTP with a timeout: never on the GUI thread."""

    provider: str

    def create(self, out_trade_no: str, amount_fen: int, description: str, channel: str, *, expires_at: datetime,
               client_ip: str = "", openid: str = "", return_url: str = "") -> Checkout: ...

    def query(self, out_trade_no: str) -> Trade: ...

    def close(self, out_trade_no: str) -> None: ...

    def refund(self, out_trade_no: str, transaction_id: str, out_refund_no: str, refund_fen: int,
               total_fen: int, reason: str) -> RefundResult: ...

    def query_refund(self, out_trade_no: str, out_refund_no: str) -> RefundResult: ...

    def statement(self, day: str) -> bytes: ...

    def verify_notification(self, headers: dict[str, str], body: bytes, now: datetime) -> Notification: ...

    def test_connection(self) -> str: ...
