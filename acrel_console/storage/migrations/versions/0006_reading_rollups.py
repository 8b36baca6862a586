"""readings at scale: hourly roll-ups in each day row (h00..h23, filled for the readings already stored), an
index on the day, meter_readings partitioned by month on PostgreSQL (issue 15)

Revision ID: 0006_rollups
Revises: 0005_live
"""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from alembic import op

from acrel_console.domain.energy_rollup import COUNTERS, roll_up

revision = '0006_rollups'
down_revision = '0005_live'
branch_labels = None
depends_on = None

HOURS = [f"h{h:02d}" for h in range(24)]


def _zone(conn: sa.Connection) -> ZoneInfo:
    value = conn.execute(sa.text("SELECT value FROM site_settings WHERE key = 'timezone'")).scalar()
    try:
        return ZoneInfo(str(value or "Asia/Shanghai").strip().strip('"'))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def _aware(at: datetime | str) -> datetime:
    if isinstance(at, str):  # SQLite hands text back through a plain table
        at = datetime.fromisoformat(at)
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at


def _fill_hours(conn: sa.Connection) -> None:
    """The hours of every stored day, from the raw readings (the same rule the poller now applies)."""
    zone = _zone(conn)
    cols = ", ".join(COUNTERS)
    rows = conn.execute(sa.text(f"SELECT meter_id, read_at, {cols}, remaining_fen FROM meter_readings "
                                "ORDER BY meter_id, read_at, id"))
    readings = ((int(r[0]), _aware(r[1]), tuple(r[2:7]), r[7]) for r in rows)
    update = sa.text("UPDATE meter_daily_energy SET " + ", ".join(f"{h} = :{h}" for h in HOURS)
                     + " WHERE meter_id = :m AND day = :d")
    batch = []
    for totals in roll_up(readings, zone):
        batch.append({"m": totals.meter_id, "d": totals.day, **dict(zip(HOURS, totals.hours))})
        if len(batch) >= 5000:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)


def upgrade() -> None:
    # Plain ADD COLUMN with a default (see 0002): instant on both backends.
    for h in HOURS:
        op.add_column('meter_daily_energy', sa.Column(h, sa.BigInteger(), nullable=False, server_default='0'))
    op.create_index('ix_meter_daily_energy_day', 'meter_daily_energy', ['day'])
    conn = op.get_bind()
    _fill_hours(conn)
    # Raw readings were partitioned by month here on PostgreSQL; 0011 replaces the table by packed day rows,
    # partitioned there (storage/reading_partitions.py), and every upgrade continues to the head.


def downgrade() -> None:
    op.drop_index('ix_meter_daily_energy_day', 'meter_daily_energy')
    for h in reversed(HOURS):
        op.drop_column('meter_daily_energy', h)

