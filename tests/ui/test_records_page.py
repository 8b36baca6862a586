"""Records page, keyboard only: filters and totals, .xlsx export read back with openpyxl, reversal of the
selected sale with the supervisor's login in the dialog, reprint marked 补打, shift close by a supervisor."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from acrel_console.ui.cashier.reversal_dialog import ReversalDialog
from acrel_console.ui.cashier.shift_dialog import ShiftDialog
from acrel_console.ui.pages.records_page import RecordsPage
from tests.ui.conftest import settle
from tests.ui.test_cashier_world import PASSWORD, World, world  # noqa: F401 - fixture

ENTER = Qt.Key.Key_Return


def _sales(w: World) -> None:
    v, c, m = w.money.vending, w.cashier, w.meters
    v.sell(c, m[0], "100", "cash")
    v.sell(c, m[0], "50", "wechat")
    v.sell(c, m[1], "20", "alipay")
    w.loop.pause()
    settle_deliveries(w)


def settle_deliveries(w: World) -> None:
    from acrel_console.services.deliveries import deliver_all

    with w.loop.busy:  # never two executors on one command (the loop may be mid-pass when paused)
        deliver_all(w.services.ctx, w.loop.bus)


def _page(qtbot, ui) -> RecordsPage:  # type: ignore[no-untyped-def]
    page = RecordsPage(ui)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.activated()
    settle(ui)
    return page


def test_filters_totals_and_export(qtbot, make_ui, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _sales(world)
    world.money.vending.refund(world.cashier, world.meters[0], "10", "cash")
    settle_deliveries(world)  # a refund is paid out when the meter confirms it
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    assert page.model.rowCount() == 4
    assert page.result.totals.income == Decimal("160.00")
    assert "Income (sales − reversals − refunds) 160.00" in page.totals.text()
    qtbot.keyClicks(page.tenant, "Li Si")
    qtbot.keyClick(page.tenant, ENTER)
    settle(ui)
    assert page.model.rowCount() == 3
    page.method.setFocus()
    qtbot.keyClick(page.method, Qt.Key.Key_Down)  # Any -> Cash
    qtbot.keyClick(page.tenant, ENTER)
    settle(ui)
    assert [(r.kind, r.amount) for r in page.model.records()] == [("refund", Decimal("10.00")),
                                                                  ("sale", Decimal("100.00"))]
    page.sale_type.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.sale_type, Qt.Key.Key_Down)  # Any -> normal -> reversal -> refund
    qtbot.keyClick(page.tenant, ENTER)
    settle(ui)
    assert [r.kind for r in page.model.records()] == ["refund"]
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers[:12] == ["Created", "Created by", "Account no.", "Tenant", "Meter no.", "Shop/room", "Amount",
                            "Payment method", "Sale type", "Purchases before", "Total before", "Remark"]
    page.tenant.clear()
    page.method.setCurrentIndex(0)
    page.sale_type.setCurrentIndex(0)
    qtbot.keyClick(page.tenant, ENTER)
    settle(ui)
    out = tmp_path / "records.xlsx"
    page.export_to(str(out))
    qtbot.waitUntil(lambda: page.last_export is not None or bool(page.export_error), timeout=20_000)
    assert page.last_export is not None and page.last_export.rows == 4
    sheet = openpyxl.load_workbook(out).active
    header_row = page.last_export.header_row
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    assert rows[0][:3] == ("Created", "Created by", "Account no.")
    amounts = sorted(Decimal(str(r[6])) for r in rows[1:5])
    assert amounts == [Decimal("10.00"), Decimal("20.00"), Decimal("50.00"), Decimal("100.00")]
    assert {r[8] for r in rows[1:5]} == {"Normal sale", "Refund"}
    box = QApplication.activeModalWidget() or next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == "informBox" and w.isVisible()), None)
    assert box is not None and "4 records exported" in box.text()


def test_reversal_from_the_records_with_supervisor_login(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    _sales(world)
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    page.view.setFocus()
    row = next(i for i, r in enumerate(page.model.records()) if r.amount == Decimal("100.00"))
    page.view.selectRow(row)
    assert page.reverse_button.isEnabled()
    page.reverse_button.setFocus()
    qtbot.keyClick(page.reverse_button, Qt.Key.Key_Space)
    dialog = page.dialog
    assert isinstance(dialog, ReversalDialog)
    settle(ui)
    form = dialog.form
    assert form.current_choice() is not None and form.current_choice().amount == Decimal("100.00")
    qtbot.keyClicks(form.amount, "150")
    qtbot.keyClick(form.amount, ENTER)
    assert form.errors["amount"].text() == "At most 100.00 yuan of this sale can still be reversed."
    form.amount.clear()
    qtbot.keyClicks(form.amount, "90")
    qtbot.keyClicks(form.reason, "keyed 100 instead of 10")
    qtbot.keyClicks(form.approver_name, "cash1")  # the cashier cannot approve their own reversal
    qtbot.keyClicks(form.approver_password, PASSWORD)
    qtbot.keyClick(form.approver_password, ENTER)
    settle(ui)
    assert form.errors["approver_name"].text() == "The approver must be a different operator."
    form.approver_name.clear()
    qtbot.keyClicks(form.approver_name, "boss")
    qtbot.keyClick(form.approver_password, ENTER)
    settle(ui)
    assert "Reversal of 90.00 yuan asked of the meter" in form.info.text()  # delivered already: asked back,
    assert "only when the meter confirms" in form.info.text()  # paid out once the meter gave it back
    world.loop.paused.clear()
    asked = dialog.result_value
    qtbot.waitUntil(lambda: world.money.vending.get_operation(world.admin, asked.operation_id).outcome == "returned",
                    timeout=10_000)  # the meter confirmed and the reversal was paid out
    assert world.sim.meter(1).remaining_fen == 6000
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    settle(ui)
    rev = next(r for r in page.model.records() if r.kind == "reversal")
    assert rev.approver == "boss" and rev.amount == Decimal("90.00") and rev.sale_type == "reversal"
    assert page.result.totals.income == Decimal("80.00")


def test_reprint_is_marked_and_keeps_its_number(qtbot, make_ui, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sale = world.money.vending.sell(world.cashier, world.meters[0], "100", "cash")
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    page.view.selectRow(0)
    page.print_button.setFocus()
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.dialog
    dialog.save_pdf_to(str(tmp_path / "first.pdf"))
    settle(ui)
    assert dialog.data.number == sale.receipt_no and not dialog.data.reprint
    dialog.save_pdf_to(str(tmp_path / "second.pdf"))
    settle(ui)
    assert dialog.data.number == sale.receipt_no and dialog.data.reprint
    assert dialog.text.reprint_mark == "REPRINT (copy 2)"
    assert (tmp_path / "first.pdf").stat().st_size > 1000 and (tmp_path / "second.pdf").read_bytes()[:4] == b"%PDF"


def test_shift_close_by_a_supervisor(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    _sales(world)
    world.money.vending.refund(world.cashier, world.meters[0], "10", "cash")
    settle_deliveries(world)  # a refund is paid out when the meter confirms it
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    page.shift_button.setFocus()
    qtbot.keyClick(page.shift_button, Qt.Key.Key_Space)
    dialog = page.dialog
    assert isinstance(dialog, ShiftDialog)
    settle(ui)
    assert dialog.summary is not None and dialog.summary.expected_cash == Decimal("90.00")
    assert dialog.expected.text() == "Expected cash in the drawer: 90.00 yuan"
    assert dialog.table.item(0, 0).text() == "100.00" and dialog.table.item(0, 1).text() == "10.00"
    qtbot.keyClicks(dialog.counted, "90")
    qtbot.keyClicks(dialog.approver_name, "boss")
    qtbot.keyClicks(dialog.approver_password, "bad")
    qtbot.keyClick(dialog.approver_password, ENTER)
    settle(ui)
    assert dialog.error.text() == "Wrong operator name or password." and dialog.closed is None
    dialog.approver_password.clear()
    qtbot.keyClicks(dialog.approver_password, PASSWORD)
    qtbot.keyClick(dialog.approver_password, ENTER)
    settle(ui)
    assert dialog.closed is not None and dialog.closed.shift.closed_by == "boss"
    assert dialog.closed.cash_difference == Decimal("0.00")
    assert "closed by boss" in dialog.done_text.text()


def test_export_cancelled_from_the_progress_dialog_leaves_no_file(qtbot, make_ui, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    from acrel_console.services.export import ExportCancelled
    from acrel_console.ui.export_runner import ExportRunner
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from acrel_console.ui.cashier.records_export import records_sheet

    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    release = threading.Event()

    def rows():  # type: ignore[no-untyped-def]
        release.wait(10)  # the query is still running when the cashier presses Esc
        yield from ([None] * 13 for _ in range(10))

    runner = ExportRunner(page)
    outcome: list[object] = []
    runner.finished.connect(lambda r, e: outcome.append((r, e)))
    out = tmp_path / "cancelled.xlsx"
    sheet = records_sheet("Site", "", "cash1", ZoneInfo("Asia/Shanghai"), datetime(2026, 3, 1, tzinfo=timezone.utc))
    runner.start(str(out), sheet.spec(), rows, "Exporting", 10)
    assert runner.dialog is not None
    runner.dialog.show()  # it shows itself after 300 ms; the query is slower than that here
    qtbot.keyClick(runner.dialog, Qt.Key.Key_Escape)  # Esc = Cancel on the progress dialog
    release.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    result, error = outcome[0]
    assert result is None and isinstance(error, ExportCancelled)
    assert not out.exists() and list(tmp_path.glob(".cancelled.xlsx*")) == []
