"""The counter under pressure (issue 13), keyboard only: the card is exactly the meter the next Enter sells to,
the line above the button names tenant, room and 表号, amounts go through the one parser (full width shown
folded, '1e3' and commas refused), a large amount or an offline meter asks once (Enter means No), the relay
on the card is fresh after a delivery, Tab walks each mode's form in order, and once the printer is chosen
the slip prints by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from acrel_console.services.polling.poller import Poller
from acrel_console.ui.cashier import slip_printer
from acrel_console.ui.pages.cashier_page import CashierPage
from tests.ui.conftest import settle
from tests.ui.test_cashier_page import ENTER, _confirm, _find, _page
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture
from tests.ui.test_slip_printing import pdf_printer  # noqa: F401 - fixture

TAB = Qt.Key.Key_Tab


def _type_search(qtbot, page: CashierPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.search.focus_box()
    qtbot.keyClicks(page.search.box, text)


def _counter(qtbot, make_ui, world: World, search: str, *, poll: bool = True) -> CashierPage:  # type: ignore[no-untyped-def]
    """The cashier page on `search`'s meter, the meters read first unless `poll` is False; no receipt dialogs."""
    if poll:
        world.poll()
    page = _page(qtbot, make_ui(world.cashier))
    page.show_receipts = False
    _find(qtbot, page, search)
    return page


def _sales(world: World) -> int:
    return len([r for r in world.money.records.query(world.admin).rows if r.kind == "sale"])


def test_a_new_search_never_leaves_the_previous_meter_on_the_card(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    page = _counter(qtbot, make_ui, world, "R101")
    ui = page.ui
    qtbot.keyClicks(page.form.amount, "20")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert _sales(world) == 1
    # R103's meter is not opened: the search finds nothing. Typed and Tab at once, before the search answers.
    _type_search(qtbot, page, "R103")
    assert page.meter_id is None and page.card.card is None  # dropped at the first keystroke
    qtbot.keyClick(page.search.box, TAB)
    assert page.form.amount.hasFocus()
    qtbot.keyClicks(page.form.amount, "50")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert "Choose a meter first." in page.form.general_error.text()
    qtbot.waitUntil(lambda: page.search.count.text() == "No meter of an open account matches.", timeout=5_000)
    assert page.card.values["room"].text() == "—" and page.form.confirm_line.text().startswith("No meter chosen")
    # 'R10' finds two meters: none is chosen, Enter in the box does not take the first one.
    _type_search(qtbot, page, "R10")
    qtbot.keyClick(page.search.box, ENTER)
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 2, timeout=5_000)
    settle(ui)
    assert page.meter_id is None and page.card.card is None and page.search.box.hasFocus()
    assert page.search.count.text() == "Meters found: 2 — choose one with ↓ and Enter"
    page.search.view.setFocus()  # Tab or a click into the list: Qt puts its cursor on a row, nothing is chosen
    assert page.meter_id is None
    page.form.amount.setFocus()
    qtbot.keyClicks(page.form.amount, "50")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert _sales(world) == 1  # nothing sold to R101 without a word
    page.search.focus_box()
    qtbot.keyClick(page.search.box, Qt.Key.Key_Down)  # ↓ from the box selects the first hit
    qtbot.keyClick(page.search.view, Qt.Key.Key_Down)  # the second one, chosen on purpose
    qtbot.keyClick(page.search.view, ENTER)
    qtbot.waitUntil(lambda: page.card.card is not None, timeout=10_000)
    chosen = page.search.current()
    assert chosen is not None and page.card.values["room"].text() == chosen.room and page.form.amount.hasFocus()


def test_the_line_above_the_button_names_tenant_room_and_meter_number_and_the_amount_as_read(  # type: ignore[no-untyped-def]
        qtbot, make_ui, world: World) -> None:
    page = _counter(qtbot, make_ui, world, "Li Si")
    ui = page.ui
    assert page.form.confirm_line.text() == "Sell to Li Si · room R101 · meter no. M0001: type the amount"
    page.form.amount.insert("１００．５")  # full-width digits from a Chinese input method
    assert page.form.amount.text() == "100.5"  # shown folded, as the parser reads it
    assert page.form.confirm_line.text() == "Sell 100.50 yuan to Li Si · room R101 · meter no. M0001"
    assert page.card.heading.text() == "Li Si · room R101 · meter no. M0001"
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    [sale] = world.money.records.query(world.admin).rows
    assert sale.amount == 100.5 and sale.meter_no == "M0001"


@pytest.mark.parametrize("typed", ["1e3", "1,50", "+50", "NaN", "１ｅ３"])
def test_exponents_commas_signs_and_nan_are_refused_with_a_message(qtbot, make_ui, world: World, typed: str) -> None:  # type: ignore[no-untyped-def]
    world.poll()
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    page.form.amount.insert(typed)
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert page.form.errors["amount"].text()  # a translated reason under the field
    assert page.form.confirm_box is None and _sales(world) == 0


def test_above_the_site_amount_one_question_where_enter_means_no(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    page = _counter(qtbot, make_ui, world, "R101")
    ui = page.ui
    qtbot.keyClicks(page.form.amount, "2500")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.form.confirm_box is not None, timeout=5_000)
    box = page.form.confirm_box
    assert "2,500.00 yuan is more than 2,000.00 yuan" in box.text() and "Li Si · room R101" in box.text()
    qtbot.keyClick(box, ENTER)  # Enter, typed twice by habit, answers No
    qtbot.waitUntil(lambda: page.form.confirm_box is None, timeout=5_000)
    settle(ui)
    assert _sales(world) == 0 and page.form.amount.hasFocus()
    qtbot.keyClick(page.form.amount, ENTER)
    _confirm(qtbot, page)  # Y: yes, the amount is right
    settle(ui)
    assert _sales(world) == 1
    world.services.settings.update(world.admin, {"sale_confirm_fen": 0})  # the site turns the question off
    page.reload_card()
    settle(ui)
    page.form.amount.setText("2100")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert page.form.confirm_box is None and _sales(world) == 2


