"""Printing on paper through the same path as the 打印 button: the system's print dialog (QPrintDialog) the
first time, Qt's PDF printer standing in for the receipt printer; then the session's printer without asking.
Receipts, reprints (补打), refund and reversal slips (their own titles, the reversal naming the original
receipt, the approver and the reason) and settlement slips."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from acrel_console.ui.cashier import slip_printer
from acrel_console.ui.cashier.receipt_dialog import ReceiptDialog
from acrel_console.ui.cashier.receipt_lines import ReceiptText, receipt_text
from acrel_console.ui.cashier.settlement_slip import SettlementSlipDialog
from tests.ui.conftest import settle
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout


@pytest.fixture
def pdf_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The print dialog opens on Qt's PDF printer writing under tmp_path (what 'Print to file' does)."""
    base = tmp_path / "slip.pdf"

    def new_printer():  # type: ignore[no-untyped-def]
        printer = slip_printer.print_support().QPrinter(slip_printer.print_support().QPrinter.PrinterMode.HighResolution)
        printer.setOutputFileName(str(base))  # a PDF printer: what QPrintDialog shows without a system printer
        return printer

    monkeypatch.setattr(slip_printer, "new_printer", new_printer)
    return base


def _accept_print_dialog(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    slips = slip_printer.session_printer(ui)
    qtbot.waitUntil(lambda: slips.dialog is not None and slips.dialog.isVisible(), timeout=5_000)
    slips.dialog.accept()  # the cashier presses Print in the system dialog


def _receipt(qtbot, ui, key: str) -> ReceiptDialog:  # type: ignore[no-untyped-def]
    dialog = ReceiptDialog(ui, key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    return dialog


@needs_pdftotext
def test_print_button_prints_through_the_print_dialog_then_reprints_on_the_same_printer(
        qtbot, make_ui, world: World, pdf_printer: Path) -> None:  # type: ignore[no-untyped-def]
    sale = world.money.vending.sell(world.cashier, world.meters[0], "88.50", "cash")
    ui = make_ui(world.cashier)
    dialog = _receipt(qtbot, ui, sale.receipt_no)
    assert dialog.print_button.isDefault() and dialog.print_button.isEnabled()
    dialog.print_button.click()  # 打印 (today: TypeError: open expected 2 arguments, nothing printed)
    _accept_print_dialog(qtbot, ui)
    first = pdf_printer.with_name(f"slip-{sale.receipt_no}.pdf")
    qtbot.waitUntil(first.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)  # printed: the dialog closes
    text = pdf_text(first)
    assert sale.receipt_no in text and "88.50" in text and "Electricity sale receipt" in text
    assert "REPRINT" not in text
    first.unlink()
    again = _receipt(qtbot, ui, sale.receipt_no)  # 补打
    slip_printer.session_printer(ui).dialog = None
    again.print_button.click()
    qtbot.waitUntil(first.exists, timeout=10_000)  # the session's printer: no second dialog
    assert slip_printer.session_printer(ui).dialog is None
    assert "REPRINT (copy 2)" in pdf_text(first)
    assert world.money.records.receipt(world.admin, sale.receipt_no).print_count == 2


def test_refund_and_reversal_slips_have_their_own_titles_and_the_reversal_names_what_it_reverses(
        qapp, world: World) -> None:  # type: ignore[no-untyped-def]
    world.loop.pause()
    money = world.money
    sale = money.vending.sell(world.cashier, world.meters[0], "1000", "cash")
    world.loop.paused.clear()
    refund_sale = money.vending.sell(world.cashier, world.meters[1], "60", "cash")
    settle_deliveries(world)
    refund = money.vending.refund(world.cashier, world.meters[1], "20", "cash", reason="tenant moves out")
    reversal = money.vending.reverse(world.cashier, sale.operation_id, world.supervisor, "keyed 1000 instead of 100",
                                     "900")
    settle_deliveries(world)  # refunds and reversals get their receipt when the meter confirms (issue 10)
    refund = money.vending.get_operation(world.admin, refund.operation_id)
    reversal = money.vending.get_operation(world.admin, reversal.operation_id)
    r = receipt_text(money.records.receipt(world.admin, reversal.receipt_no), "Asia/Shanghai")
    rows = dict(r.rows)
    assert r.subtitle == "Sale reversal slip"
    assert rows["Original receipt"] == sale.receipt_no and rows["Approved by"] == "boss"
    assert rows["Reason"] == "keyed 1000 instead of 100" and rows["Amount"] == "900.00 yuan"
    assert rows["Meter no."] == "M0001" and rows["Shop/room"] == "R101"
    f = receipt_text(money.records.receipt(world.admin, refund.receipt_no), "Asia/Shanghai")
    assert f.subtitle == "Electricity refund slip" and dict(f.rows)["Reason"] == "tenant moves out"
    s = receipt_text(money.records.receipt(world.admin, refund_sale.receipt_no), "Asia/Shanghai")
    assert s.subtitle == "Electricity sale receipt" and "Original receipt" not in dict(s.rows)


def settle_deliveries(world: World, timeout_s: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if all(d.state not in ("pending", "sending") for d in world.money.vending.deliveries(world.admin, limit=50)):
            return
        time.sleep(0.05)
    raise AssertionError("deliveries did not finish")


@needs_pdftotext
def test_settlement_slip_prints_through_the_same_dialog(qtbot, make_ui, world: World, pdf_printer: Path) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.cashier)
    text = ReceiptText("Site", "Account closing settlement", "", (("Tenant", "Li Si"), ("Total returned", "12.00 yuan")),
                       "Signed by the tenant: ____________")
    dialog = SettlementSlipDialog(ui, text)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_button.click()  # today: TypeError: open expected 2 arguments
    _accept_print_dialog(qtbot, ui)
    out = pdf_printer.with_name("slip-Account_closing_settlement.pdf")
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert "Li Si" in pdf_text(out) and dialog.last_printed == str(out)
    settle(ui)
