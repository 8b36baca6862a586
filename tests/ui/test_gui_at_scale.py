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


def test_a_quiet_refresh_never_delays_what_the_operator_asked_for(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    refreshed: list[str] = []
    ui.tasks.run(lambda: release.wait(30) and "20,000 meters re-read", refreshed.append, quiet=True)
    loaded: list[str] = []
    ui.tasks.run(lambda: "the page the operator opened", loaded.append)
    qtbot.waitUntil(lambda: loaded == ["the page the operator opened"], timeout=10_000)
    assert refreshed == []  # the refresh is still under way
    release.set()
    settle(ui)
    assert refreshed == ["20,000 meters re-read"]


def test_meters_load_without_per_meter_work_on_the_gui_thread(qtbot, ui, services, admin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.meters import live_model
    from acrel_console.ui.pages import meters_page
    from acrel_console.ui.pages.meters_page import GRID, TABLE

    services.site.add_gateway(admin, name="GW", kind="modbus-tcp", host="127.0.0.1", port=1502)
    for address in (1, 2, 3):
        services.site.add_meter(admin, gateway="GW", address=address, model="DDSY1352", room=f"R-{address}")
    on_gui_thread: list[bool] = []
    real_key = meters_page.search_key

    def watched_key(m: Any) -> str:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_key(m)

    monkeypatch.setattr(meters_page, "search_key", watched_key)
    monkeypatch.setattr(live_model, "search_key", watched_key)
    page = meters_page.create_page(ui)
    qtbot.addWidget(page)
    sized: list[int] = []
    page.table.resizeColumnsToContents = lambda: sized.append(page.model.rowCount())
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    assert on_gui_thread == [False] * 3  # 20,000 search keys are built on the worker that loaded the meters
    assert sized == []  # the hidden table is not sized (it read every row on the GUI thread)
    page.set_view(TABLE)
    page.set_view(GRID)
    page.set_view(TABLE)
    assert sized == [3]  # sized once, when it first shows meters


def test_the_status_bar_names_every_zone_of_an_estate(qtbot, ui, services) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.services.lease import SiteLease
    from acrel_console.ui.poller_status import PollerStatus

    serving = SiteLease(services.ctx, zone="A")  # zone A's `serve --zone A`, elsewhere
    stopped = SiteLease(services.ctx, zone="B", ttl_s=-60)  # zone B's, gone a minute ago
    assert serving.acquire() and stopped.acquire()
    status = PollerStatus(ui)
    with qtbot.waitSignal(status.text_changed, timeout=10_000) as shown:
        status.refresh()
    host = serving.host
    assert shown.args[0].startswith(f"A: Poller: running on {host} · B: Poller: stopped since ")


def test_page_modules_are_imported_off_the_gui_thread_once_the_window_is_up(qtbot, ui, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib
    import sys

    module = "acrel_console.ui.pages.reports_page"  # pyqtgraph and the chart: 0.25 s to import on first show
    monkeypatch.delitem(sys.modules, module, raising=False)  # as in a console that has not shown Reports yet (restored after)
    imported: list[tuple[str, bool, bool]] = []  # (module, on the GUI thread, already imported)
    real_import = importlib.import_module

    def watched(name: str, package: str | None = None) -> Any:
        imported.append((name, threading.current_thread() is threading.main_thread(), name in sys.modules))
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", watched)
    ui.prefs.last_page = "meters"
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    settle(ui)
    assert (module, False, False) in imported  # imported on a worker, once the window was up
    window.show_page("reports")
    settle(ui)
    assert [(on_gui, ready) for name, on_gui, ready in imported if name == module] == [(False, False), (True, True)]


def test_a_page_of_accounts_measures_only_the_rows_on_screen(qtbot, ui, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Switching to 开户管理 at 20,000 meters took 0.4-0.6 s with its data read in 3 ms: the columns sized to
    their contents measured every row of the 200-account page, cell by cell, on each reset and selection."""
    from sqlalchemy import insert

    from acrel_console.storage.tables.ledger import TenantAccountRow, TenantRow
    from acrel_console.ui.pages.accounts_page import AccountsPage
    from acrel_console.ui.record_model import RecordTableModel

    now = services.ctx.clock()
    with services.ctx.transaction() as s:
        s.execute(insert(TenantRow), [{"id": a, "account_no": f"{a:06d}", "name": f"T{a}", "room": f"R{a}",
                                       "phone": f"138{a:08d}", "created_at": now} for a in range(1, 201)])
        s.execute(insert(TenantAccountRow), [{"id": a, "tenant_id": a, "opened_at": now, "opened_by": "admin"}
                                             for a in range(1, 201)])
    asked: set[tuple[int, int]] = set()
    real_data = RecordTableModel.data

    def counted(model: Any, index: Any, role: int = 0) -> Any:
        asked.add((id(model), index.row()))
        return real_data(model, index, role)

    monkeypatch.setattr(RecordTableModel, "data", counted)
    page = AccountsPage(ui)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10_000)
    settle(ui)
    page.repaint()
    rows = {row for model, row in asked if model == id(page.model)}
    assert 0 in rows and page.view.rowAt(0) == 0  # the first rows were shown
    assert len(rows) < 60  # the rows on screen, not the whole page of 200