def test_a_sale_to_an_offline_meter_says_so_and_asks_before_taking_money(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.cashier)  # never read: the meters are offline
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    assert page.form.confirm_line.text().endswith("— meter offline")
    qtbot.keyClicks(page.form.amount, "50")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.form.confirm_box is not None, timeout=5_000)
    assert "The meter is offline" in page.form.confirm_box.text()
    qtbot.keyClick(page.form.confirm_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.form.confirm_box is None, timeout=5_000)
    settle(ui)
    assert _sales(world) == 0


def test_the_relay_on_the_card_is_fresh_after_a_delivery(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.poll()  # remaining 0: the meter has tripped itself
    ui = make_ui(world.cashier)
    poller = Poller(world.services.ctx, gateways=["g1"])
    poller.ensure_workers()
    ui.poller = poller
    try:
        page = _page(qtbot, ui)
        page.show_receipts = False
        _find(qtbot, page, "R101")
        assert page.card.values["relay"].text() == "Open"
        qtbot.keyClicks(page.form.amount, "50")
        qtbot.keyClick(page.form.amount, ENTER)
        qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
        qtbot.waitUntil(lambda: page.card.values["relay"].text() == "Closed", timeout=10_000)  # no F5 needed
    finally:
        poller.stop()


def test_without_a_poller_the_card_does_not_show_the_relay_read_before_the_sale(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    page = _counter(qtbot, make_ui, world, "R101")
    ui = page.ui
    assert page.card.values["relay"].text() == "Open"
    qtbot.keyClicks(page.form.amount, "50")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
    qtbot.waitUntil(lambda: page.card.values["relay"].text() == "reading the meter…", timeout=10_000)
    world.poll()  # the serving process reads the meter
    page.reload_card()
    qtbot.waitUntil(lambda: page.card.values["relay"].text() == "Closed", timeout=10_000)


def _tab_chain(qtbot, start, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    start.setFocus()
    names = []
    for _ in range(n):
        qtbot.keyClick(QApplication.focusWidget(), TAB)
        names.append(QApplication.focusWidget().objectName())
    return names


def test_tab_walks_each_mode_top_to_bottom(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.poll()
    world.money.vending.sell(world.cashier, world.meters[0], "30", "cash")
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    form = page.form
    assert _tab_chain(qtbot, page.search.box, 1) == ["field_amount"]
    assert _tab_chain(qtbot, form.amount, 3) == ["field_method", "field_remark", "submitOperation"]
    qtbot.keyClick(form.amount, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # 冲正
    settle(ui)
    assert form.mode == "reversal" and form.amount.hasFocus()
    # today Tab after 冲正金额 left the form (the method is disabled, the remark hidden)
    assert _tab_chain(qtbot, form.amount, 4) == ["field_reason", "field_approver_name", "field_approver_password",
                                                 "submitOperation"]
    assert _tab_chain(qtbot, form.sale, 1) == ["field_amount"]


def test_after_the_first_printed_slip_every_receipt_prints_by_itself(  # type: ignore[no-untyped-def]
        qtbot, make_ui, world: World, pdf_printer: Path) -> None:
    world.poll()
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    qtbot.keyClicks(page.form.amount, "10")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.receipt_dialog is not None and page.receipt_dialog.data is not None, timeout=10_000)
    first = page.receipt_dialog.data.number
    qtbot.keyClick(page.receipt_dialog, ENTER)  # Print is the default button
    slips = slip_printer.session_printer(ui)
    qtbot.waitUntil(lambda: slips.dialog is not None and slips.dialog.isVisible(), timeout=5_000)
    slips.dialog.accept()  # the system print dialog, once
    qtbot.waitUntil(pdf_printer.with_name(f"slip-{first}.pdf").exists, timeout=10_000)
    qtbot.waitUntil(lambda: not page.receipt_dialog.isVisible(), timeout=5_000)  # printed: it closes
    page.activateWindow()
    qtbot.waitUntil(page.search.box.hasFocus, timeout=5_000)  # ready for the next tenant
    dialog_before = page.receipt_dialog
    _find(qtbot, page, "R102")
    qtbot.keyClicks(page.form.amount, "20")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    second = world.money.records.query(world.admin).rows[0].receipt_no
    qtbot.waitUntil(pdf_printer.with_name(f"slip-{second}.pdf").exists, timeout=10_000)
    assert page.receipt_dialog is dialog_before  # no dialog to close
    assert page.search.box.hasFocus()
    assert f"Slip {second} printed" in page.form.info.text()
    qtbot.keyClick(page.search.box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # 补打 the last one
    qtbot.waitUntil(lambda: page.receipt_dialog is not dialog_before and page.receipt_dialog.data is not None,
                    timeout=10_000)
    pdf_printer.with_name(f"slip-{second}.pdf").unlink()
    qtbot.keyClick(page.receipt_dialog, ENTER)
    qtbot.waitUntil(pdf_printer.with_name(f"slip-{second}.pdf").exists, timeout=10_000)
    assert world.money.records.receipt(world.admin, second).reprint
