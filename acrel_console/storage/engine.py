"""Engine and session factory: the embedded SQLite default (WAL, FULL, foreign keys) or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "acrel-console"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def data_dir() -> Path:
    """The user data directory where the embedded database and backups live."""
    override = os.environ.get("ACREL_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """`--db` default: env ACREL_DB, else the SQLite file in the user data directory."""
    env = os.environ.get("ACREL_DB")
    if env:
        return env
    return f"sqlite:///{data_dir() / 'acrel-console.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept a bare file path as SQLite and plain postgresql:// as psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Pragmas per connection: WAL for concurrent readers, FULL so a committed sale survives power loss.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.close()


READ_ONLY = "acrel_read_only"  # execution option of read-only sessions (ServiceContext.read)


def _sqlite_begin_immediate(conn: Any) -> None:
    # Writers take the lock at BEGIN so two sales on one meter serialise instead of deadlocking. A read-only
    # session begins DEFERRED instead: under WAL it reads a consistent snapshot and never holds the write lock,
    # so pages, reports and the tenant portal reading do not queue the cashier's sale behind them.
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return  # a lone read outside any transaction (the site clock reads its zone this way)
    conn.exec_driver_sql("BEGIN" if options.get(READ_ONLY) else "BEGIN IMMEDIATE")


def _owner_only(path: Path) -> Any:
    # The database file is owner-only (0600) from its first connection on; SQLite gives its -wal and -shm
    # files the database's mode. Not created here: a missing file must stay missing until a connection.
    def on_connect(_dbapi_conn: Any, _record: Any) -> None:
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
        except OSError:
            pass

    return on_connect


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine for a URL with the pragmas and pool settings this project relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        if path and path != ":memory:":
            event.listen(engine, "connect", _owner_only(Path(path)))
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    # connect_timeout: an unreachable host fails in seconds, not when the operating system gives up.
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                         connect_args={"connect_timeout": 10})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (results are copied into domain values anyway)."""
    return sessionmaker(engine, expire_on_commit=False)


def describe_url(url: str) -> str:
    """The database for the status bar, without a password."""
    from sqlalchemy.engine import make_url

    u = make_url(normalise_url(url))
    if u.get_backend_name() == "sqlite":
        return f"SQLite {u.database}"
    return f"PostgreSQL {u.host}:{u.port or 5432}/{u.database}"
