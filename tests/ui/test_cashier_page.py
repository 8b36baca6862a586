"""Cashier page, keyboard only: search by room, amount, Enter; receipt; pending -> delivered on the card via
the simulator over TCP; a refund above the tenant's balance refused; reversal approved by a supervisor in the same form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from acrel_console.ui.pages.cashier_page import CashierPage
from tests.ui.conftest import settle
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot
from tests.ui.test_cashier_world import PASSWORD, World, world  # noqa: F401 - fixture

ENTER = Qt.Key.Key_Return


def _page(qtbot, ui) -> CashierPage:  # type: ignore[no-untyped-def]
    page = CashierPage(ui)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.activated()
    return page


def _confirm(qtbot, page: CashierPage) -> None:  # type: ignore[no-untyped-def]
    """Answer the 'please confirm' question with Y (Enter and Esc would answer No)."""
    qtbot.waitUntil(lambda: page.form.confirm_box is not None and page.form.confirm_box.isVisible(), timeout=5_000)
    box = page.form.confirm_box
    qtbot.keyClick(box, Qt.Key.Key_Y)  # the button's mnemonic: an animated click, then the box closes
    qtbot.waitUntil(lambda: page.form.confirm_box is None, timeout=5_000)


def _find(qtbot, page: CashierPage, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(page.search.box.hasFocus, timeout=5_000)  # the page puts the cursor in the search box
    qtbot.keyClicks(page.search.box, text)
    qtbot.keyClick(page.search.box, ENTER)  # Enter before the debounce ends: takes the first hit
    qtbot.waitUntil(lambda: page.form.amount.hasFocus() and page.card.card is not None, timeout=10_000)


def test_sale_by_keyboard_delivers_and_shows_the_receipt(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.poll()  # the meters answer (a sale to an offline meter asks first)
    world.loop.pause()  # hold the delivery back so the card shows it pending first
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    assert page.card.values["tenant_name"].text() == "Li Si"
    assert page.card.values["room"].text() == "R101"
    qtbot.keyClicks(page.form.amount, "100.5")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.receipt_dialog is not None and page.receipt_dialog.data is not None, timeout=10_000)
    receipt = page.receipt_dialog.data
    assert receipt.amount == Decimal("100.50") and receipt.tenant_name == "Li Si" and receipt.meter_no == "M0001"
    assert receipt.operator == "cash1" and not receipt.reprint and receipt.purchase_count == 1
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "pending", timeout=10_000)
    assert "100.50" in page.card.delivery.text()
    world.loop.paused.clear()
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
    assert world.sim.meter(1).remaining_fen == 10050 and world.sim.meter(1).purchase_count == 1
    qtbot.waitUntil(lambda: page.card.values["remaining"].text() == "100.50", timeout=10_000)
    assert page.card.values["purchase_count"].text() == "1"
    qtbot.keyClick(page.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.receipt_dialog.isVisible(), timeout=5_000)
    page.activateWindow()
    qtbot.waitUntil(page.search.box.hasFocus, timeout=5_000)  # ready for the next tenant


def test_amount_is_checked_before_anything_is_sent(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "Wang")
    qtbot.keyClicks(page.form.amount, "12.345")
    qtbot.keyClick(page.form.amount, ENTER)
    assert page.form.errors["amount"].text() == "An amount has at most two decimals (fen): 12.345."
    page.form.amount.clear()
    qtbot.keyClicks(page.form.amount, "0")
    qtbot.keyClick(page.form.amount, ENTER)
    assert page.form.errors["amount"].text() == "The amount must be greater than zero."
    settle(ui)
    assert world.money.records.query(world.admin).rows == ()


def test_sale_above_max_stored_credit_is_refused_with_the_services_message(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R102")
    qtbot.keyClicks(page.form.amount, "6000")
    qtbot.keyClick(page.form.amount, ENTER)
    _confirm(qtbot, page)  # above the site's 2,000 yuan: one more question (and the meter never answered)
    settle(ui)
    assert "above its maximum stored credit of 5000.00 yuan" in page.form.errors["amount"].text()
    first_id = page.form.presenter.pending_id
    assert first_id is not None
    page.form.amount.selectAll()
    qtbot.keyClicks(page.form.amount, "50")
    qtbot.keyClick(page.form.amount, ENTER)
    _confirm(qtbot, page)  # offline meter
    settle(ui)
    [row] = world.money.records.query(world.admin).rows
    assert row.operation_id == first_id  # the id made at the first submit was reused by the retry


def test_refund_below_zero_is_refused_with_the_message(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.poll()
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    page.show_receipts = False
    _find(qtbot, page, "R101")
    qtbot.keyClicks(page.form.amount, "30")
    qtbot.keyClick(page.form.amount, ENTER)
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
    qtbot.keyClick(page.form.amount, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # refund mode
    assert page.form.mode == "refund" and page.form.amount_caption.text() == "Refund amount (yuan)"
    qtbot.keyClicks(page.form.amount, "40")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert page.form.errors["amount"].text() == \
        f"A refund of 40.00 yuan is more than meter {world.meters[0]} can give back: the tenant's balance is " \
        "30.00 yuan by the ledger, the meter last showed 30.00 yuan."
    page.form.amount.selectAll()
    qtbot.keyClicks(page.form.amount, "10")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    assert "Refund of 10.00 yuan asked of the meter" in page.form.info.text()  # paid when the meter confirms
    qtbot.waitUntil(lambda: world.sim.meter(1).remaining_fen == 2000, timeout=10_000)
    qtbot.waitUntil(lambda: "The meter confirmed the refund of 10.00 yuan: pay out 10.00 yuan. Receipt R"
                    in page.form.info.text(), timeout=10_000)


ASKED = {"en": "Refund of 20.00 yuan asked of the meter", "zh_CN": "已向电表申请退电 20.00 元"}
CONFIRMED = {"en": "Wang Wu · room R102 · meter no. M0002: The meter confirmed the refund of 20.00 yuan: pay out "
                   "20.00 yuan.",  # named: the counter is serving Li Si by then
             "zh_CN": "Wang Wu · 商铺号 R102 · 表号 M0002：电表已确认退电 20.00 元：请付款 20.00 元。"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_refund_slip_prints_by_itself_once_the_meter_confirms(qtbot, make_ui, world: World, tmp_path,  # type: ignore[no-untyped-def]
                                                                 code: str) -> None:
    """The counter asks the meter for a refund and serves the next tenant meanwhile; when the meter confirms,
    the refund slip prints on the session's printer and the form says what to pay out (it never printed)."""
    from acrel_console.ui.cashier import slip_printer

    world.money.vending.sell(world.cashier, world.meters[1], "60", "cash")
    with language(code):
        ui = make_ui(world.cashier)
        printer = slip_printer.new_printer()
        printer.setOutputFileName(str(tmp_path / "slip.pdf"))  # Qt's PDF printer stands in for the slip printer
        slip_printer.session_printer(ui).printer = printer  # chosen earlier in this session
        page = _page(qtbot, ui)
        _find(qtbot, page, "R102")
        qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
        world.loop.pause()  # the meter does not answer yet
        qtbot.keyClick(page.form.amount, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(page.form.amount, "20")
        qtbot.keyClick(page.form.amount, ENTER)
        qtbot.waitUntil(lambda: ASKED[code] in page.form.info.text(), timeout=10_000)
        assert not any(r.kind == "refund" and r.receipt_no for r in world.money.records.query(world.admin).rows)
        assert not list(tmp_path.glob("slip-*.pdf"))  # nothing to pay out, no slip yet
        shot(page, f"cashier-refund-asked-{code}", tmp_path)
        page.search.box.setFocus()
        page.search.box.clear()
        _find(qtbot, page, "R101")  # the next tenant
        world.loop.paused.clear()
        qtbot.waitUntil(lambda: any(tmp_path.glob("slip-R*.pdf")), timeout=15_000)
        assert CONFIRMED[code] in page.form.info.text()
        assert missing_glyphs(page.form.info, [page.form.info.text()]) == []
        shot(page, f"cashier-refund-confirmed-{code}", tmp_path)
    assert world.sim.meter(2).remaining_fen == 4000


def test_reversal_needs_the_supervisors_login_in_the_same_form(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.poll()
    world.loop.pause()  # the sale stays undelivered: the reversal cancels its delivery
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    page.show_receipts = False
    _find(qtbot, page, "R101")
    qtbot.keyClicks(page.form.amount, "1000")
    qtbot.keyClick(page.form.amount, ENTER)
    settle(ui)
    qtbot.keyClick(page.form.amount, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # reversal mode
    settle(ui)
    form = page.form
    assert form.mode == "reversal" and form.sale.count() == 1 and "1000.00" in form.sale.currentText()
    qtbot.keyClick(form.amount, ENTER)
    assert form.errors["reason"].text() == "A reversal needs a reason."
    qtbot.keyClick(form.amount, Qt.Key.Key_Tab)  # amount -> method (disabled) -> reason
    form.reason.setFocus()
    qtbot.keyClicks(form.reason, "keyed 1000 instead of 100")
    qtbot.keyClick(form.reason, Qt.Key.Key_Tab)
    assert form.approver_name.hasFocus()
    qtbot.keyClicks(form.approver_name, "boss")
    qtbot.keyClick(form.approver_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.approver_password, "wrong")
    qtbot.keyClick(form.approver_password, ENTER)
    settle(ui)
    assert form.errors["approver_name"].text() == "Wrong operator name or password."
    form.approver_password.clear()
    qtbot.keyClicks(form.approver_password, PASSWORD)
    other = world.money.vending.sell(world.cashier, world.meters[1], "5", "cash")
    form.sale.lineEdit().clear()
    qtbot.keyClicks(form.sale.lineEdit(), other.operation_id)  # typed id of another meter's sale: refused
    qtbot.keyClick(form.approver_password, ENTER)
    settle(ui)
    assert form.errors["sale"].text().startswith(f"Operation {other.operation_id} is not a sale of this meter")
    receipt = world.money.records.query(world.admin).rows[-1].receipt_no  # the 1000.00 sale, typed by number
    form.sale.lineEdit().clear()
    qtbot.keyClicks(form.sale.lineEdit(), receipt)
    assert form.current_choice() is not None and form.current_choice().amount == Decimal("1000.00")
    qtbot.keyClick(form.approver_password, ENTER)
    settle(ui)
    assert "Reversed 1000.00 yuan" in form.info.text() and "cancelled" in form.info.text()
    rows = world.money.records.query(world.admin).rows
    reversal = next(r for r in rows if r.kind == "reversal")
    assert reversal.approver == "boss" and reversal.reason == "keyed 1000 instead of 100"
    world.loop.paused.clear()
    settle(ui)
    assert form.sale.count() == 0  # nothing left to reverse


def test_refresh_reads_the_meter_through_the_poller(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.services.polling.poller import Poller

    world.money.vending.sell(world.cashier, world.meters[0], "50", "cash")
    ui = make_ui(world.cashier)
    poller = Poller(world.services.ctx, gateways=["g1"])
    poller.ensure_workers()
    ui.poller = poller  # what the app hands the pages when this process polls
    try:
        page = _page(qtbot, ui)
        _find(qtbot, page, "R101")
        # the sale is on the meter (its read-back may already have set the status: not asserted here)
        qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
        qtbot.waitUntil(lambda: page.card.values["remaining"].text() == "50.00", timeout=10_000)
        with world.sim.locked():
            world.sim.meter(1).remaining_fen = 4321  # the tenant used 6.79 yuan meanwhile
        qtbot.keyClick(page.form.amount, Qt.Key.Key_F5)  # 刷新表状态
        settle(ui)
        assert page.card.values["remaining"].text() == "43.21"
        assert page.card.values["relay"].text() == "Closed"
        assert page.card.values["status"].text() == "Alarm 1"  # 43.21 <= alarm 1 (50.00)
    finally:
        poller.stop()


def test_a_conflict_is_shown_and_resolved_by_the_operator(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.services.deliveries import execute_credit_command

    class Crash(Exception):
        pass

    def crash_after_marking(step: str) -> None:
        if step == "marked_sending":
            raise Crash(step)

    world.loop.pause()
    sale = world.money.vending.sell(world.cashier, world.meters[0], "10", "cash")
    from acrel_console.services.lease import SiteLease

    lease = SiteLease(world.services.ctx)  # this "console" is the site's dispatcher (only it sends)
    assert lease.acquire()
    try:  # the console dies after committing 'sending', before the frame leaves
        execute_credit_command(world.services.ctx, world.loop.bus, sale.command_id, hook=crash_after_marking)
    except Crash:
        pass
    finally:
        lease.release()
    with world.sim.locked():
        world.sim.meter(1).purchase_count = 5  # meanwhile someone topped the meter up another way
    world.loop.paused.clear()
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    _find(qtbot, page, "R101")
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "conflict", timeout=10_000)
    assert page.card.resolve_button.isVisible()
    page.card.resolve_button.setFocus()
    qtbot.keyClick(page.card.resolve_button, Qt.Key.Key_Space)
    dialog = page.conflict_dialog
    assert dialog is not None
    dialog.reissue_button.setFocus()
    qtbot.keyClick(dialog.reissue_button, Qt.Key.Key_Space)
    settle(ui)
    assert dialog.error.text() == "Re-issuing a delivery needs a reason."
    qtbot.keyClicks(dialog.reason, "meter shows 0.00 and count 5")
    dialog.reissue_button.setFocus()
    qtbot.keyClick(dialog.reissue_button, Qt.Key.Key_Space)
    settle(ui)
    qtbot.waitUntil(lambda: page.card.delivery.property("state") == "delivered", timeout=10_000)
    assert world.sim.meter(1).remaining_fen == 1000 and world.sim.meter(1).purchase_count == 6
    assert not page.card.resolve_button.isVisible()
