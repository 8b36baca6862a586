"""开户 with the meters' own 告警金额1/2 and 功率阈值 (issue 14): the opening dialog checks them by the service's
rule as they are typed and the opened prepaid meter gets a settings download; screenshots zh_CN / en."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.ui.cashier.account_dialogs import OpenAccountDialog
from acrel_console.ui.pages.accounts_page import AccountsPage
from tests.ui.conftest import settle, type_text
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot, shown_page
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture


def _dialog(qtbot, ui) -> tuple[AccountsPage, OpenAccountDialog]:  # type: ignore[no-untyped-def]
    page = shown_page(qtbot, ui, AccountsPage, (1200, 760))
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(ui)
    assert isinstance(page.dialog, OpenAccountDialog)
    return page, page.dialog


def test_opening_sets_the_thresholds(qtbot, make_ui, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ui = make_ui(world.cashier)
    for code in LANGUAGES:
        with language(code):
            _page, shown = _dialog(qtbot, ui)
            type_text(qtbot, shown.alarm1, "30")
            type_text(qtbot, shown.alarm2, "10")
            labels = [shown.form.labelForField(shown.editor(k).parentWidget()).text()
                      for k in ("alarm1_yuan", "alarm2_yuan", "overload_kw")]
            assert missing_glyphs(shown, labels) == []
            if code == "zh_CN":
                assert labels == ["告警金额1（元）", "告警金额2（元）", "功率阈值（kW）"]
            shot(shown, f"open-account-thresholds-{code}", tmp_path)
            shown.reject()
    _page, dialog = _dialog(qtbot, ui)
    type_text(qtbot, dialog.name, "Zhao Liu")
    dialog.meters.item(0).setCheckState(Qt.CheckState.Checked)
    settle(ui)
    type_text(qtbot, dialog.alarm1, "10")
    type_text(qtbot, dialog.alarm2, "30")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["alarm1_yuan"].text() == "Alarm 1 must be greater than alarm 2, and alarm 2 at least zero."
    type_text(qtbot, dialog.alarm1, "30")
    type_text(qtbot, dialog.alarm2, "10")
    type_text(qtbot, dialog.overload, "4.4")
    assert dialog.ok_button.isEnabled(), [e.text() for e in dialog._errors.values() if e.text()]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)
    assert world.money.accounts.account_of_meter(world.admin, world.meters[2]) is not None
    with world.services.ctx.read() as s:
        payloads = [json.loads(p) for p in s.execute(select(MeterCommandRow.payload_json).where(
            MeterCommandRow.meter_id == world.meters[2], MeterCommandRow.kind == "settings_download")).scalars()]
    assert payloads == [{"alarm1_fen": 3000, "alarm2_fen": 1000, "overload_power_w": 4400}]
