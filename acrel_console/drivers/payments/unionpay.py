"""UnionPay (银联): the provider seam only. No maintained Python library for UnionPay's online payment API
exists (see docs/payments.md), and hand-written signing is what this project refuses for money; a site that
needs UnionPay takes card-terminal payments at the counter (付款方式 刷卡机缴费) until one does."""

from __future__ import annotations

from datetime import datetime

from acrel_console.drivers.payments.api import Checkout, Notification, NotificationRefused, ProviderError, RefundResult, Trade

UNAVAILABLE = "UnionPay online payment is not available: no maintained library exists (docs/payments.md)"


class UnionPayClient:
    """Satisfies PaymentClient; every call says UnionPay is not available (never retried)."""

    provider = "unionpay"

    def create(self, out_trade_no: str, amount_fen: int, description: str, channel: str, *, expires_at: datetime,
               client_ip: str = "", openid: str = "", return_url: str = "") -> Checkout:
        raise ProviderError(UNAVAILABLE, retry=False)

    def query(self, out_trade_no: str) -> Trade:
        raise ProviderError(UNAVAILABLE, retry=False)

    def close(self, out_trade_no: str) -> None:
        raise ProviderError(UNAVAILABLE, retry=False)

    def refund(self, out_trade_no: str, transaction_id: str, out_refund_no: str, refund_fen: int,
               total_fen: int, reason: str) -> RefundResult:
        raise ProviderError(UNAVAILABLE, retry=False)

    def query_refund(self, out_trade_no: str, out_refund_no: str) -> RefundResult:
        raise ProviderError(UNAVAILABLE, retry=False)

    def statement(self, day: str) -> bytes:
        raise ProviderError(UNAVAILABLE, retry=False)

    def verify_notification(self, headers: dict[str, str], body: bytes, now: datetime) -> Notification:
        raise NotificationRefused("format", UNAVAILABLE)

    def test_connection(self) -> str:
        raise ProviderError(UNAVAILABLE, retry=False)
