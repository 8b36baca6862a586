"""Online payment tables (issue 17): orders with WeChat Pay / Alipay, the notifications received (for
de-duplication and the record), and the reconciliations of the providers' daily statements.

An order row carries a lifecycle (open -> paid | held -> refunded | expired | ...); the money itself is only
ever in the ledger's append-only operations, which the order names."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, Uuid36
from acrel_console.storage.tables import ledger  # noqa: F401 - the tables its foreign keys refer to


class PaymentOrderRow(Base):
    """One order with a provider. `id` is made before the provider is asked (its hex is the out_trade_no);
    (provider, transaction_id) is unique: a provider transaction settles one order, once."""

    __tablename__ = "payment_orders"
    __table_args__ = (UniqueConstraint("provider", "transaction_id", name="uq_payment_orders_transaction"),
                      Index("ix_payment_orders_state_next", "state", "next_query_at"))

    id: Mapped[str] = mapped_column(Uuid36(), primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))  # wechat | alipay
    channel: Mapped[str] = mapped_column(String(20))  # native | jsapi | h5 | precreate | wap
    source: Mapped[str] = mapped_column(String(20))  # counter | portal | kiosk
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), index=True)
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id"), nullable=True, index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(64))  # the cashier, or tenant:<用户编号>
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    cashier_name: Mapped[str] = mapped_column(String(64))  # whose shift drawer takes the money
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    qr_payload: Mapped[str] = mapped_column(Text, default="")
    redirect_url: Mapped[str] = mapped_column(Text, default="")
    transaction_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    paid_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    operation_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True, index=True)  # the sale (or the held payment)
    refund_operation_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True)
    refund_state: Mapped[str] = mapped_column(String(20), default="")  # '' | requested | processing | done | failed
    hold_reason: Mapped[str] = mapped_column(String(30), default="")  # "" | amount | no_credit (why it is held)
    queries: Mapped[int] = mapped_column(Integer, default=0)
    last_query_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    next_query_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    confirmed_by: Mapped[str] = mapped_column(String(20), default="")  # query | notification
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    resolution: Mapped[str] = mapped_column(Text, default="")


class PaymentNotificationRow(Base):
    """A notification received on the callback URL: accepted, duplicate or refused (with why). Unique by the
    provider's notification id, so a repeated one is recognised."""

    __tablename__ = "payment_notifications"
    __table_args__ = (UniqueConstraint("provider", "notify_id", name="uq_payment_notifications_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    notify_id: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    out_trade_no: Mapped[str] = mapped_column(String(64), default="")
    transaction_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(20))  # settled | duplicate | ignored
    detail: Mapped[str] = mapped_column(Text, default="")


class PaymentStatementRow(Base):
    """One reconciliation of a provider's daily statement against the ledger (counts per result)."""

    __tablename__ = "payment_statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(20))  # download | file
    run_at: Mapped[datetime] = mapped_column(UtcDateTime)
    run_by: Mapped[str] = mapped_column(String(64))
    matched: Mapped[int] = mapped_column(Integer, default=0)
    missing_ours: Mapped[int] = mapped_column(Integer, default=0)
    missing_theirs: Mapped[int] = mapped_column(Integer, default=0)
    amount: Mapped[int] = mapped_column(Integer, default=0)
    detail_json: Mapped[str] = mapped_column(Text, default="")
