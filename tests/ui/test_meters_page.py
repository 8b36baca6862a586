"""The Meters page over real services, a real SQLite file and a real poller talking Modbus-TCP on loopback
to the simulator: load, legend, search, tree, live sweeps, detail panel, keyboard, permissions, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QListView

from acrel_console.domain.roles import Role
from acrel_console.domain.status import MeterStatus
from acrel_console.drivers.simulator import Fault
from acrel_console.services.base import Actor
from acrel_console.ui.meters.live_model import METER_ROLE
from acrel_console.ui.pages.meters_page import GRID, TABLE, MetersPage, create_page
from tests.ui.conftest import settle, type_text
from tests.ui.test_meters_support import drained, open_accounts, simulated_site, sweep_of

# address -> remaining fen: opened, alarm 1 (<= 50 yuan), alarm 2 (<= 20 yuan), arrears, silent, unopened
BALANCES = {1: 100_00, 2: 30_00, 3: 15_00, 4: -5_00, 5: 80_00, 6: 60_00}


@pytest.fixture
def site(services, admin):  # type: ignore[no-untyped-def]
    with simulated_site(services, admin, BALANCES) as (bus, poller, ids):
        open_accounts(services, admin, ids[:5], names=["张记书店", "Li Tea", "Wang Bakery", "Zhao Shoes", "Sun"])
        bus.inject(5, Fault.SILENCE, count=None)
        poller.run_once()
        yield bus, poller, ids


def make_page(ui, qtbot) -> MetersPage:  # type: ignore[no-untyped-def]
    page = create_page(ui)
    assert isinstance(page, MetersPage)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.activated()
    settle(ui)
    return page


def shown_rooms(page: MetersPage) -> list[str]:
    return [page.proxy.index(r, 0).data(METER_ROLE).room for r in range(page.proxy.rowCount())]


def test_page_shows_every_status_from_a_real_sweep(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    assert page.model.rowCount() == 6
    by_room = {m.room: m for m in page.model.meters()}
    assert by_room["GW1-001"].status == MeterStatus.OPENED
    assert by_room["GW1-002"].status == MeterStatus.ALARM1
    assert by_room["GW1-003"].status == MeterStatus.ALARM2
    assert by_room["GW1-004"].status == MeterStatus.ARREARS
    assert by_room["GW1-005"].status == MeterStatus.OFFLINE
    assert by_room["GW1-006"].status == MeterStatus.UNOPENED
    for status in MeterStatus:
        assert page.legend.count_text(status).endswith(" 1")
    assert page.legend.all_button.text().endswith("6")
    assert "6" in page.status_line.text()


def test_legend_click_filters_and_clicking_again_shows_all(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    qtbot.mouseClick(page.legend.buttons[MeterStatus.ARREARS], Qt.MouseButton.LeftButton)
    assert shown_rooms(page) == ["GW1-004"]
    qtbot.mouseClick(page.legend.buttons[MeterStatus.OFFLINE], Qt.MouseButton.LeftButton)
    assert sorted(shown_rooms(page)) == ["GW1-004", "GW1-005"]
    qtbot.mouseClick(page.legend.all_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 6
    assert not page.legend.chosen()


def test_search_by_room_meter_number_and_tenant(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    type_text(qtbot, page.search, "GW1-003")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert shown_rooms(page) == ["GW1-003"]
    type_text(qtbot, page.search, "880004")  # meter number
    qtbot.waitUntil(lambda: shown_rooms(page) == ["GW1-004"])
    type_text(qtbot, page.search, "张记")  # tenant, in Chinese
    qtbot.waitUntil(lambda: shown_rooms(page) == ["GW1-001"])
    # the legend counts what the search leaves
    assert page.legend.count_text(MeterStatus.OPENED).endswith(" 1")
    assert page.legend.count_text(MeterStatus.ARREARS).endswith(" 0")
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 6)


def test_tree_filters_by_building_and_gateway(ui, services, admin, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = site
    port = services.site.list_gateways(admin)[0].port
    services.site.add_building(admin, "Building B")
    # another line (one gateway per physical endpoint): nothing answers there, the meter shows offline
    services.site.add_gateway(admin, name="GW2", kind="modbus-tcp", host="127.0.0.1", port=port + 1, timeout_ms=150,
                              retries=0, building="Building B")
    services.site.add_meter(admin, gateway="GW2", address=6, model="DDSY1352", room="B-101")
    page = make_page(ui, qtbot)
    assert page.model.rowCount() == 7
    gw2 = next(m for m in page.model.meters() if m.gateway == "GW2")
    assert page.tree.select_scope(gw2.building_id, gw2.gateway_id)
    assert shown_rooms(page) == ["B-101"]
    gw1 = page.model.meters()[0]
    assert page.tree.select_scope(gw1.building_id, None)
    assert page.proxy.rowCount() == 6
    assert page.legend.all_button.text().endswith("6")
    assert page.tree.select_scope(None, None)
    assert page.proxy.rowCount() == 7


def test_filter_boxes(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    page.filters.set_value("balance", "le0")
    assert shown_rooms(page) == ["GW1-004"]
    page.filters.set_value("balance", "all")
    page.filters.set_value("connection", "offline")
    assert shown_rooms(page) == ["GW1-005"]
    page.filters.set_value("connection", "all")
    page.filters.set_value("account", "unopened")
    assert shown_rooms(page) == ["GW1-006"]


def test_a_real_sweep_updates_rows_in_place(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.attach_poller(poller)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    with bus.locked():
        bus.meter(1).remaining_fen = -1_00  # tenant 1 falls into arrears
    poller.run_once()
    qtbot.waitUntil(lambda: page.model.meter(ids[0]).status == MeterStatus.ARREARS, timeout=10_000)
    assert resets == []
    assert page.legend.count_text(MeterStatus.ARREARS).endswith(" 2")
    assert page.legend.count_text(MeterStatus.OPENED).endswith(" 0")
    page.detach_poller()


def test_a_sweep_result_signals_exactly_its_changed_rows(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    rows: list[tuple[int, int]] = []
    resets: list[int] = []
    page.model.dataChanged.connect(lambda a, b, _r=None: rows.append((a.row(), b.row())))
    page.model.modelReset.connect(lambda: resets.append(1))
    m2, m5 = page.model.meter_at(1), page.model.meter_at(4)
    page.apply_sweep(sweep_of([drained(m2, remaining_fen=1_00), m5, drained(page.model.meter_at(2), overload=True)]))
    assert rows == [(1, 2)]  # rows 1 and 2 changed, row 4 came unchanged
    assert resets == []


def test_detail_panel_shows_the_selected_meters_values(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.select_meters([ids[0]])
    settle(ui)
    d = page.detail
    assert d.meter_id == ids[0]
    assert d.text("room") == "GW1-001"
    assert d.text("tenant") == "张记书店"
    assert d.text("remaining") == "100.00"
    assert d.text("voltage") == "220.0"
    assert d.text("relay") == "Closed"
    assert d.text("mode") == "Prepaid"
    assert d.text("energy_total") == "0.00"
    assert d.text("energy_peak") == "0.00"
    assert d.text("meter_clock") != "—"
    assert d.text("drift") != "—"
    assert "fee control" in d.text("bits")
    assert d.text("last_seen") != "—"


def test_keyboard_moves_between_tiles_and_views(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    grid: QListView = page.grid
    grid.setFocus()
    grid.selectionModel().setCurrentIndex(page.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex().row() == 1
    settle(ui)
    assert page.detail.text("room") == "GW1-002"
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_ids()) == 2
    page.set_view(TABLE)
    assert page.stack.currentWidget() is page.table
    assert page.table.selectionModel() is grid.selectionModel()  # the table keeps the selection
    assert len(page.selected_ids()) == 2
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    settle(ui)
    assert page.detail.text("room") == "GW1-004"
    page.set_view(GRID)
    assert page.stack.currentWidget() is grid


def test_controls_follow_the_role(make_ui, services, admin, qtbot) -> None:  # type: ignore[no-untyped-def]
    cashier = Actor(id=None, name="cash1", role=Role.CASHIER)
    page = make_page(make_ui(cashier), qtbot)
    assert not page.action_buttons["trip"].isEnabled()
    assert not page.action_buttons["price_download"].isEnabled()
    assert page.action_buttons["export"].isEnabled()
    assert page.action_buttons["refresh"].isEnabled()
    admin_page = make_page(make_ui(admin), qtbot)
    assert admin_page.action_buttons["trip"].isEnabled()


def test_export_readings_writes_a_real_workbook(ui, site, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.select_meters([ids[0], ids[3]])  # a selection does not narrow the export: the filters do
    target = tmp_path / "readings.xlsx"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: page.last_export_result is not None, timeout=20_000)
    text = " ".join(str(c.value) for row in openpyxl.load_workbook(target).active.iter_rows() for c in row)
    assert all(f"GW1-00{i}" in text for i in range(1, 7))


def test_without_a_poller_the_page_rereads_the_database_incrementally(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A workstation (the poller runs in the site service): periodic re-reads apply only changed rows."""
    bus, poller, ids = site
    page = make_page(ui, qtbot)
    assert page.db_timer.isActive()
    page.attach_poller(poller)
    assert not page.db_timer.isActive()
    page.detach_poller()
    assert page.db_timer.isActive()
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    with bus.locked():
        bus.meter(2).remaining_fen = 500_00
    poller.run_once()  # another process's sweep, as far as the page knows
    page.refresh_live()
    settle(ui)
    assert page.model.meter(ids[1]).status == MeterStatus.OPENED
    assert resets == []


