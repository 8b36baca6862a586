"""The Meters toolbar in Acrel's order with 阶梯电价设置, 下发报警短信 and 历史抄表记录 (issue 14); 报警设置 and
功率阈值设置 on a console-billed meter; the history dialog pages as it scrolls and exports. Screenshots in
zh_CN and en (ACREL_SCREENSHOTS=dir keeps them)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import insert

from acrel_console import i18n
from acrel_console.storage.reading_codec import StoredReading
from acrel_console.storage.reading_days import add_readings
from acrel_console.ui.meters.control_actions import ACTION_BY_KEY, ACTIONS
from acrel_console.ui.meters.history_dialog import HistoryDialog
from tests.ui.conftest import settle
from tests.ui.test_meters_page import make_page, site  # noqa: F401 - the fixture
from tests.ui.test_meters_screenshots import out_dir

ACREL_ORDER = ["price_download", "tiered_prices", "settings_download", "keep_power", "trip", "restore_prepaid",
               "power_threshold", "export", "alarm_sms", "refresh", "history"]


def test_toolbar_follows_the_acrel_order() -> None:
    keys = [a.key for a in ACTIONS]
    assert keys[:len(ACREL_ORDER)] == ACREL_ORDER


def _readings(ui, mid: int, n: int) -> None:  # type: ignore[no-untyped-def]
    start = ui.clock.now() - timedelta(minutes=30 * n)
    rows = [StoredReading(start + timedelta(minutes=30 * k), energy_total=100 * k, energy_p1=0, energy_p2=50 * k,
                          energy_p3=50 * k, energy_p4=0, remaining_fen=9000 - k, purchase_count=1, power_w=900,
                          relay_closed=True, forced=False) for k in range(n)]
    with ui.services.ctx.transaction() as s:
        add_readings(s, mid, rows)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_history_dialog_pages_and_exports(language: str, ui, site, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _bus, _poller, ids = site
    assert i18n.install_translator(language)
    try:
        page = make_page(ui, qtbot)
        mid = ids[0]
        _readings(ui, mid, 1400)  # 29 days of 30-minute readings
        page.select_meters([mid])
        page.start_action(ACTION_BY_KEY["history"])
        dialog = page.dialog
        assert isinstance(dialog, HistoryDialog)
        qtbot.waitUntil(lambda: dialog.model.total > 0)
        settle(ui)
        assert dialog.model.rowCount() == 500 < dialog.model.total  # the first page only
        QApplication.processEvents()
        dialog.grab().save(str(out_dir(tmp_path) / f"meters-history-{language}.png"))
        dialog.table.scrollToBottom()  # the view asks for more as it reaches the end
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 500)
        settle(ui)
        dialog.export_to(str(tmp_path / "h.xlsx"))
        qtbot.waitUntil(lambda: bool(dialog.last_export))
        settle(ui)
        ws = openpyxl.load_workbook(dialog.last_export, read_only=True).active
        rows = [r for r in ws.iter_rows(values_only=True)]
        header = next(r for r in rows if r and r[0] == dialog.model.headerData(0, ui_h()))
        assert list(header) == [dialog.model.headerData(c, ui_h()) for c in range(dialog.model.columnCount())]
        assert len([r for r in rows if len(r) > 2 and isinstance(r[2], (int, float))]) == dialog.model.total
        for box in dialog.findChildren(QMessageBox):
            box.close()
        dialog.close()
    finally:
        i18n.install_translator("en")


def ui_h():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_alarm_texts_from_the_toolbar(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """下发报警短信: one text per tenant with a phone, the others named."""
    _bus, _poller, ids = site
    page = make_page(ui, qtbot)
    page.select_meters(ids[:2])
    page.start_action(ACTION_BY_KEY["alarm_sms"])
    box = page.dialog
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
    yes.click()
    qtbot.waitUntil(lambda: hasattr(page, "last_sms_result"))
    queued, skipped = page.last_sms_result
    assert queued + len(skipped) == 2
