"""Schema: migrations build exactly the ORM tables; init upgrades an existing database in place."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from acrel_console.storage import all_tables, migrate, reading_partitions  # noqa: F401 - registers every table
from acrel_console.storage.base import Base
from acrel_console.storage.engine import make_engine


def test_migrations_match_models(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        opts = {"compare_type": False,  # the monthly partitions of meter_reading_days (PostgreSQL) are not models
                "include_name": lambda name, _type, _parent: not reading_partitions.is_partition_name(name)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], "run scripts/regen_initial_migration.py"
    engine.dispose()


def test_upgrade_is_idempotent_and_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO buildings (name, floor, area, notes) VALUES ('A', '', '', '')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM buildings")).scalar() == 1
    assert "meter_commands" in inspect(engine).get_table_names()
    engine.dispose()


def test_sqlite_pragmas(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()
