"""The import sheet carries 告警金额1/2, 功率阈值 and 总表 (issue 14): stored on the meter, downloaded to
prepaid meters, the main meter linked for the loss report; a bad threshold names its row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from acrel_console.services.config_io import ConfigImportService, ImportFailed, export_template
from acrel_console.storage.tables.commands import MeterCommandRow
from tests.services.helpers import make_services
from tests.services.test_config_io import _fill


def test_thresholds_and_main_meter_from_the_sheet(db_url: str, tmp_path: Path) -> None:
    svc, admin = make_services(db_url)
    path = export_template(tmp_path / "t.xlsx")
    _fill(path, [["GW1", 2, "ADL400", "MAIN", "A栋", 1, "", "M-0", "", "", "", ""],
                 ["GW1", 3, "DDSY1352", "A-102", "A栋", 1, "", "M-1", "80", "30.5", "4.4", "M-0"]])
    ConfigImportService(svc.ctx, svc.site).import_file(admin, path)
    meters = {m.meter_no: m for m in svc.site.list_meters(admin)}
    sub = meters["M-1"]
    assert (sub.alarm1_fen, sub.alarm2_fen, sub.overload_power_w) == (8000, 3050, 4400)
    assert meters["M-0"].alarm1_fen is None
    with svc.ctx.read() as s:
        from acrel_console.storage.tables.site import MeterRow

        assert s.get(MeterRow, sub.id).parent_meter_id == meters["M-0"].id
        kinds = [(c.meter_id, c.kind) for c in s.execute(select(MeterCommandRow)).scalars()]
    assert (sub.id, "settings_download") in kinds and all(m != meters["M-0"].id for m, _k in kinds)
    svc.close()


@pytest.mark.parametrize("cells, column", [(["20", "30", "", ""], "alarm1_yuan"), (["", "", "4.405", ""], "overload_kw"),
                                           (["", "", "", "NOPE"], "")])
def test_bad_thresholds_refuse_the_import(db_url: str, tmp_path: Path, cells: list[str], column: str) -> None:
    svc, admin = make_services(db_url)
    path = export_template(tmp_path / "t.xlsx")
    _fill(path, [["GW1", 3, "DDSY1352", "A-102", "A栋", 1, "", "M-1", *cells]])
    with pytest.raises(ImportFailed) as info:
        ConfigImportService(svc.ctx, svc.site).import_file(admin, path)
    bad = [p for p in info.value.problems if p.sheet == "meters"]
    assert bad and bad[0].row == 2 and (not column or bad[0].column == column)
    assert len(svc.site.list_meters(admin)) == 0
    svc.close()
