"""PostgreSQL: meter_reading_days partitioned by calendar month (UTC) — a month of raw readings is one table,
so pruning past the retention period drops whole months instead of deleting millions of rows.

`partition_table(conn)` turns the plain table into the partitioned one (schema upgrade);
`ensure_months(conn, first, last)` creates the monthly partitions that are missing (the nightly prune
creates the coming months ahead, so the DEFAULT partition stays empty); `drop_month(conn, month)` drops
one month (services/readings_retention.py decides which). SQLite keeps one plain table (functions here do nothing).
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.engine import Connection

TABLE = "meter_reading_days"
_NAME = re.compile(r"^meter_reading_days_y(\d{4})m(\d{2})$")
_COLUMNS = "meter_id INTEGER NOT NULL, day DATE NOT NULL, readings INTEGER NOT NULL, packed BYTEA NOT NULL"


def is_partition_name(name: str | None) -> bool:
    """True for the name of a monthly or default partition, or of an index on one (schema comparison skips
    them: the models describe the parent table)."""
    return bool(name) and str(name).startswith(f"{TABLE}_") and (
        str(name).startswith(f"{TABLE}_default") or _NAME.match(str(name)[:len(TABLE) + 9]) is not None)


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _name(month: date) -> str:
    return f"{TABLE}_y{month.year:04d}m{month.month:02d}"


def partitioned(conn: Connection) -> bool:
    """True when meter_readings is a partitioned table here."""
    if not is_postgres(conn):
        return False
    kind = conn.exec_driver_sql(
        "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass(%(t)s)", {"t": TABLE}).scalar()
    return kind == "p"


def months(conn: Connection) -> list[date]:
    """The months that have a partition, oldest first."""
    rows = conn.exec_driver_sql(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass(%(t)s)", {"t": TABLE}).scalars()
    out = []
    for name in rows:
        m = _NAME.match(str(name))
        if m:
            out.append(date(int(m.group(1)), int(m.group(2)), 1))
    return sorted(out)


def ensure_months(conn: Connection, first: date, last: date) -> list[date]:
    """Create the monthly partitions from `first`'s month to `last`'s that do not exist; returns them."""
    if not partitioned(conn):
        return []
    have = set(months(conn))
    made = []
    month = month_start(first)
    while month <= last:
        if month not in have:
            # a month whose rows already sit in the DEFAULT partition cannot get its own (left there)
            crowded = conn.exec_driver_sql(
                f"SELECT 1 FROM {TABLE}_default WHERE day >= %(a)s::date AND day < %(b)s::date LIMIT 1",
                {"a": month.isoformat(), "b": next_month(month).isoformat()}).first()
            if crowded is None:
                conn.exec_driver_sql(
                    f"CREATE TABLE {_name(month)} PARTITION OF {TABLE} "
                    f"FOR VALUES FROM ('{month.isoformat()}') TO ('{next_month(month).isoformat()}')")
                made.append(month)
        month = next_month(month)
    return made


def drop_month(conn: Connection, month: date) -> None:
    """Drop one monthly partition and its rows."""
    conn.exec_driver_sql(f"DROP TABLE {_name(month)}")


def partition_table(conn: Connection, today: date) -> None:
    """Replace the plain meter_reading_days table by one partitioned by month, keeping every row, the primary
    key and the meter foreign key (PostgreSQL only)."""
    if not is_postgres(conn) or partitioned(conn):
        return
    conn.exec_driver_sql(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_plain")
    conn.exec_driver_sql(f"ALTER TABLE {TABLE}_plain RENAME CONSTRAINT pk_{TABLE} TO pk_{TABLE}_plain")
    conn.exec_driver_sql(f"ALTER TABLE {TABLE}_plain RENAME CONSTRAINT fk_{TABLE}_meter_id_meters "
                         f"TO fk_{TABLE}_plain_meter_id_meters")
    conn.exec_driver_sql(
        f"CREATE TABLE {TABLE} ({_COLUMNS}, CONSTRAINT pk_{TABLE} PRIMARY KEY (meter_id, day), "
        f"CONSTRAINT fk_{TABLE}_meter_id_meters FOREIGN KEY (meter_id) REFERENCES meters (id)) "
        "PARTITION BY RANGE (day)")
    conn.exec_driver_sql(f"CREATE TABLE {TABLE}_default PARTITION OF {TABLE} DEFAULT")
    oldest = conn.exec_driver_sql(f"SELECT min(day) FROM {TABLE}_plain").scalar()
    ensure_months(conn, oldest if oldest is not None else today, next_month(next_month(today)))
    conn.exec_driver_sql(f"INSERT INTO {TABLE} SELECT meter_id, day, readings, packed FROM {TABLE}_plain")
    conn.exec_driver_sql(f"DROP TABLE {TABLE}_plain")
