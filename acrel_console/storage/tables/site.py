"""Site configuration tables: buildings, gateways (buses), meters and site settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, utcnow


class BuildingRow(Base):
    __tablename__ = "buildings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    floor: Mapped[str] = mapped_column(String(50), default="")
    area: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class GatewayRow(Base):
    """One bus: a serial port, or a TCP gateway port (Modbus-TCP or RTU-over-TCP)."""

    __tablename__ = "gateways"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # serial | modbus-tcp | rtu-over-tcp
    host: Mapped[str | None] = mapped_column(String(255), nullable=True)
    port: Mapped[int | None] = mapped_column(Integer, nullable=True)
    serial_port: Mapped[str | None] = mapped_column(String(255), nullable=True)
    baud: Mapped[int] = mapped_column(Integer, default=9600)
    parity: Mapped[str] = mapped_column(String(1), default="N")
    stopbits: Mapped[int] = mapped_column(Integer, default=1)
    timeout_ms: Mapped[int] = mapped_column(Integer, default=500)
    retries: Mapped[int] = mapped_column(Integer, default=1)
    inter_frame_delay_ms: Mapped[int] = mapped_column(Integer, default=0)
    local_echo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # line hears itself
    # An estate (issue 15): the zone whose `serve --zone` process polls this gateway; "" = the site's own serve
    zone: Mapped[str] = mapped_column(String(28), default="", server_default="")
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeterRow(Base):
    __tablename__ = "meters"
    __table_args__ = (UniqueConstraint("gateway_id", "address", name="uq_meters_gateway_address"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gateway_id: Mapped[int] = mapped_column(ForeignKey("gateways.id"))
    address: Mapped[int] = mapped_column(Integer)  # RS485 address / unit id 1..247
    model: Mapped[str] = mapped_column(String(40))  # profile name, e.g. DDSY1352
    room: Mapped[str] = mapped_column(String(100), default="")  # 商铺号 / room / label
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), nullable=True)
    ct_ratio: Mapped[int] = mapped_column(Integer, default=1)
    circuit: Mapped[int | None] = mapped_column(Integer, nullable=True)  # ADF400L circuit number
    meter_no: Mapped[str] = mapped_column(String(40), default="")  # 仪表编号 / printed number
    # Per-meter overrides of site defaults (None = use the site default).
    alarm1_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    alarm2_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    overload_power_w: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_credit_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    parent_meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)  # 损耗 main/sub
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    notes: Mapped[str] = mapped_column(Text, default="")


class SiteSettingRow(Base):
    """Key/value site settings; keys and types are declared once in services.site_settings."""

    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
