"""Screenshots of the Meters page in zh_CN and en inside the real main window at 1366x768, over the demo site
(212 simulated meters on 3 gateways, one real sweep): grid with every status, detail panel, table, a batch.

The PNGs go to the test's temporary folder; with ACREL_SCREENSHOTS=DIR (e.g. ./screenshots) they are kept
there to be looked at. The checks catch what a screenshot would show: the toolbar and legend fit the
window, every translated label has glyphs, the grid shows several tiles per row.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from acrel_console import i18n
from acrel_console.domain.status import MeterStatus
from acrel_console.ui.fonts import setup_fonts
from acrel_console.ui.meters.batch_dialog import BatchDialog
from acrel_console.ui.meters.control_actions import ACTION_BY_KEY
from acrel_console.ui.pages.meters_page import TABLE, MetersPage
from tests.ui.conftest import settle

WIDTH, HEIGHT = 1366, 768


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from acrel_console.services.demo_site import prepare_demo
    from acrel_console.services.dispatcher import Dispatcher
    from acrel_console.services.polling import Poller

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    site = prepare_demo(f"sqlite:///{path}", use_pty=False)
    poller = Poller(site.services.ctx)
    poller.run_once()
    dispatcher = Dispatcher(site.services.ctx, poller, scan_interval_s=0.05)
    dispatcher.start()
    yield site, poller
    dispatcher.stop()
    poller.stop()
    site.stop()


def out_dir(tmp_path: Path) -> Path:
    keep = os.environ.get("ACREL_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def missing_glyphs(widget_font, texts: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    fm = QFontMetrics(widget_font)
    return [t for t in texts if any(not fm.inFontUcs4(ord(ch)) for ch in t if not ch.isspace())]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_meters_page_screenshots(language: str, demo, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.domain.roles import Role
    from acrel_console.services.base import Actor
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    site, poller = demo
    folder = out_dir(tmp_path)
    app = QApplication.instance()
    monkeypatch.setenv("ACREL_LANG", language)
    assert i18n.install_translator(language)
    setup_fonts(app, language)
    ui = UiContext(site.services, Actor(id=1, name="admin", role=Role.ADMINISTRATOR), TaskRunner(), Prefs())
    try:
        window = MainWindow(ui)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        page = window.show_page("meters")
        assert isinstance(page, MetersPage)
        page.activated()
        settle(ui)
        page.attach_poller(poller)
        assert page.model.rowCount() == site.meter_count == 212
        assert {m.status for m in page.model.meters()} >= {MeterStatus.OPENED, MeterStatus.ALARM1,
                                                            MeterStatus.ALARM2, MeterStatus.ARREARS,
                                                            MeterStatus.UNOPENED, MeterStatus.OFFLINE}
        page.select_meters([page.model.meter_at(3).meter_id])
        settle(ui)
        app.processEvents()
        # readable at 1366x768: the page fits, every toolbar button and legend entry is shown whole, 4+ tiles a row
        assert window.width() == WIDTH and window.height() == HEIGHT
        shown = [b for b in page.action_buttons.values() if b.isVisible()]  # the rest wait in the toolbar's » menu
        assert len(shown) >= 8
        for b in [*shown, *page.legend.buttons.values()]:
            assert b.width() >= b.sizeHint().width(), b.text()
        tile = page.grid.sizeHintForIndex(page.proxy.index(0, 0))
        assert page.grid.viewport().width() // tile.width() >= 4
        texts = [b.text() for b in page.action_buttons.values()] + [page.detail.heading.text()]
        assert missing_glyphs(page.font(), texts) == []
        window.grab().save(str(folder / f"meters-grid-{language}.png"))
        page.set_compact(True)
        app.processEvents()
        small = page.grid.sizeHintForIndex(page.proxy.index(0, 0))
        vp = page.grid.viewport()
        assert (vp.width() // small.width()) * (vp.height() // small.height()) >= 2 * (vp.width() // tile.width()) * (
            vp.height() // tile.height())  # at least twice as many meters on one screen
        window.grab().save(str(folder / f"meters-compact-{language}.png"))
        page.set_compact(False)
        page.set_view(TABLE)
        app.processEvents()
        window.grab().save(str(folder / f"meters-table-{language}.png"))
        page.set_view(0)
        qtbot_click_legend(page, MeterStatus.ARREARS)
        app.processEvents()
        window.grab().save(str(folder / f"meters-arrears-{language}.png"))
        qtbot_click_legend(page, MeterStatus.ARREARS)
        # a batch: alarm settings to five meters, one of them silent
        silent = next(m for m in page.model.meters() if m.status == MeterStatus.OFFLINE)
        chosen = [m.meter_id for m in page.model.meters()[:4]] + [silent.meter_id]
        page.select_meters(chosen)
        page.start_action(ACTION_BY_KEY["settings_download"])
        dialog = page.dialog
        dialog.fields["alarm1"].setText("50")
        dialog.fields["alarm2"].setText("20")
        dialog.reason.setText("季度调整" if language == "zh_CN" else "quarterly review")
        app.processEvents()
        dialog.grab().save(str(folder / f"meters-settings-dialog-{language}.png"))
        dialog.send()
        qtbot.waitUntil(lambda: isinstance(page.dialog, BatchDialog) and page.dialog.finished_all, timeout=30_000)
        batch = page.dialog
        app.processEvents()
        batch.grab().save(str(folder / f"meters-batch-{language}.png"))
        assert batch.bar.value() == 5
        batch.close()
        page.detach_poller()
        window.close()
        settle(ui)
    finally:
        i18n.install_translator("en")
        setup_fonts(app, "en")
    assert len(list(folder.glob(f"meters-*-{language}.png"))) >= 5


def qtbot_click_legend(page: MetersPage, status: MeterStatus) -> None:
    page.legend.buttons[status].click()
