"""History readings, their daily aggregates, and the site's dispatcher lease (what the poller writes
besides meter_state)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime


class ReadingDayRow(Base):
    """The raw history readings (集抄) of one meter on one UTC day, packed (storage/reading_codec.py): one row
    per meter and day instead of one per reading, about 15 bytes a reading. Read and written only through
    storage/reading_days.py."""

    __tablename__ = "meter_reading_days"

    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # UTC day of the readings
    readings: Mapped[int] = mapped_column(Integer, default=0)  # how many are packed in `packed`
    packed: Mapped[bytes] = mapped_column(LargeBinary)


HOURS = tuple(f"h{h:02d}" for h in range(24))  # the hourly roll-up columns of a day row


class DailyEnergyRow(Base):
    """Energy used by one meter on one site-local day, by tariff period and by hour (the roll-ups every
    energy report and the dashboard read; raw readings are pruned after the retention period).

    Each history reading adds (reading - previous reading) to the day and to the site-local hour of the
    new reading (h00..h23; in a 25-hour day the repeated hour adds to the same column), so no energy falls
    between days or hours and the 24 hours sum to `energy_total`. A counter that went backwards (meter
    replaced or cleared) adds 0 and counts in `resets`.
    """

    __tablename__ = "meter_daily_energy"
    # A day, month or year of every meter; covering what the energy reports read (a year sums 730,000 rows at
    # 2,000 meters from the index alone: 10x faster than fetching each row, migration 0012).
    __table_args__ = (Index("ix_meter_daily_energy_day_total", "day", "meter_id", "energy_total"),)

    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # site-local day
    energy_total: Mapped[int] = mapped_column(BigInteger, default=0)  # 0.01 kWh used that day
    energy_p1: Mapped[int] = mapped_column(BigInteger, default=0)
    energy_p2: Mapped[int] = mapped_column(BigInteger, default=0)
    energy_p3: Mapped[int] = mapped_column(BigInteger, default=0)
    energy_p4: Mapped[int] = mapped_column(BigInteger, default=0)
    end_total: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # counter at the last reading
    end_remaining_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    readings: Mapped[int] = mapped_column(Integer, default=0)
    resets: Mapped[int] = mapped_column(Integer, default=0)
    last_read_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    h00: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h01: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h02: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h03: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h04: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h05: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h06: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h07: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h08: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h09: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h10: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h11: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h12: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h13: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h14: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h15: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h16: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h17: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h18: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h19: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h20: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h21: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h22: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    h23: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class SiteLeaseRow(Base):
    """Who runs the site's single poller/dispatcher (design §2): a lease renewed by heartbeat."""

    __tablename__ = "site_lease"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)  # "dispatcher"
    holder: Mapped[str] = mapped_column(String(120))  # unique per process: host:pid:uuid
    host: Mapped[str] = mapped_column(String(100), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    acquired_at: Mapped[datetime] = mapped_column(UtcDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
