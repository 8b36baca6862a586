"""Quick configuration: template round trip; a bad row names sheet/row/column and nothing is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from acrel_console.services.config_io import ConfigImportService, ImportFailed, export_template
from tests.services.helpers import make_services


def _fill(path: Path, meters: list[list[object]]) -> None:
    wb = load_workbook(path)
    ws = wb["meters"]
    ws.delete_rows(2, ws.max_row)
    for row in meters:
        ws.append(row)
    wb.save(path)


def test_template_imports_as_is(db_url: str, tmp_path: Path) -> None:
    svc, admin = make_services(db_url)
    path = export_template(tmp_path / "template.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["buildings", "gateways", "meters"]
    assert wb["meters"]["B1"].value == "表地址 / address"
    report = ConfigImportService(svc.ctx, svc.site).import_file(admin, path)
    assert (report.buildings, report.gateways, report.meters) == (1, 2, 1)
    assert [m.room for m in svc.site.list_meters(admin)] == ["A-101"]
    assert any(e.kind == "config.import" for e in svc.audit.list(admin))
    svc.close()


def test_bad_rows_refuse_everything(db_url: str, tmp_path: Path) -> None:
    svc, admin = make_services(db_url)
    path = export_template(tmp_path / "t.xlsx")
    _fill(path, [["GW1", 1, "DDSY1352", "A-101", "A栋", 1, "", ""],
                 ["GW1", 1, "DTSY1352", "A-102", "A栋", 1, "", ""],  # duplicate address on one bus
                 ["GW1", 300, "DDSY1352", "A-103", "", 1, "", ""],  # address out of range
                 ["GW1", 4, "XYZ", "A-104", "", 1, "", ""]])  # unknown model
    with pytest.raises(ImportFailed) as e:
        ConfigImportService(svc.ctx, svc.site).import_file(admin, path)
    problems = [(p.sheet, p.row, p.column) for p in e.value.problems]
    assert problems == [("meters", 3, "address"), ("meters", 4, "address"), ("meters", 5, "model")]
    assert "sheet meters, row 3, column address" in str(e.value)
    assert svc.site.list_meters(admin) == [] and svc.site.list_gateways(admin) == []  # all or nothing
    assert svc.site.list_buildings(admin) == []
    svc.close()


def test_unreadable_file(db_url: str, tmp_path: Path) -> None:
    from acrel_console.domain.errors import UserError

    svc, admin = make_services(db_url)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="Cannot read"):
        ConfigImportService(svc.ctx, svc.site).import_file(admin, bad)
    svc.close()
