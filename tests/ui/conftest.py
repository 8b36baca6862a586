"""UI fixtures: per-test workstation preferences, services over a fresh SQLite file, a signed-in context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from acrel_console.app import Services, build_services
from acrel_console.services.base import Actor

ADMIN_PASSWORD = "secret-admin"


@pytest.fixture(autouse=True)
def _workstation_prefs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings preferences go to the test's own directory, never the user's."""
    monkeypatch.setenv("ACREL_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def services(sqlite_url: str) -> Iterator[Services]:
    svc = build_services(sqlite_url)
    yield svc
    svc.close()


@pytest.fixture
def admin(services: Services) -> Actor:
    return services.operators.create_first_admin("admin", ADMIN_PASSWORD)


@pytest.fixture
def make_ui(services: Services, qtbot):  # type: ignore[no-untyped-def]
    """Build a UiContext for an actor (default: the first administrator)."""
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    runners: list[TaskRunner] = []

    def make(actor: Actor) -> UiContext:
        runner = TaskRunner()
        runners.append(runner)
        return UiContext(services, actor, runner, Prefs())

    yield make
    for runner in runners:
        runner.wait_idle(10_000)


@pytest.fixture
def ui(make_ui, admin: Actor):  # type: ignore[no-untyped-def]
    return make_ui(admin)


def settle(ui) -> None:  # type: ignore[no-untyped-def]
    """Wait until every background call (and those its callbacks started) has been delivered."""
    assert ui.tasks.wait_idle(20_000), "background tasks did not finish"


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a line edit's text by typing (QTest types ASCII only; other text is inserted)."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)
