"""raw readings packed a day per row: meter_readings (one row a reading, ~111 bytes each in SQLite) becomes
meter_reading_days (one row per meter and UTC day, ~15 bytes a reading), partitioned by month on
PostgreSQL (issue 15). Every stored reading is kept, to the millisecond; a second reading of a meter at the same
millisecond is the same reading and is kept once.

Revision ID: 0011_packed_readings
Revises: 0010_zones
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa
from alembic import op

from acrel_console.storage import reading_partitions
from acrel_console.storage.reading_codec import StoredReading, day_of, decode, encode, merge

revision = '0011_packed_readings'
down_revision = '0010_zones'
branch_labels = None
depends_on = None

OLD_COLUMNS = ("energy_total", "energy_p1", "energy_p2", "energy_p3", "energy_p4", "remaining_fen",
               "purchase_count", "power_w", "relay_closed", "forced")
BATCH = 2000


def _aware(at: datetime | str) -> datetime:
    if isinstance(at, str):  # SQLite hands text back through a plain query
        at = datetime.fromisoformat(at)
    at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def _flag(v: Any) -> bool | None:
    return None if v is None else bool(v)


def _old_rows(conn: sa.Connection) -> Iterator[tuple[int, StoredReading]]:
    rows = conn.execute(sa.text(f"SELECT meter_id, read_at, {', '.join(OLD_COLUMNS)} FROM meter_readings "
                                "ORDER BY meter_id, read_at, id")).yield_per(BATCH)
    for r in rows:
        ints = [None if v is None else int(v) for v in r[2:10]]
        yield int(r[0]), StoredReading.of(_aware(r[1]), ints, _flag(r[10]), _flag(r[11]))


def _days(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    key: tuple[int, date] | None = None
    day: list[StoredReading] = []
    for meter_id, reading in _old_rows(conn):
        k = (meter_id, day_of(reading.read_at))
        if k != key:
            if key is not None and day:
                yield {"m": key[0], "d": key[1], "n": len(day), "p": encode(key[1], day)}
            key, day = k, []
        day, _ = merge(day, [reading])
    if key is not None and day:
        yield {"m": key[0], "d": key[1], "n": len(day), "p": encode(key[1], day)}


def _unpacked(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    sqlite = conn.dialect.name == "sqlite"
    for meter_id, day, packed in conn.execute(sa.text(
            "SELECT meter_id, day, packed FROM meter_reading_days ORDER BY meter_id, day")).all():
        day = date.fromisoformat(day) if isinstance(day, str) else day
        for r in decode(day, bytes(packed)):
            at = r.read_at.replace(tzinfo=None) if sqlite else r.read_at
            yield {"meter_id": meter_id, "read_at": at, **{c: getattr(r, c) for c in OLD_COLUMNS}}


def _insert_all(conn: sa.Connection, sql: str, rows: Iterable[dict[str, Any]]) -> None:
    """Run the insert for every row, BATCH rows a statement."""
    insert, batch = sa.text(sql), []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(insert, batch)
            batch = []
    if batch:
        conn.execute(insert, batch)


def upgrade() -> None:
    op.create_table('meter_reading_days',
                    sa.Column('meter_id', sa.Integer(), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('readings', sa.Integer(), nullable=False),
                    sa.Column('packed', sa.LargeBinary(), nullable=False),
                    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'],
                                            name=op.f('fk_meter_reading_days_meter_id_meters')),
                    sa.PrimaryKeyConstraint('meter_id', 'day', name=op.f('pk_meter_reading_days')))
    conn = op.get_bind()
    _insert_all(conn, "INSERT INTO meter_reading_days (meter_id, day, readings, packed) VALUES (:m, :d, :n, :p)",
                _days(conn))
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP TABLE meter_readings CASCADE")  # its monthly partitions and id sequence too
    else:
        op.drop_index('ix_meter_readings_meter_at', 'meter_readings')
        op.drop_table('meter_readings')
    # partitions up to two months from now (UTC); the nightly prune keeps creating the coming months
    reading_partitions.partition_table(conn, datetime.now(timezone.utc).date())


def downgrade() -> None:
    op.create_table('meter_readings',
                    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
                    sa.Column('meter_id', sa.Integer(), nullable=False),
                    sa.Column('read_at', sa.DateTime(timezone=True), nullable=False),
                    *(sa.Column(c, sa.BigInteger(), nullable=True) for c in OLD_COLUMNS[:6]),
                    sa.Column('purchase_count', sa.Integer(), nullable=True),
                    sa.Column('power_w', sa.Integer(), nullable=True),
                    sa.Column('relay_closed', sa.Boolean(), nullable=True),
                    sa.Column('forced', sa.Boolean(), nullable=True),
                    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_meter_readings_meter_id_meters')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_readings')))
    op.create_index('ix_meter_readings_meter_at', 'meter_readings', ['meter_id', 'read_at'])
    conn = op.get_bind()
    _insert_all(conn, f"INSERT INTO meter_readings (meter_id, read_at, {', '.join(OLD_COLUMNS)}) VALUES "
                      f"(:meter_id, :read_at, {', '.join(':' + c for c in OLD_COLUMNS)})", _unpacked(conn))
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP TABLE meter_reading_days CASCADE")
    else:
        op.drop_table('meter_reading_days')
