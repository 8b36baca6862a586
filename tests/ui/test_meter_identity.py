"""One meter identity wherever a person reads it (issue 13): the 仪表编号 with the room, never the database id.
Today the card, the receipt and the accounts list showed the id ("5", "208") for a meter without a number, the
batch results showed "GW-A/1", the demo's meters had no number at all (blank columns)."""

from __future__ import annotations

from pathlib import Path

from acrel_console.domain.meter_identity import meter_label, meter_number
from acrel_console.ui.cashier.receipt_lines import receipt_text
from acrel_console.ui.pages.accounts_page import AccountsPage
from acrel_console.ui.pages.cashier_page import CashierPage
from tests.ui.conftest import settle
from tests.ui.test_cashier_page import _find
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture


def test_the_one_rule() -> None:
    assert meter_label("3220114455", "A005") == "3220114455 · A005"
    assert meter_label("", "A005") == "A005" and meter_number("") == "—" and meter_number(" 12 ") == "12"


def test_a_meter_without_a_number_never_shows_its_database_id(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    site, admin = world.services.site, world.admin
    meter_id = world.meters[0]
    m = site.get_meter(admin, meter_id)
    site.update_meter(admin, meter_id, meter_no="")  # a site that never entered the nameplate numbers
    world.poll()
    sale = world.money.vending.sell(world.cashier, meter_id, "10", "cash")
    ui = make_ui(world.cashier)
    page = CashierPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    _find(qtbot, page, "R101")
    assert page.card.values["meter_no"].text() == "—" != str(meter_id)
    assert "meter no. —" in page.card.heading.text()
    rows = dict(receipt_text(world.money.records.receipt(admin, sale.receipt_no), "Asia/Shanghai").rows)
    assert rows["Meter no."] == "—" and rows["Shop/room"] == m.room
    accounts = AccountsPage(make_ui(admin))
    qtbot.addWidget(accounts)
    accounts.show()
    accounts.activated()
    settle(accounts.ui)
    row = next(i for i, a in enumerate(accounts.model.records()) if a.name == "Li Si")
    accounts.view.selectRow(row)
    settle(accounts.ui)  # the chosen account's meters are read when it is chosen
    model = accounts.meter_model
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "—"  # today: the id, "1"


def test_the_demo_meters_carry_their_nameplate_numbers(tmp_path: Path) -> None:
    from acrel_console.app import build_services
    from acrel_console.services.demo_site import prepare_demo

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    services = build_services(url)
    demo = prepare_demo(url, services=services, use_pty=False)
    try:
        meters = services.site.list_meters(demo.admin)
        assert len(meters) == 212 and all(m.meter_no.isdigit() and len(m.meter_no) == 12 for m in meters)
        assert demo.sim.buses[0].bus.meter(meters[0].address).meter_no in {m.meter_no for m in meters}
    finally:
        demo.stop()
