"""Suite-wide fixtures: offscreen Qt, a fresh database per test on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (STACK.md item 3)
os.environ.setdefault("ACREL_LANG", "en")

import pytest  # noqa: E402

PG_ENV = "ACREL_TEST_PG_URL"
PG_SKIP_REASON = (
    f"PostgreSQL tests need a server: set {PG_ENV}=postgresql+psycopg://user:pw@127.0.0.1:5432/db "
    "(.ci/run starts one)"
)


def _pg_base_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data directory or an ACREL_DB from the environment."""
    monkeypatch.setenv("ACREL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ACREL_DB", raising=False)


def _sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite file."""
    return _sqlite_url(tmp_path)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema (skips with a visible reason without a server)."""
    base = _pg_base_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    yield from _pg_schema(base)


def _pg_schema(base: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database on each backend: the storage/service tests run on both."""
    if request.param == "sqlite":
        yield _sqlite_url(tmp_path)
        return
    base = _pg_base_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    yield from _pg_schema(base)


# Date-sensitive test files (besides tests marked `site_clock` themselves): `.ci/run` runs them a second
# time with the process in America/Los_Angeles and the clock faked to an evening hour (scripts/test_far_zone.sh),
# where the machine's date differs from the site's. Add a file here when its tests read dates or times.
SITE_CLOCK_FILES = frozenset({
    "tests/test_one_clock.py", "tests/ui/test_site_clock_evening.py", "tests/ui/test_records_page.py",
    "tests/services/test_reports_sales.py", "tests/services/test_reports_energy_status.py",
    "tests/services/test_sms_service.py", "tests/services/test_sms_policy.py", "tests/services/test_tariffs.py",
    "tests/ui/test_alarms_page.py", "tests/ui/test_reports_page.py", "tests/ui/test_dashboard_page.py",
    "tests/ui/test_operators_page.py", "tests/services/test_vending_records.py", "tests/services/test_operators.py",
    "tests/ui/test_shell.py",
})


# Tests that time the wire (9600-baud pacing, pty and serial lines, echo, gateways hanging up), a real X display
# or separate processes (serve, kill -9, the demo, the bundle): scripts/test.sh runs them on their own after the
# rest ran on every core (pytest-xdist), so a neighbour's load never bends their clocks. Marked `serial`.
SERIAL_PATHS = ("tests/drivers/", "tests/integration/", "tests/walkthrough/", "tests/sim/test_serve_kill9.py",
                "tests/services/test_real_buses.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        path = Path(str(item.path)).relative_to(root).as_posix()
        if path in SITE_CLOCK_FILES:
            item.add_marker(pytest.mark.site_clock)
        if path.startswith(SERIAL_PATHS):
            item.add_marker(pytest.mark.serial)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a test replaced the null device by a file (an export to os.devnull once renamed its workbook
    onto /dev/null: every later redirect to it filled a file, and the portal's browser would not start)."""
    if not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        print(f"\nconftest: {os.devnull} is no longer the null device: a test replaced it "
              "(restore: rm /dev/null && mknod -m 666 /dev/null c 1 3)")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
