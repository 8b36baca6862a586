"""Alembic environment: runs migrations on the connection handed over by storage.migrate."""

from __future__ import annotations

from alembic import context

from acrel_console.storage import reading_partitions
from acrel_console.storage import all_tables  # noqa: F401 - registers every table
from acrel_console.storage.base import Base

config = context.config
target_metadata = Base.metadata

connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only programmatic use is supported
    raise RuntimeError("run migrations through acrel_console.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,  # SQLite ALTER TABLE support
    compare_type=True,
    include_name=lambda name, _type, _parent: not reading_partitions.is_partition_name(name),  # PostgreSQL months
)
with context.begin_transaction():
    context.run_migrations()
