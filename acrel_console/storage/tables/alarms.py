"""Alarms: raised, cleared and acknowledged, one active row per kind and target."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime


class AlarmRow(Base):
    __tablename__ = "alarms"
    __table_args__ = (Index("ix_alarms_active_kind_target", "active", "kind", "target"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(80))  # "meter:12", "gateway:3", "command:<uuid>", "site"
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True, index=True)
    gateway_id: Mapped[int | None] = mapped_column(ForeignKey("gateways.id"), nullable=True)
    severity: Mapped[str] = mapped_column(String(10), default="warning")  # info | warning | critical
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    cleared_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(64), default="")
    ack_comment: Mapped[str] = mapped_column(Text, default="")
    message_template: Mapped[str] = mapped_column(Text)  # English, QT_TRANSLATE_NOOP("alarms", ...)
    params_json: Mapped[str] = mapped_column(Text, default="{}")
    message: Mapped[str] = mapped_column(Text, default="")  # the English text as raised (for exports/logs)
