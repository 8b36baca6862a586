"""Accounts page, keyboard only: open an account with a first top-up (delivered to the simulated meter) and a meter's
existing credit taken over, close an account with its settlement slip once the meters confirmed, replace a dead
meter by a supervisor-approved claim, tariffs."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from acrel_console.ui.cashier.account_dialogs import OpenAccountDialog
from acrel_console.ui.cashier.settle_dialogs import ReplaceMeterDialog, SettleDialog
from acrel_console.ui.cashier.tariff_dialogs import AssignTariffDialog, TariffDialog
from acrel_console.ui.pages.accounts_page import AccountsPage
from tests.ui.conftest import settle
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def _page(qtbot, ui) -> AccountsPage:  # type: ignore[no-untyped-def]
    page = AccountsPage(ui)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activated()
    settle(ui)
    return page


def test_open_account_with_first_top_up(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    assert page.model.rowCount() == 2
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(ui)
    dialog = page.dialog
    assert isinstance(dialog, OpenAccountDialog)
    assert dialog.meters.count() == 1 and "M0003" in dialog.meters.item(0).text()  # only the unopened meter
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Zhao Liu")
    qtbot.keyClick(dialog.name, TAB)
    qtbot.keyClicks(dialog.room, "R103")
    qtbot.keyClicks(dialog.phone, "13900000003")
    assert dialog._errors["meters"].text() == "An account needs at least one meter."
    dialog.meters.setFocus()
    qtbot.keyClick(dialog.meters, Qt.Key.Key_Space)  # tick the meter
    assert dialog.checked_ids() == [world.meters[2]]
    qtbot.keyClicks(dialog.credit, "200.x")
    assert "is not an amount" in dialog._errors["opening_credit"].text()
    dialog.credit.clear()
    qtbot.keyClicks(dialog.credit, "200")
    qtbot.keyClicks(dialog.old_balance, "15")  # 老表金额转入: a claim, approved in the dialog
    assert not dialog.ok_button.isEnabled() and "supervisor" in dialog._errors["approval"].text()
    qtbot.keyClicks(dialog.approval.name, "boss")
    qtbot.keyClicks(dialog.approval.password, "secret1")
    qtbot.keyClicks(dialog.approval.reason, "balance on the old IC card")
    assert dialog.ok_button.isEnabled()
    opened = []
    dialog.submitted.connect(opened.append)
    qtbot.keyClick(dialog.credit, ENTER)
    settle(ui)
    assert len(opened) == 1  # Enter confirmed the dialog (it closes and is deleted)
    accounts = world.money.accounts.list_accounts(world.admin, search="Zhao")
    assert len(accounts) == 1 and accounts[0].phone == "13900000003"
    rows = [r for r in world.money.records.query(world.admin).rows if r.meter_id == world.meters[2]]
    sale = next(r for r in rows if r.kind == "sale")
    old = next(r for r in rows if r.kind == "opening")
    assert sale.remark == "开户首充" and sale.amount == Decimal("200.00") and sale.operator == "cash1"
    assert old.remark == "老表金额转入" and old.amount == Decimal("15.00")
    qtbot.waitUntil(lambda: world.sim.meter(3).remaining_fen == 21500, timeout=10_000)
    qtbot.waitUntil(lambda: page.search_box.text() == accounts[0].account_no and page.model.rowCount() == 1,
                    timeout=5_000)
    assert page.meter_model.rowCount() == 1


def test_a_meter_holding_credit_is_opened_only_with_a_decision(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.services.live_read import read_now

    world.sim.meter(3).remaining_fen, world.sim.meter(3).purchase_count = 50000, 6  # the previous system's money
    with world.loop.busy:  # not while the delivery loop holds the site lease for a pass
        assert read_now(world.services.ctx, [world.meters[2]])  # the status sweep
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(ui)
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "Chen")
    dialog.meters.setFocus()
    qtbot.keyClick(dialog.meters, Qt.Key.Key_Space)
    settle(ui)
    assert "500.00" in dialog.existing.lines.text() and "purchase count 6" in dialog.existing.lines.text()
    assert dialog.existing.decision.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    assert "take it over" in dialog._errors["existing_credit"].text()
    dialog.existing.decision.setCurrentIndex(dialog.existing.decision.findData("take-over"))
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.name, ENTER)
    settle(ui)
    [acc] = world.money.accounts.list_accounts(world.admin, search="Chen")
    assert acc.meters[0].ledger_credit == Decimal("500.00")


def test_close_account_settles_on_the_meter_and_shows_the_slip(qtbot, make_ui, world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world.money.vending.sell(world.cashier, world.meters[0], "80", "cash")
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    qtbot.waitUntil(lambda: world.sim.meter(1).remaining_fen == 8000, timeout=10_000)
    qtbot.keyClicks(page.search_box, "Li Si")
    qtbot.keyClick(page.search_box, ENTER)
    settle(ui)
    assert page.selected().name == "Li Si"
    page.close_button.setFocus()
    qtbot.keyClick(page.close_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.dialog
    assert isinstance(dialog, SettleDialog) and len(dialog.meters_box.rows) == 1
    qtbot.keyClicks(dialog.reason, "moved out")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.isVisible(), timeout=15_000)
    rows = dict(page.slip.text.rows)
    assert rows["Meter M0001"].startswith("returned 80.00 yuan") and rows["Total returned"] == "80.00 yuan"
    assert rows["Still outstanding"] == "0.00 yuan" and rows["State"] == "Settled"
    page.slip.save_pdf_to(str(tmp_path / "slip.pdf"))
    settle(ui)
    assert (tmp_path / "slip.pdf").read_bytes()[:4] == b"%PDF"
    assert world.money.accounts.get_account(world.admin, world.account_id).closed_at is not None
    assert world.sim.meter(1).remaining_fen == 0  # taken back before anything was paid


def test_replace_a_dead_meter_by_an_approved_claim(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.money.vending.sell(world.cashier, world.meters[1], "60", "cash")
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    qtbot.waitUntil(lambda: world.sim.meter(2).remaining_fen == 6000, timeout=10_000)
    qtbot.keyClicks(page.search_box, "Wang")
    qtbot.keyClick(page.search_box, ENTER)
    settle(ui)
    page.replace_button.setFocus()
    qtbot.keyClick(page.replace_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.dialog
    assert isinstance(dialog, ReplaceMeterDialog)
    _mid, dead, amount = dialog.meters_box.rows[0]
    dead.setFocus()
    qtbot.keyClick(dead, Qt.Key.Key_Space)
    assert dead.isChecked() and amount.isEnabled()
    qtbot.keyClicks(amount, "55.5")
    assert not dialog.ok_button.isEnabled()  # a claim needs the supervisor
    qtbot.keyClicks(dialog.approval.name, "boss")
    qtbot.keyClicks(dialog.approval.password, "secret1")
    qtbot.keyClicks(dialog.approval.reason, "display dead")
    assert dialog.new_meter.currentData() == world.meters[2]
    qtbot.keyClicks(dialog.reason, "meter burnt")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.isVisible(), timeout=15_000)
    rows = dict(page.slip.text.rows)
    assert "claim approved" in rows["Meter M0002"] and rows["Moved to the other meter"] == "55.50 yuan"
    info = world.money.accounts.find_account(world.admin, "Wang")
    assert [m.meter_id for m in info.meters] == [world.meters[2]]
    assert world.sim.meter(3).remaining_fen == 5550
    log = world.services.audit.list(world.admin, kind="account.claim")
    import json

    after = json.loads(log[0].after)
    assert after["approver"] == "boss" and after["claimed_fen"] == 5550 and after["ledger_fen"] == 6000


def test_tou_tariff_created_and_assigned(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.admin)
    page = _page(qtbot, ui)
    page.tabs.setCurrentIndex(1)
    settle(ui)
    page.tariffs.new_button.setFocus()
    qtbot.keyClick(page.tariffs.new_button, Qt.Key.Key_Space)
    dialog = page.tariffs.dialog
    assert isinstance(dialog, TariffDialog)
    qtbot.keyClicks(dialog.name, "TOU 2026")
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # flat -> TOU
    assert dialog.kind.currentData() == "tou"
    for edit, price in zip(dialog.tou_prices, ("1.5", "1.2", "0.8", "0.40001")):
        qtbot.keyClicks(edit, price)
    assert "more than 4 decimals" in dialog.general_error.text() + dialog._errors["prices"].text()
    dialog.tou_prices[3].clear()
    qtbot.keyClicks(dialog.tou_prices[3], "0.4")
    assert dialog.ok_button.isEnabled(), dialog._errors["schedule"].text()
    qtbot.keyClick(dialog.name, ENTER)
    settle(ui)
    [t] = world.money.tariffs.list_tariffs(world.admin)
    assert t.body.prices == (15000, 12000, 8000, 4000) and len(t.body.schedule) == 8
    assert page.tariffs.model.rowCount() == 1
    page.tariffs.view.selectRow(0)
    page.tariffs.assign_button.setFocus()
    qtbot.keyClick(page.tariffs.assign_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.tariffs.dialog
    assert isinstance(dialog, AssignTariffDialog)
    dialog.meters.setFocus()
    dialog.meters.setCurrentRow(0)
    qtbot.keyClick(dialog.meters, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.meters, ENTER)
    settle(ui)
    assert world.money.tariffs.meter_tariff(world.admin, world.meters[0]).name == "TOU 2026"
    qtbot.waitUntil(lambda: world.sim.meter(1).prices == [15000, 12000, 8000, 4000]
                    or tuple(world.sim.meter(1).prices) == (15000, 12000, 8000, 4000), timeout=10_000)


def test_add_a_meter_then_remove_one_moving_its_balance(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    world.money.vending.sell(world.cashier, world.meters[0], "30", "cash")
    ui = make_ui(world.cashier)
    page = _page(qtbot, ui)
    qtbot.waitUntil(lambda: world.sim.meter(1).remaining_fen == 3000, timeout=10_000)
    qtbot.keyClicks(page.search_box, "Li Si")
    qtbot.keyClick(page.search_box, ENTER)
    settle(ui)
    page.add_meter_button.setFocus()
    qtbot.keyClick(page.add_meter_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.dialog
    assert dialog.meter.currentData() == world.meters[2]
    qtbot.keyClick(dialog.meter, ENTER)
    settle(ui)
    assert [m.meter_id for m in page.selected().meters] == [world.meters[0], world.meters[2]]  # 一户多表
    page.meter_view.setFocus()
    page.meter_view.selectRow(0)
    page.remove_meter_button.setFocus()
    qtbot.keyClick(page.remove_meter_button, Qt.Key.Key_Space)
    settle(ui)
    dialog = page.dialog
    assert isinstance(dialog, SettleDialog) and len(dialog.meters_box.rows) == 1
    dialog.settle.setFocus()
    qtbot.keyClick(dialog.settle, Qt.Key.Key_Down)  # refund -> transfer
    assert dialog.settle.currentData() == "transfer"
    dialog.transfer_to.setCurrentIndex(dialog.transfer_to.findData(world.meters[2]))
    qtbot.keyClicks(dialog.reason, "shop split")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: page.slip is not None and page.slip.isVisible(), timeout=15_000)
    assert dict(page.slip.text.rows)["Moved to the other meter"] == "30.00 yuan"
    assert world.sim.meter(1).remaining_fen == 0 and world.sim.meter(3).remaining_fen == 3000
    assert [m.meter_id for m in world.money.accounts.get_account(world.admin, world.account_id).meters] == \
        [world.meters[2]]


def test_tiered_tariff_and_a_new_version(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    ui = make_ui(world.admin)
    page = _page(qtbot, ui)
    page.tabs.setCurrentIndex(1)
    settle(ui)
    page.tariffs.new_button.setFocus()
    qtbot.keyClick(page.tariffs.new_button, Qt.Key.Key_Space)
    dialog = page.tariffs.dialog
    qtbot.keyClicks(dialog.name, "Tiered A")
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentData() == "tiered"
    assert not dialog.form.isRowVisible(dialog.flat_price.parentWidget())
    for limit, price, (le, pe) in zip(("200", "400", ""), ("0.5", "0.6", "0.8"),
                                      zip(dialog.tier_limits, dialog.tier_prices)):
        qtbot.keyClicks(le, limit)
        qtbot.keyClicks(pe, price)
    assert dialog.ok_button.isEnabled(), dialog.general_error.text()
    qtbot.keyClick(dialog.name, ENTER)
    settle(ui)
    [t] = world.money.tariffs.list_tariffs(world.admin)
    assert t.kind == "tiered" and t.body.tiers == ((20000, 5000), (40000, 6000), (None, 8000))
    page.tariffs.view.selectRow(0)
    page.tariffs.version_button.setFocus()
    qtbot.keyClick(page.tariffs.version_button, Qt.Key.Key_Space)
    dialog = page.tariffs.dialog
    assert dialog.name.isReadOnly() and not dialog.kind.isEnabled() and dialog.tier_prices[0].text() == "0.5000"
    dialog.tier_prices[0].selectAll()
    qtbot.keyClicks(dialog.tier_prices[0], "0.55")
    qtbot.keyClick(dialog.tier_prices[0], ENTER)
    settle(ui)
    [t] = world.money.tariffs.list_tariffs(world.admin)
    assert t.versions == 2
    assert page.tariffs.model.record(0).versions == 2
