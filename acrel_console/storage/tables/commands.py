"""The meter command queue: credit deliveries (design §8) and remote control (§9), one table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, Uuid36, utcnow


class MeterCommandRow(Base):
    """A command for one meter. Created PENDING (in the same transaction as its sale for credit),
    executed by the site's single dispatcher, confirmed by read-back.

    kind: recharge (amount_fen may be negative for refund/reversal), trip, close, keep_power,
    restore_prepaid, price_download, settings_download, clock_sync.
    state: pending -> sending -> delivered | failed | conflict | cancelled.
    """

    __tablename__ = "meter_commands"
    __table_args__ = (Index("ix_meter_commands_state_meter", "state", "meter_id"),)

    id: Mapped[str] = mapped_column(Uuid36(), primary_key=True)  # made before anything is sent
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    priority: Mapped[int] = mapped_column(Integer, default=0)  # higher first; credit > control
    amount_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expected_purchase_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    operation_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True, index=True)  # ledger op
    payload_json: Mapped[str] = mapped_column(Text, default="{}")
    mac: Mapped[str] = mapped_column(String(16), default="")  # 3DES retail MAC, hex
    batch_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    result_json: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
