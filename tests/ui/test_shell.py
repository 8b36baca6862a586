"""The main window shell: every page in order from the registry, placeholders say so, status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from acrel_console.domain.roles import Role
from acrel_console.ui.main_window import MainWindow
from acrel_console.ui.pages import PAGE_MODULES, page_factories
from acrel_console.ui.pages.base import Page, PlaceholderPage
from tests.ui.conftest import settle

EXPECTED = ["dashboard", "meters", "accounts", "cashier", "records", "reports", "alarms", "settings", "operators"]


def test_shell_shows_every_page_in_order(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    assert [p.page_id for p in window.pages] == EXPECTED
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [p.title() for p in window.pages] and all(titles)
    assert titles[-2:] == ["Settings", "Operators & log"]
    for page_id in EXPECTED:
        page = window.show_page(page_id)
        assert window.current_page() is page and page.isVisible()
        settle(ui)
    assert len(PAGE_MODULES) == len(page_factories(strict=True)) == len(EXPECTED)


def test_placeholders_name_the_issue_that_fills_them(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    class LaterPage(PlaceholderPage):
        page_id = "later"

        def title(self) -> str:
            return "Later"

        def explanation(self) -> str:
            return "The later page arrives with issue #9."

    window = MainWindow(ui)
    qtbot.addWidget(window)
    pages = [p for p in window.pages if isinstance(p, PlaceholderPage)] + [LaterPage(ui)]
    for page in pages:
        qtbot.addWidget(page)
        assert "issue #" in page.findChild(QLabel, "placeholderText").text()
        assert page.findChild(QLabel, "placeholderNote").text() == "This page is not built yet."
        assert page.findChild(QLabel, "placeholderHeading").text() == page.title()


def test_status_bar_names_operator_database_and_poller(qtbot, ui, services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui)
    qtbot.addWidget(window)
    assert window.operator_label.text() == "Operator: admin (Administrator)"
    assert window.database_label.text().startswith("Database: SQLite ")
    assert window.poller_label.text() == "Poller: not running"
    window.set_poller_text("Poller: running, 3 buses")
    assert window.poller_label.text() == "Poller: running, 3 buses"


def test_every_page_follows_the_interface(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    for factory in page_factories(strict=True):
        page = factory(ui, None)
        qtbot.addWidget(page)
        assert isinstance(page, Page) and page.page_id and page.title()
        page.activated()
    settle(ui)


def test_a_cashier_sees_site_configuration_read_only(qtbot, make_ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "cash", Role.CASHIER, "cashier-pw")
    cashier = services.operators.login("cash", "cashier-pw")
    ui = make_ui(cashier)
    window = MainWindow(ui)
    qtbot.addWidget(window)
    settings = window.show_page("settings")
    settle(ui)
    assert not settings.buildings.add_button.isEnabled()
    assert not settings.gateways.delete_button.isEnabled()
    assert not settings.quick.import_button.isEnabled()
    assert not settings.defaults.save_button.isEnabled()
    operators = window.show_page("operators")
    settle(ui)
    assert not operators.operators.add_button.isEnabled()
    assert operators.operators.model.rowCount() == 2  # reading is allowed


def test_a_page_that_fails_to_import_is_named_not_fatal(qtbot, ui, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import acrel_console.ui.pages as pages
    from acrel_console.ui.pages.base import BrokenPage

    monkeypatch.setattr(pages, "PAGE_MODULES", ("settings_page", "no_such_page"))
    built = pages.create_pages(ui)
    assert isinstance(built[1], BrokenPage) and built[1].page_id == "no_such"
    assert "could not be loaded" in built[1].findChild(QLabel, "brokenText").text()
    for page in built:
        qtbot.addWidget(page)


def test_database_description_never_shows_a_password() -> None:
    from acrel_console.storage.engine import describe_url
    from acrel_console.ui.main_window import describe_database

    for url in ("sqlite:////var/lib/acrel/a.sqlite3", "sqlite:///relative.db",
                "postgresql+psycopg://acrel:s3cret@10.0.0.5:5433/site?options=-csearch_path%3Dx"):
        assert describe_database(url) == describe_url(url)
        assert "s3cret" not in describe_database(url)


def test_the_last_page_and_window_geometry_are_remembered(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    window.resize(window.width(), 540)  # within the offscreen screen (800x600): restoreGeometry clamps to it
    settle(ui)
    size = window.size()
    window.close()
    again = MainWindow(ui)
    qtbot.addWidget(again)
    assert again.current_page().page_id == "settings"
    assert again.height() == size.height() == 540  # (the width is clamped to the small offscreen screen)
    settle(ui)


def test_poller_indicator_follows_the_site_lease(qtbot, ui, services) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.services.lease import SiteLease

    window = MainWindow(ui)
    qtbot.addWidget(window)
    settle(ui)
    busy: list[bool] = []
    ui.tasks.busy_changed.connect(busy.append)
    assert window.poller_label.text() == "Poller: not running"
    lease = SiteLease(services.ctx)
    assert lease.acquire()
    window.poller_status.refresh()
    settle(ui)
    assert window.poller_label.text().startswith("Poller: running on ")
    lease.release()
    window.poller_status.refresh()
    settle(ui)
    assert window.poller_label.text() == "Poller: not running"  # a released lease is gone
    from datetime import datetime, timezone

    from acrel_console.services.lease import LeaseInfo

    at = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
    expired = LeaseInfo("h:1:x", "box", 1, at, at, at, False, False)
    # in the site's zone (Asia/Shanghai), whatever zone the machine runs in
    assert window.poller_status.text_for(expired) == "Poller: stopped since 2026-01-02 11:04"
    silent = LeaseInfo("h:1:x", "box", 1, at, at, at, True, False, silent=True)  # killed, lease not yet run out
    assert window.poller_status.text_for(silent) == ("No site service since 2026-01-02 11:04: sales are booked "
                                                     "and delivered when it returns")
    assert busy == []  # quiet refreshes do not light "Working…"
    window.set_poller_text("Poller: 3 buses, last sweep 10:00")
    assert not window.poller_status.timer.isActive()
    assert window.poller_label.text() == "Poller: 3 buses, last sweep 10:00"


def test_pages_hear_when_they_are_left(qtbot, ui, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui)
    qtbot.addWidget(window)
    left: list[str] = []
    for page in window.pages:
        monkeypatch.setattr(page, "deactivated", lambda page=page: left.append(page.page_id))
    window.show_page("settings")
    window.show_page("operators")
    window.show_page("operators")
    assert left == [window.pages[0].page_id, "settings"]
    settle(ui)
