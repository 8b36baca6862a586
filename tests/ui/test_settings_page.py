"""Settings page: dialogs validate as you type and add buildings, gateways and meters through the service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from acrel_console.ui.building_dialog import BuildingDialog
from acrel_console.ui.gateway_dialog import GatewayDialog
from acrel_console.ui.meter_dialog import MeterDialog
from acrel_console.ui.pages.settings_page import SettingsPage
from tests.ui.conftest import settle, type_text



def _page(qtbot, ui) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    settle(ui)
    return page


def _ok(qtbot, ui, dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)


def test_building_dialog_requires_a_name_and_adds_through_the_service(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    page.buildings.add()
    dialog = page.buildings.dialog
    assert isinstance(dialog, BuildingDialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["name"].text() == "Building name is required."
    type_text(qtbot, dialog.name, "A栋")
    assert dialog._errors["name"].isHidden()
    type_text(qtbot, dialog.floor, "1-5")
    _ok(qtbot, ui, dialog)
    assert [(b.name, b.floor) for b in services.site.list_buildings(admin)] == [("A栋", "1-5")]
    assert page.buildings.model.rowCount() == 1
    assert services.audit.list(admin, kind="building.add")[0].target == "A栋"


def test_duplicate_building_from_the_service_is_shown_in_the_dialog(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_building(admin, "A")
    page = _page(qtbot, ui)
    page.buildings.add()
    dialog = page.buildings.dialog
    type_text(qtbot, dialog.name, "A")
    _ok(qtbot, ui, dialog)
    assert dialog.isVisible()
    assert dialog.general_error.text() == "A building named A already exists."


def test_gateway_dialog_checks_port_live_and_switches_fields_by_mode(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_building(admin, "A")
    page = _page(qtbot, ui)
    page.gateways.add()
    dialog = page.gateways.dialog
    assert isinstance(dialog, GatewayDialog)
    type_text(qtbot, dialog.name, "GW1")
    type_text(qtbot, dialog.host, "127.0.0.1")
    type_text(qtbot, dialog.port, "70000")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["port"].text() == "TCP port: 70000 is outside 1..65535."
    type_text(qtbot, dialog.port, "1502")
    type_text(qtbot, dialog.timeout_ms, "5")
    assert dialog._errors["timeout_ms"].text() == "Timeout (ms): 5 is outside 20..10000."
    type_text(qtbot, dialog.timeout_ms, "300")
    dialog.kind.setCurrentIndex(dialog.kind.findData("serial"))
    assert dialog.form.isRowVisible(dialog.serial_port.parentWidget())
    assert not dialog.form.isRowVisible(dialog.host.parentWidget())
    assert dialog._errors["serial_port"].text() == "Serial port is required."
    dialog.kind.setCurrentIndex(dialog.kind.findData("rtu-over-tcp"))
    dialog.building.setCurrentIndex(dialog.building.findData("A"))
    _ok(qtbot, ui, dialog)
    [gw] = services.site.list_gateways(admin)
    assert (gw.name, gw.kind, gw.host, gw.port, gw.timeout_ms) == ("GW1", "rtu-over-tcp", "127.0.0.1", 1502, 300)
    assert gw.building_id == services.site.list_buildings(admin)[0].id and gw.zone == ""
    assert page.gateways.model.rowCount() == 1
    # an estate (issue 15): the gateway goes to the zone one `serve --zone` polls; a bad name is refused
    page.gateways.select_row(0)
    page.gateways.edit_selected()
    dialog = page.gateways.dialog
    assert isinstance(dialog, GatewayDialog) and dialog.zone.text() == ""
    type_text(qtbot, dialog.zone, "楼 B")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["zone"].text() == "Zone '楼 B': use letters, digits, '-' and '_'."
    type_text(qtbot, dialog.zone, "building-b")
    _ok(qtbot, ui, dialog)
    assert [g.zone for g in services.site.list_gateways(admin)] == ["building-b"]


def test_meter_dialog_refuses_a_bad_or_taken_address_and_adds_a_meter(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    services.site.add_meter(admin, gateway="GW1", address=1, model="DDSY1352", room="A-101")
    page = _page(qtbot, ui)
    page.meters.add()
    dialog = page.meters.dialog
    assert isinstance(dialog, MeterDialog)
    assert dialog.model.count() >= 2  # the known models came through the background snapshot
    type_text(qtbot, dialog.address, "300")
    type_text(qtbot, dialog.room, "A-102")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["address"].text() == "RS485 address: 300 is outside 1..247."
    type_text(qtbot, dialog.address, "1")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["address"].text() == "Address 1 is already used on bus GW1."
    type_text(qtbot, dialog.address, "2")
    type_text(qtbot, dialog.ct_ratio, "x")
    assert dialog._errors["ct_ratio"].text() == "CT ratio: 'x' is not a whole number."
    type_text(qtbot, dialog.ct_ratio, "50")
    dialog.model.setCurrentIndex(dialog.model.findData("DTSY1352"))
    _ok(qtbot, ui, dialog)
    meters = services.site.list_meters(admin)
    assert [(m.address, m.model, m.room, m.ct_ratio) for m in meters] == [(1, "DDSY1352", "A-101", 1),
                                                                          (2, "DTSY1352", "A-102", 50)]
    assert page.meters.model.rowCount() == 2


def test_edit_and_delete_a_building(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_building(admin, "Old")
    page = _page(qtbot, ui)
    assert not page.buildings.edit_button.isEnabled() and not page.buildings.delete_button.isEnabled()
    page.buildings.select_row(0)
    assert page.buildings.edit_button.isEnabled() and page.buildings.delete_button.isEnabled()
    page.buildings.edit_selected()
    dialog = page.buildings.dialog
    type_text(qtbot, dialog.name, "New")
    _ok(qtbot, ui, dialog)
    assert [b.name for b in services.site.list_buildings(admin)] == ["New"]
    page.buildings.select_row(0)
    page.buildings.delete_selected()
    box = page.buildings.findChild(QMessageBox, "confirmBox")
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
    yes.click()
    settle(ui)
    assert services.site.list_buildings(admin) == []
    assert page.buildings.model.rowCount() == 0


def test_site_defaults_are_edited_in_yuan_and_validated(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    form = page.defaults
    alarm1, alarm2 = form.editors["alarm1_fen"], form.editors["alarm2_fen"]
    assert alarm1.text() == "50.00" and alarm2.text() == "20.00"
    assert not form.save_button.isEnabled()  # nothing changed yet
    type_text(qtbot, alarm2, "60")
    assert not form.save_button.isEnabled()
    assert "Alarm 1 must be greater than alarm 2" in form.errors["alarm1_fen"].text()
    type_text(qtbot, alarm2, "12.345")
    assert form.errors["alarm2_fen"].text() == "An amount has at most two decimals (fen): 12.345."
    type_text(qtbot, alarm2, "12.5")
    type_text(qtbot, form.editors["status_interval_s"], "5")
    assert form.errors["status_interval_s"].text() == "Status sweep interval (s): 5 is outside 10..3600."
    type_text(qtbot, form.editors["status_interval_s"], "120")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(ui)
    values = services.settings.get_all(admin)
    assert values["alarm2_fen"] == 1250 and values["status_interval_s"] == 120
    assert not form.save_button.isEnabled()


def test_quick_configuration_round_trip(qtbot, ui, services, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    path = tmp_path / "template.xlsx"
    page.quick.export_to(str(path))
    settle(ui)
    assert path.exists(), page.quick.error.text()
    page.quick.import_from(str(path))
    settle(ui)
    assert page.quick.result.text().startswith("Imported "), page.quick.error.text()
    assert [g.name for g in services.site.list_gateways(admin)]
    assert page.meters.model.rowCount() == len(services.site.list_meters(admin)) > 0


def test_a_refused_import_names_sheet_row_and_column(qtbot, ui, services, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    page = _page(qtbot, ui)
    path = tmp_path / "template.xlsx"
    page.quick.export_to(str(path))
    settle(ui)
    wb = load_workbook(path)
    ws = wb["meters"]
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if cell.value == 1 and cell.column == 2:
                cell.value = 999
    wb.save(path)
    page.quick.import_from(str(path))
    settle(ui)
    text = page.quick.error.text()
    assert text.startswith("Import refused, nothing changed:")
    assert "Sheet meters, row" in text and "999" in text
    assert services.site.list_gateways(admin) == []


def test_edit_a_gateway_to_serial_and_move_a_meter(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    services.site.add_gateway(admin, name="GW2", kind="modbus-tcp", host="127.0.0.1", port=1503)
    services.site.add_meter(admin, gateway="GW1", address=7, model="DDSY1352", room="A-101")
    page = _page(qtbot, ui)
    page.gateways.select_row(0)
    page.gateways.edit_selected()
    dialog = page.gateways.dialog
    assert dialog.name.text() == "GW1" and dialog.port.text() == "1502"
    dialog.kind.setCurrentIndex(dialog.kind.findData("serial"))
    type_text(qtbot, dialog.serial_port, "/dev/ttyUSB1")
    dialog.baud.setCurrentIndex(dialog.baud.findData(2400))
    dialog.parity.setCurrentIndex(dialog.parity.findData("E"))
    dialog.enabled.setChecked(False)
    _ok(qtbot, ui, dialog)
    gw1 = next(g for g in services.site.list_gateways(admin) if g.name == "GW1")
    assert (gw1.kind, gw1.serial_port, gw1.baud, gw1.parity, gw1.host) == ("serial", "/dev/ttyUSB1", 2400, "E", None)
    assert not gw1.enabled

    page.meters.select_row(0)
    page.meters.edit_selected()
    dialog = page.meters.dialog
    assert dialog.address.text() == "7" and dialog.room.text() == "A-101"
    dialog.gateway.setCurrentIndex(dialog.gateway.findData("GW2"))
    _ok(qtbot, ui, dialog)
    [meter] = services.site.list_meters(admin)
    assert (meter.gateway, meter.address) == ("GW2", 7)
    assert [e.kind for e in services.audit.list(admin, kind="meter.update")] == ["meter.update"]


def test_site_defaults_are_grouped_and_every_setting_has_an_editor(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QGroupBox

    from acrel_console.services.site_settings import SPECS

    page = _page(qtbot, ui)
    form = page.defaults
    assert set(form.editors) == {s.key for s in SPECS}
    money = form.findChild(QGroupBox, "section_money")
    assert money.isAncestorOf(form.editors["alarm1_fen"]) and money.isAncestorOf(form.editors["max_credit_fen"])
    assert form.findChild(QGroupBox, "section_general").isAncestorOf(form.editors["status_interval_s"])
    for spec in SPECS:
        assert form.editors[spec.key].toolTip()  # the help text


def test_search_narrows_a_table_and_edit_opens_the_row_found(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    for address, room in ((1, "A-101"), (2, "B-201"), (3, "B-202")):
        services.site.add_meter(admin, gateway="GW1", address=address, model="DDSY1352", room=room)
    page = _page(qtbot, ui)
    table = page.meters
    assert table.count_label.text() == "Rows: 3"
    type_text(qtbot, table.search, "b-20")
    assert table.view.model().rowCount() == 2
    assert table.count_label.text() == "Rows: 2 of 3"
    type_text(qtbot, table.search, "A-101")
    table.select_row(0)
    table.edit_selected()
    assert table.dialog.room.text() == "A-101" and table.dialog.address.text() == "1"


def test_gateway_dialog_sets_local_echo(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: a per-gateway local echo setting for two-wire adapters that echo partially."""
    page = _page(qtbot, ui)
    page.gateways.add()
    dialog = page.gateways.dialog
    assert isinstance(dialog, GatewayDialog)
    type_text(qtbot, dialog.name, "COM1")
    dialog.kind.setCurrentIndex(dialog.kind.findData("rtu-over-tcp"))
    type_text(qtbot, dialog.host, "127.0.0.1")
    type_text(qtbot, dialog.port, "4196")
    assert not dialog.local_echo.isChecked()
    dialog.local_echo.setChecked(True)
    _ok(qtbot, ui, dialog)
    [gw] = services.site.list_gateways(admin)
    assert gw.local_echo is True
    edit = GatewayDialog(ui, [], gw)
    qtbot.addWidget(edit)
    assert edit.local_echo.isChecked()


