"""No service call runs on the GUI thread: every page part reaches services through the task runner."""

from __future__ import annotations

import threading
from typing import Any

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.operators_page import OperatorsPage
from acrel_console.ui.pages.settings_page import SettingsPage
from acrel_console.ui.prefs import Prefs
from acrel_console.ui.tasks import TaskRunner
from tests.ui.conftest import settle, type_text

GUI_THREAD = threading.get_ident()


class Spy:
    """Wraps a service (or the Services bundle) and records the thread of every method call."""

    def __init__(self, target: Any, calls: list[tuple[str, int]], prefix: str = "") -> None:
        self._target, self._calls, self._prefix = target, calls, prefix

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        path = f"{self._prefix}{name}"
        if callable(value):
            def call(*args: Any, **kwargs: Any) -> Any:
                self._calls.append((path, threading.get_ident()))
                return value(*args, **kwargs)
            return call
        if isinstance(value, (str, int, float, bytes, type(None))):
            return value
        return Spy(value, self._calls, path + ".")


def test_settings_and_operator_pages_never_call_services_on_the_gui_thread(qtbot, services, admin) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, int]] = []
    ui = UiContext(Spy(services, calls), admin, TaskRunner(), Prefs())  # type: ignore[arg-type]
    settings = SettingsPage(ui)
    operators = OperatorsPage(ui)
    for page in (settings, operators):
        qtbot.addWidget(page)
        page.show()
        page.activated()
    settle(ui)
    settings.buildings.add()
    type_text(qtbot, settings.buildings.dialog.name, "B1")
    settings.buildings.dialog.ok_button.click()
    settle(ui)
    settings.gateways.add()
    dialog = settings.gateways.dialog
    type_text(qtbot, dialog.name, "GW")
    type_text(qtbot, dialog.host, "127.0.0.1")
    dialog.ok_button.click()
    settle(ui)
    settings.meters.add()
    dialog = settings.meters.dialog
    type_text(qtbot, dialog.address, "3")
    type_text(qtbot, dialog.room, "R1")
    dialog.ok_button.click()
    settle(ui)
    type_text(qtbot, settings.defaults.editors["alarm1_fen"], "60")
    settings.defaults.save()
    operators.log.verify()
    operators.operators.refresh()
    settle(ui)
    names = {name for name, _ in calls}
    assert {"site.add_building", "site.add_gateway", "site.add_meter", "settings.update", "audit.verify",
            "operators.list", "audit.list"} <= names
    # The site clock is not a service call: after UiContext loaded its zone, reading it does no I/O.
    on_gui = [name for name, thread in calls if thread == GUI_THREAD and "clock." not in name]
    assert on_gui == [], f"service calls on the GUI thread: {on_gui}"
