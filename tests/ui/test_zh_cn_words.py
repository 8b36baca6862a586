"""No English in the zh_CN interface where issue 13 found it: meter and delivery errors, Qt's file dialog (Qt 6's
labels with mnemonics are missing from Qt's own Chinese file), the SMS channel 'none' in Settings."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtWidgets import QFileDialog, QLabel

from acrel_console.services.deliveries import NO_REMOTE_RECHARGE
from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.card_widget import MeterCardWidget
from acrel_console.ui.error_words import error_words
from acrel_console.ui.pages.settings_page import SettingsPage
from tests.ui.conftest import settle
from tests.ui.screens import language


def test_meter_and_delivery_errors_read_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    with language("zh_CN"):
        assert error_words("timeout: no reply from unit 5") == "应答超时（no reply from unit 5）"
        assert error_words("meter unreachable: MeterTimeout") == "电表无应答（MeterTimeout）；电量等待下发"
        assert error_words("meter purchase count 7, expected 4 or 5") == \
            "电表购电次数为 7，应为 4 或 5：请先核对电表，不会自动重发"
        assert error_words("meter refused: taking 2550 fen back would leave it below zero (it has 10 fen)") == \
            "电表拒绝：退回 25.50 元会使余额低于零"
        assert not error_words(NO_REMOTE_RECHARGE).isascii()
        assert error_words("something new") == "something new" and error_words("") == ""
        card = MeterCardWidget()
        card.show_delivery(DeliveryInfo("c1", 1, "recharge", "pending", Decimal("50.00"), 3, "o1",
                                        datetime(2026, 3, 1, tzinfo=timezone.utc), "cash1", 2,
                                        "meter unreachable: MeterTimeout", None, None, None))
        assert "电表无应答" in card.delivery.text() and "unreachable" not in card.delivery.text()


def test_the_file_dialog_reads_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    with language("zh_CN"):
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels  # today: '&Look in:', 'Files of &type:'
        dialog.deleteLater()


def test_the_sms_channel_is_a_choice_in_words(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    with language("zh_CN"):
        page = SettingsPage(ui)
        qtbot.addWidget(page)
        page.show()
        page.activated()
        settle(ui)
        editor = page.defaults.editors["sms_driver"]
        assert editor.currentText() == "不发短信"  # today a text field reading 'none'
        editor.setCurrentIndex(editor.findData("modem"))
        page.defaults.editors["sms_modem_port"].setText("/dev/ttyUSB2")
        page.defaults.save()
        settle(ui)
        assert services.settings.get_all(admin)["sms_driver"] == "modem"