def test_meter_dialog_sets_thresholds_and_main_meter(qtbot, ui, services, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """告警金额1/2, 功率阈值 and 总表 in the meter dialog (issue 14): validated as typed; a console-billed
    meter takes them at once; a prepaid meter gets a settings download and shows them once confirmed."""
    from sqlalchemy import select

    from acrel_console.storage.tables.commands import MeterCommandRow
    from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot

    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    main = services.site.add_meter(admin, gateway="GW1", address=1, model="ADL400", room="总表", meter_no="M-0")
    sub = services.site.add_meter(admin, gateway="GW1", address=2, model="ADL400", room="A-102")
    prepaid = services.site.add_meter(admin, gateway="GW1", address=3, model="DDSY1352", room="A-103")
    page = _page(qtbot, ui)
    page.meters.select_row(1)
    page.meters.edit_selected()
    dialog = page.meters.dialog
    assert isinstance(dialog, MeterDialog)
    assert [dialog.main_meter.itemData(i) for i in range(dialog.main_meter.count())] == [None, main.id, prepaid.id]
    type_text(qtbot, dialog.alarm1, "10")
    type_text(qtbot, dialog.alarm2, "40")
    assert not dialog.ok_button.isEnabled()
    assert dialog._errors["alarm1_yuan"].text() == "Alarm 1 must be greater than alarm 2, and alarm 2 at least zero."
    type_text(qtbot, dialog.alarm1, "60")
    type_text(qtbot, dialog.alarm2, "20.5")
    type_text(qtbot, dialog.overload, "4.405")
    assert dialog._errors["overload_kw"].isVisible() or not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.overload, "6.6")
    dialog.main_meter.setCurrentIndex(dialog.main_meter.findData(main.id))
    _ok(qtbot, ui, dialog)
    got = services.site.get_meter(admin, sub.id)
    assert (got.alarm1_fen, got.alarm2_fen, got.overload_power_w, got.parent_meter_id) == (6000, 2050, 6600, main.id)
    row = page.meters.model.records().index(got)
    cells = [page.meters.model.index(row, c).data() for c in range(8, 12)]
    assert cells == ["60.00", "20.50", "6.6", "M-0"]
    # the main meter cannot become a sub-meter: its 总表 choice is locked
    page.meters.select_row(0)
    page.meters.edit_selected()
    assert not page.meters.dialog.main_meter.isEnabled()
    page.meters.dialog.reject()
    # a prepaid meter: downloaded, the row unchanged until the meter confirms
    page.meters.select_row(2)
    page.meters.edit_selected()
    dialog = page.meters.dialog
    type_text(qtbot, dialog.alarm1, "80")
    type_text(qtbot, dialog.alarm2, "30")
    assert "read-back" in dialog.note.text()
    for code in LANGUAGES:
        with language(code):
            shown = MeterDialog(ui, page.snapshot.gateways, page.snapshot.buildings, page.snapshot.models,
                                page.snapshot.meters, page.snapshot.meters[2], page)
            qtbot.addWidget(shown)
            shown.alarm1.setText("80")
            shown.alarm2.setText("30")
            shown.show()
            shot(shown, f"meter-dialog-thresholds-{code}", tmp_path)
            labels = [shown.form.labelForField(shown.editor(k).parentWidget()).text()
                      for k in ("alarm1_yuan", "alarm2_yuan", "overload_kw", "main_meter")]
            assert missing_glyphs(shown, labels + [shown.note.text()]) == []
            if code == "zh_CN":
                assert labels[:2] == ["告警金额1（元）", "告警金额2（元）"] and labels[3] == "总表"
            shown.reject()
    _ok(qtbot, ui, dialog)
    assert services.site.get_meter(admin, prepaid.id).alarm1_fen is None
    with services.ctx.read() as s:
        [(kind, payload)] = s.execute(select(MeterCommandRow.kind, MeterCommandRow.payload_json)
                                      .where(MeterCommandRow.meter_id == prepaid.id)).all()
    assert kind == "settings_download" and '"alarm1_fen":8000' in payload
