"""SMS to tenants: editable templates per level and the log of every message (queued, sent, failed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime


class SmsTemplateRow(Base):
    """An operator-edited template; a level without a row uses the built-in zh_CN default."""

    __tablename__ = "sms_templates"

    level: Mapped[str] = mapped_column(String(20), primary_key=True)  # alarm1 | alarm2 | arrears | after_sale
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))


class SmsMessageRow(Base):
    """One text to one phone and what became of it. `dedupe_key` (unique, NULL for manual/test texts)
    makes 'at most one per meter per level per site-local day' hold even under races."""

    __tablename__ = "sms_messages"
    __table_args__ = (Index("ix_sms_messages_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True, index=True)
    level: Mapped[str] = mapped_column(String(20))  # alarm1 | alarm2 | arrears | after_sale | manual | test
    phone: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))  # queued | sending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    driver: Mapped[str] = mapped_column(String(20), default="")
    refs: Mapped[str] = mapped_column(String(200), default="")  # message references, comma separated
    error_reason: Mapped[str] = mapped_column(String(20), default="")  # timeout | rejected | unavailable | ...
    error_detail: Mapped[str] = mapped_column(Text, default="")
    requested_by: Mapped[str] = mapped_column(String(64), default="system")
