"""The status bar's integrity indicator: OK on a fresh database, failed (with an alarm) on a broken audit chain."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from acrel_console import i18n

from acrel_console.domain.alarms import AlarmKind
from acrel_console.ui.main_window import MainWindow
from acrel_console.ui.theme import Theme
from tests.ui.conftest import settle


def test_integrity_label_ok_then_failed_with_an_alarm(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui)
    qtbot.addWidget(window)
    label = window.integrity_status
    assert label.text() == ""  # nothing runs before the window is shown
    with qtbot.waitSignal(label.checked, timeout=20_000):
        window.show()
        assert label.text() == "Integrity: checking…"
    settle(ui)
    assert label.report is not None and label.report.state == "ok"
    assert label.text() == "Integrity: OK"
    assert label.toolTip() == "" and label.show_details() is None
    assert label.palette().color(label.foregroundRole()) != Theme.role("error")
    window.show()  # showing again does not start another check
    assert label.text() == "Integrity: OK" and not label.running

    with services.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target='x' WHERE id=1"))
    with qtbot.waitSignal(label.checked, timeout=20_000):
        label.refresh()
    settle(ui)
    report = label.report
    assert report is not None and report.state == "failed" and report.issues
    assert label.text() == f"Integrity: {len(report.issues)} problem(s)"
    assert label.palette().color(label.foregroundRole()) == Theme.role("error")
    assert "Operation log: The operation log is broken at row 1." in label.toolTip()
    box = label.show_details()
    assert box is not None and box.list.count() == len(report.issues)
    assert "operation log broken at row 1" in box.details()
    box.close()
    alarms = services.alarms.active(admin, AlarmKind.INTEGRITY)
    assert len(alarms) == 1 and alarms[0].kind is AlarmKind.INTEGRITY


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert i18n.install_translator("zh_CN")
    yield
    i18n.install_translator("en")


def test_integrity_texts_in_chinese(qtbot, ui, zh_cn) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.integrity_status import IntegrityStatus, state_text

    label = IntegrityStatus(ui)
    qtbot.addWidget(label)
    assert label.tr("Integrity check") == "完整性检查"
    assert state_text("ok") == "完整性：正常"
    assert state_text("failed", 2) == "完整性：2 处问题"


def test_hundreds_of_problems_open_in_a_scrollable_translated_list(qtbot, ui, zh_cn) -> None:  # type: ignore[no-untyped-def]
    """Issue 10: clicking '完整性: 177 处问题' opened an English message box 6,043 px tall, its OK button off-screen."""
    from datetime import datetime, timezone

    from acrel_console.services.integrity import IntegrityIssue, IntegrityReport
    from acrel_console.ui.integrity_status import IntegrityStatus

    label = IntegrityStatus(ui)
    qtbot.addWidget(label)
    issues = tuple(IntegrityIssue("ledger", "meter_above_ledger", f"meter {i} shows 500 fen, the ledger gives 0 fen",
                                  str(i)) for i in range(177))
    label._got(IntegrityReport(datetime(2026, 3, 1, tzinfo=timezone.utc), 0.1, "sqlite", True, False, True, 3, issues))
    assert label.text() == "完整性：177 处问题" and len(label.toolTip().splitlines()) == 11
    dialog = label.show_details()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 177 and dialog.height() <= 900 and dialog.isVisible()
    assert dialog.list.item(0).text() == "账本：电表 0 显示的余额多于账本给它的余额（请接管或清零）。"
    assert dialog.list.verticalScrollBar().maximum() > 0  # it scrolls instead of growing
    assert "meter 176 shows 500 fen" in dialog.details()
