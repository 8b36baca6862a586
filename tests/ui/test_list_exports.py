"""Exports of the alarms, operators, tariffs and site-configuration lists (issue 14): each sheet is what its
screen shows — the same rows in the same order after the search box, the same columns and words in the
interface language, the filter and period named in the head (ui.list_export over ui.screen_table)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from acrel_console.domain.roles import Role
from acrel_console.services.tariffs import TariffBody
from acrel_console.ui.cashier.tariffs_panel import TariffsPanel
from acrel_console.ui.pages.operators_page import OperatorsPage
from acrel_console.ui.pages.settings_page import SettingsPage
from tests.ui.conftest import settle, type_text
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot, shown_page
from tests.ui.sheet_compare import assert_sheet_matches
from tests.ui.test_alarms_page import make_page as alarms_page
from tests.ui.test_alarms_page import site as alarm_site  # noqa: F401 - fixture


def _export(qtbot, export, path: Path):  # type: ignore[no-untyped-def]
    export.export_to(str(path))
    qtbot.waitUntil(lambda: export.last_export is not None or bool(export.last_error), timeout=20_000)
    assert export.last_export is not None, export.last_error
    return export.last_export


def _site(services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_building(admin, "A栋", "1-5")
    services.site.add_building(admin, "B栋")
    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502, building="A栋")
    services.site.add_gateway(admin, name="COM1", kind="serial", serial_port="/dev/ttyUSB0", building="B栋")
    main = services.site.add_meter(admin, gateway="GW1", address=1, model="ADL400", room="总表", meter_no="M-0")
    services.site.add_meter(admin, gateway="GW1", address=2, model="ADL400", room="A-101", alarm1_yuan="60",
                            alarm2_yuan="20.5", overload_kw="6.6", main_meter=main.id)
    services.site.add_meter(admin, gateway="COM1", address=3, model="DDSY1352", room="A-102", ct_ratio=50)


def test_settings_meters_tab_screenshots(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _site(services, admin)
    for code in LANGUAGES:
        with language(code):
            page = shown_page(qtbot, ui, SettingsPage, (1366, 600))
            page.tabs.setCurrentWidget(page.meters)
            headers = [page.meters.proxy.headerData(c, Qt.Orientation.Horizontal)
                       for c in range(page.meters.proxy.columnCount())]
            assert missing_glyphs(page, headers + [page.meters.export.button.text()]) == []
            shot(page, f"settings-meters-{code}", tmp_path)
            page.close()


def test_site_configuration_lists_export_as_shown(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _site(services, admin)
    with language("zh_CN"):
        page = shown_page(qtbot, ui, SettingsPage)
        meters = page.meters
        type_text(qtbot, meters.search, "A-10")
        meters.view.sortByColumn(3, meters.view.horizontalHeader().sortIndicatorOrder())  # by room, as clicked
        assert meters.proxy.rowCount() == 2
        result = _export(qtbot, meters.export, tmp_path / "meters.xlsx")
        sheet = assert_sheet_matches(tmp_path / "meters.xlsx", meters.proxy, result.header_row,
                                     filters=[("搜索", "A-10")])
        assert sheet.title == "仪表" and sheet.headers[:2] == ["网关编号", "表地址"]
        assert [r[3] for r in sheet.rows] == ["A-101", "A-102"] and sheet.rows[0][8] == 60
        for table, name in ((page.buildings, "buildings"), (page.gateways, "gateways")):
            result = _export(qtbot, table.export, tmp_path / f"{name}.xlsx")
            assert_sheet_matches(tmp_path / f"{name}.xlsx", table.proxy, result.header_row, filters=[])
        page.close()


def test_operators_and_tariffs_export_as_shown(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "cash1", Role.CASHIER, "cash-pass", "张三")
    night = services.roles.copy_role(admin, "cashier", "夜班")
    services.operators.add(admin, "night1", night.key, "night-pass")
    services.operators.set_enabled(admin, "cash1", False)
    services.tariffs.create(admin, "峰谷", TariffBody("tou", (12_000, 10_000, 7_000, 4_000),
                                                    ((0, 3), (480, 1), (690, 0), (780, 2), (1320, 3))))
    services.tariffs.create(admin, "阶梯", TariffBody("tiered", (5_000,) * 4, tiers=((20_000, 5_000), (None, 8_000))))
    page = shown_page(qtbot, ui, OperatorsPage)
    panel = page.operators
    result = _export(qtbot, panel.export, tmp_path / "operators.xlsx")
    sheet = assert_sheet_matches(tmp_path / "operators.xlsx", panel.model, result.header_row)
    assert [r[2] for r in sheet.rows] == ["Administrator", "Cashier", "夜班"] and sheet.rows[1][3] == "Disabled"
    tariffs = TariffsPanel(ui)
    qtbot.addWidget(tariffs)
    tariffs.reload()
    settle(ui)
    result = _export(qtbot, tariffs.export, tmp_path / "tariffs.xlsx")
    sheet = assert_sheet_matches(tmp_path / "tariffs.xlsx", tariffs.model, result.header_row)
    assert sorted(r[0] for r in sheet.rows) == ["峰谷", "阶梯"] and sheet.title == "Tariffs"


def test_alarm_lists_export_as_shown(qtbot, ui, services, alarm_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with language("zh_CN"):
        page = alarms_page(ui, qtbot)
        assert page.active_model.rowCount() == 2
        result = _export(qtbot, page.active_export, tmp_path / "active.xlsx")
        sheet = assert_sheet_matches(tmp_path / "active.xlsx", page.active_model, result.header_row)
        assert sheet.title == "实时报警"
        page.tabs.setCurrentIndex(1)
        page.load_history()
        settle(ui)
        assert page.history_model.rowCount() == 3
        result = _export(qtbot, page.history_export, tmp_path / "history.xlsx")
        sheet = assert_sheet_matches(tmp_path / "history.xlsx", page.history_model, result.header_row)
        assert ("期间", page.shown_period) in [(label, str(v)) for label, v in sheet.head]
        page.close()


def test_accounts_export_every_account_the_search_finds(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """开户查询: the sheet has the list's columns and every account of the search (all pages), the search named."""
    from acrel_console.services.accounts import AccountService
    from acrel_console.ui.pages.accounts_page import AccountsPage

    services.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    ids = [services.site.add_meter(admin, gateway="G", address=a, model="ADL400", room=f"R{a:03d}").id
           for a in range(1, 6)]
    accounts = AccountService(services.ctx)
    for i, mid in enumerate(ids):
        accounts.open_account(admin, "张记" if i % 2 == 0 else "Li", f"R{i + 1:03d}", [mid])
    with language("zh_CN"):
        page = AccountsPage(ui)
        page.page_rows = 2  # three accounts match: two pages on screen
        qtbot.addWidget(page)
        page.show()
        page.activated()
        settle(ui)
        type_text(qtbot, page.search_box, "张记")
        page.reload(0)
        settle(ui)
        assert page.model.rowCount() == 2 and page.next_button.isEnabled()
        result = _export(qtbot, page.export, tmp_path / "accounts.xlsx")
        from tests.ui.sheet_compare import read_sheet

        sheet = read_sheet(tmp_path / "accounts.xlsx", result.header_row)
        assert sheet.headers == [page.model.headerData(c, Qt.Orientation.Horizontal)
                                 for c in range(page.model.columnCount())]
        assert len(sheet.rows) == 3 and {r[1] for r in sheet.rows} == {"张记"}
        assert ("搜索", "张记") in [(label, str(v)) for label, v in sheet.head]
        assert sheet.title == "开户查询" and [(label, str(v)) for label, v in sheet.tail] == [("查询到的账户数", "3")]
        page.page_rows = 10  # one page: the sheet is exactly the screen
        page.reload(0)
        settle(ui)
        result = _export(qtbot, page.export, tmp_path / "accounts-all.xlsx")
        assert_sheet_matches(tmp_path / "accounts-all.xlsx", page.model, result.header_row)
        page.close()