def test_table_header_sorts_both_views(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.meters.live_model import COLUMN_KEYS

    page = make_page(ui, qtbot)
    page.set_view(TABLE)
    page.table.sortByColumn(COLUMN_KEYS.index("remaining"), Qt.SortOrder.AscendingOrder)
    # never read (silent) first, then -5, 15, 30, 60 yuan
    assert shown_rooms(page)[:5] == ["GW1-005", "GW1-004", "GW1-003", "GW1-002", "GW1-006"]
    page.set_view(GRID)
    assert page.grid.model() is page.table.model()  # the grid shows the same order


def test_context_menu_offers_the_toolbar_actions_in_order(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.meters.control_actions import ACTIONS
    from acrel_console.ui.meters.control_dialog import ControlDialog

    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.select_meters([ids[2]])
    menu = page.context_menu()
    assert [a.text() for a in menu.actions()] == [a.label() for a in ACTIONS]
    next(a for a in menu.actions() if a.objectName() == "menu_restore_prepaid").trigger()
    assert isinstance(page.dialog, ControlDialog)
    assert [m.meter_id for m in page.dialog.meters] == [ids[2]]
    page.dialog.reject()


def test_compact_tiles_fit_more_meters(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.select_meters([ids[1]])
    full = page.grid.visualRect(page.proxy.index(0, 0)).size()
    qtbot.mouseClick(page.compact_button, Qt.MouseButton.LeftButton)
    small = page.grid.visualRect(page.proxy.index(0, 0)).size()
    assert small.width() < full.width() and small.height() < full.height()
    assert page.selected_ids() == [ids[1]]  # the selection survives the switch
    page.set_compact(False)
    assert page.grid.visualRect(page.proxy.index(0, 0)).size() == full


def test_the_page_does_not_force_a_wide_window(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The toolbar overflows into its » menu instead of widening the window (1024 px screens still work)."""
    page = make_page(ui, qtbot)
    assert page.minimumSizeHint().width() <= 830
    page.resize(830, 600)
    qtbot.waitUntil(lambda: page.width() == 830)
    hidden = [k for k, b in page.action_buttons.items() if not b.isVisible()]
    assert hidden  # some actions moved to the overflow menu ...
    from acrel_console.ui.meters.live_model import METER_ROLE

    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    page.select_meters([page.proxy.index(0, 0).data(METER_ROLE).meter_id])
    page.actions_by_key[hidden[-1]].trigger()  # ... and still work from there
    assert page.dialog is not None or hidden[-1] in ("export", "refresh")


def test_refresh_status_sweeps_the_selected_meters_gateway_now(ui, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = site
    page = make_page(ui, qtbot)
    page.attach_poller(poller)
    page.select_meters([ids[0]])
    with bus.locked():
        bus.meter(1).remaining_fen = 42_00  # alarm 1 now
    qtbot.mouseClick(page.action_buttons["refresh"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.meter(ids[0]).remaining_fen == 42_00, timeout=10_000)
    assert page.model.meter(ids[0]).status == MeterStatus.ALARM1
    settle(ui)
    qtbot.waitUntil(lambda: page.detail.text("remaining") == "42.00", timeout=10_000)
    page.detach_poller()
