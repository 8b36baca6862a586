"""The GUI at scale (issue 15): pages are built when first shown and never flash a window of their own; the
integrity check runs on a worker of its own, so a page's load never waits behind it."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from acrel_console.ui.main_window import MainWindow
from acrel_console.ui.pages import PAGE_MODULES, PAGE_TITLES
from tests.ui.conftest import settle


class _WindowsShown(QObject):
    """Collects the top-level widgets shown while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            self.shown.append(type(obj).__name__)
        return False


def test_pages_are_built_when_first_shown(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    ui.prefs.last_page = "meters"
    window = MainWindow(ui)
    qtbot.addWidget(window)
    assert [p.page_id for p in window.built_pages()] == ["meters"]  # the page it opens on, nothing else
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [t for _p, _c, t in PAGE_TITLES]
    window.show()
    qtbot.waitExposed(window)
    spy = _WindowsShown()
    QApplication.instance().installEventFilter(spy)
    try:
        for page_id, _context, _title in PAGE_TITLES:
            page = window.show_page(page_id)
            settle(ui)
            assert window.current_page() is page and page.isVisible() and page.window() is window
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []  # building a page after the window is up never shows a window of its own
    assert len(window.built_pages()) == len(PAGE_MODULES)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [p.title() for p in window.pages]


def test_a_page_load_never_waits_for_the_integrity_check(qtbot, ui, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui import integrity_status

    started, release = threading.Event(), threading.Event()
    real = integrity_status.run_integrity_check

    def slow_check(ctx: Any, **kw: Any) -> Any:
        started.set()
        release.wait(30)  # a long check of a large database
        return real(ctx, **kw)

    monkeypatch.setattr(integrity_status, "run_integrity_check", slow_check)
    window = MainWindow(ui)
    qtbot.addWidget(window)
    label = window.integrity_status
    window.show()
    assert started.wait(10) and label.running
    loaded: list[str] = []
    ui.tasks.run(lambda: "page data", loaded.append)  # a page's load, queued after the check began
    qtbot.waitUntil(lambda: loaded == ["page data"], timeout=10_000)
    assert label.running  # the check is still under way
    with qtbot.waitSignal(label.checked, timeout=20_000):
        release.set()
    assert label.report is not None and label.report.state == "ok" and not label.report.full
