"""Account changes that settle on meters over several steps (销户, removing a meter, 换表): their resumable state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, Uuid36
from acrel_console.storage.tables import ledger  # noqa: F401 - the tables its foreign keys refer to


class AccountChangeRow(Base):
    """One 销户 / meter removal / 换表 from its request to its end. The money steps are ledger operations and
    meter commands that name this change (detail "change"); this row says where the change stands.

    kind: close | remove | replace. state: settling (waiting for meters) -> done, or stuck (a meter refused
    or a step failed: resumable by asking again, or with a supervisor-approved claim)."""

    __tablename__ = "account_changes"
    __table_args__ = (Index("ix_account_changes_account_state", "account_id", "state"),)

    id: Mapped[str] = mapped_column(Uuid36(), primary_key=True)  # made before anything is sent
    kind: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[int] = mapped_column(ForeignKey("tenant_accounts.id"))
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)  # removed / old meter
    new_meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)  # 换表: the new one
    settle: Mapped[str] = mapped_column(String(20), default="refund")  # refund | transfer
    method: Mapped[str | None] = mapped_column(String(20), nullable=True)
    transfer_to: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(20), default="settling")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(64))
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")  # why it is stuck (English; the alarm translates)
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
