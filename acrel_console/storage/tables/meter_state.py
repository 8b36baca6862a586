"""The latest known state of each meter (from polls), per-bus health, and the log of who-holds-which-meter
changes that keeps the live views' tenant map current."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime


class MeterStateRow(Base):
    """One row per meter, updated by the poller. Back-off lives here so it survives a restart."""

    __tablename__ = "meter_state"

    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), primary_key=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    backoff_level: Mapped[int] = mapped_column(Integer, default=0)  # skip 2**level - 1 sweeps
    sweeps_skipped: Mapped[int] = mapped_column(Integer, default=0)
    offline: Mapped[bool] = mapped_column(Boolean, default=True)
    offline_since: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    remaining_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy_total: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0.01 kWh
    purchase_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    relay_closed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    forced: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # 强制模式
    keep_power: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    forced_open: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # forced trip (None: not forced)
    over_limit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # 越限 bit
    power_w: Mapped[int | None] = mapped_column(Integer, nullable=True)  # total active power, last whole read
    status_bits: Mapped[int | None] = mapped_column(Integer, nullable=True)
    meter_clock_drift_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    values_json: Mapped[str] = mapped_column(Text, default="{}")  # every decoded live value


class BusHealthRow(Base):
    __tablename__ = "bus_health"

    gateway_id: Mapped[int] = mapped_column(ForeignKey("gateways.id"), primary_key=True)
    last_sweep_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_sweep_s: Mapped[str | None] = mapped_column(String(20), nullable=True)  # decimal seconds
    requests: Mapped[int] = mapped_column(Integer, default=0)
    timeouts: Mapped[int] = mapped_column(Integer, default=0)
    crc_errors: Mapped[int] = mapped_column(Integer, default=0)
    frame_errors: Mapped[int] = mapped_column(Integer, default=0)
    exceptions: Mapped[int] = mapped_column(Integer, default=0)
    reconnects: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # gateway closed, reopened
    meters_online: Mapped[int] = mapped_column(Integer, default=0)
    meters_total: Mapped[int] = mapped_column(Integer, default=0)
    connected: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str] = mapped_column(Text, default="")


class MeterHolderChangeRow(Base):
    """One change of who holds a meter (account opened or closed, meter added or removed, tenant edited).

    Written by database triggers (storage/holder_triggers.py), so the change of any writer, on any
    workstation, is seen; the live views re-read only the meters named here since they last looked."""

    __tablename__ = "meter_holder_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meter_id: Mapped[int] = mapped_column(Integer)
