"""Quick-configuration import of hostile workbooks (issue 11): a zip bomb refused from its directory, a
6 KB workbook declaring a million rows refused at once, unexpected headers and odd cells as clear
problems naming sheet/row/column, every limit a translated refusal, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from acrel_console.domain.errors import UserError
from acrel_console.services.config_io import ConfigImportService, ImportFailed, export_template
from acrel_console.services.xlsx_bounds import WorkbookRefused, XlsxLimits
from tests.services.helpers import make_services

BOUND_S = 120  # far above what a bounded import takes; the unbounded one ran past 300 s


def _finishes(fn: Callable[[], Any]) -> BaseException | Any:
    """Run fn in a thread; its exception or result. The test fails (instead of hanging) past BOUND_S."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(BOUND_S)
    assert not t.is_alive(), f"the import was still running after {BOUND_S} s"
    return out[0]


def _rewrite_sheet(src: Path, dest: Path, sheet_xml: Callable[[str], str], member: str = "xl/worksheets/sheet3.xml",
                   drop: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if info.filename == member:
                data = sheet_xml(data.decode()).encode()
            zout.writestr(info, data)
    return dest


@pytest.fixture
def service(sqlite_url: str) -> Any:
    svc, admin = make_services(sqlite_url)
    yield ConfigImportService(svc.ctx, svc.site), admin, svc
    svc.close()


def test_six_kb_workbook_declaring_a_million_rows_is_refused_at_once(service: Any, tmp_path: Path) -> None:
    """The sheet declares A1:XFD1048576 and has one cell in its last row: openpyxl padded a million gap
    rows to 16,384 columns (the import ran past 300 s). Now the row limit stops it, naming sheet and row."""
    imports, admin, svc = service
    template = export_template(tmp_path / "template.xlsx")

    def huge(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*" ?/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("</sheetData>", '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c>'
                                           '</row></sheetData>')

    path = _rewrite_sheet(template, tmp_path / "huge.xlsx", huge, drop=("xl/theme/theme1.xml", "docProps/app.xml"))
    assert path.stat().st_size < 6 * 1024
    err = _finishes(lambda: imports.import_file(admin, path))
    assert isinstance(err, WorkbookRefused), err
    assert (err.sheet, err.row) == ("meters", XlsxLimits().rows + 1)
    assert "Sheet meters has more than 20000 rows" in str(err)
    assert svc.site.list_buildings(admin) == []  # nothing imported


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1 MB .xlsx whose meters sheet inflates to 1 GB (blank padding inside the sheet XML)."""
    src = export_template(tmp_path_factory.mktemp("bomb") / "template.xlsx")
    dest = src.with_name("bomb.xlsx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet3.xml":
                zout.writestr(info, zin.read(info.filename))
        head, tail = zin.read("xl/worksheets/sheet3.xml").decode().split("<sheetData>")
        with zout.open("xl/worksheets/sheet3.xml", "w", force_zip64=True) as out:
            out.write((head + "<sheetData>").encode())
            pad = b" " * (1 << 20)
            for _ in range(1024):
                out.write(pad)
            out.write(tail.encode())
    assert dest.stat().st_size < 1.5 * 1024 * 1024
    return dest


def test_zip_bomb_is_refused_without_inflating_it(service: Any, zip_bomb: Path) -> None:
    imports, admin, _svc = service
    tracemalloc.start()
    try:
        err = _finishes(lambda: imports.import_file(admin, zip_bomb))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(err, WorkbookRefused), err
    assert "xl/worksheets/sheet3.xml" in str(err) and "zip bomb" in str(err)
    assert peak < 20 * 1024 * 1024, f"{peak} bytes allocated: the bomb was inflated"


def test_inflated_size_and_file_size_limits(service: Any, tmp_path: Path) -> None:
    imports, admin, _svc = service
    template = export_template(tmp_path / "t.xlsx")
    with pytest.raises(WorkbookRefused, match="would inflate to"):
        imports.import_file(admin, template, limits=XlsxLimits(inflated_bytes=10_000))
    with pytest.raises(WorkbookRefused, match="an import file may have at most"):
        imports.import_file(admin, template, limits=XlsxLimits(file_bytes=1000))
    with pytest.raises(WorkbookRefused, match="Cannot read"):
        imports.import_file(admin, tmp_path / "missing.xlsx")


def _fill(path: Path, sheet: str, header: list[Any] | None, rows: list[list[Any]]) -> Path:
    wb = load_workbook(path)
    ws = wb[sheet]
    if header is not None:
        for i, h in enumerate(header, start=1):
            ws.cell(1, i, h)
    ws.delete_rows(2, ws.max_row)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("header", ["s", "actor", "self", "gateway_id", "enabled"])
def test_unexpected_header_is_a_problem_naming_its_column(service: Any, tmp_path: Path, header: str) -> None:
    """A column named `s` or `actor` reached the service's own arguments (a TypeError traceback)."""
    imports, admin, svc = service
    path = export_template(tmp_path / "t.xlsx")
    _fill(path, "meters", [None] * 8 + [header], [["GW1", 1, "DDSY1352", "A-101", "A栋", 1, "", "", "x"]])
    with pytest.raises(ImportFailed) as e:
        imports.import_file(admin, path)
    assert [(p.sheet, p.row, p.column) for p in e.value.problems] == [("meters", 1, "I")]
    assert f"Unknown column '{header}'" in str(e.value)
    assert svc.site.list_meters(admin) == []


def test_duplicate_header_and_headerless_values(service: Any, tmp_path: Path) -> None:
    imports, admin, _svc = service
    path = export_template(tmp_path / "t.xlsx")
    _fill(path, "meters", ["网关编号 / gateway", "gateway"], [["GW1", "GW1", "DDSY1352", "A-101", "", 1, "", "",
                                                                 None, None, None, None, None, "stray"]])
    with pytest.raises(ImportFailed) as e:
        imports.import_file(admin, path)
    assert [(p.row, p.column) for p in e.value.problems] == [(1, "B"), (2, "N")]  # the first column past the headers
    assert "appears twice" in e.value.problems[0].message
    assert "without a header" in e.value.problems[1].message


ODD_VALUES: list[Any] = [1.5, -1, 10**30, 1e300, True, datetime(2026, 1, 2, 3, 4), time(12, 0), "#DIV/0!",
                         "=1/0", "x" * 5000, "  ", "１２", "\u202e1", 0]


@pytest.mark.parametrize("sheet", ["buildings", "gateways", "meters"])
def test_odd_cells_in_every_column_are_problems_not_tracebacks(service: Any, tmp_path: Path, sheet: str) -> None:
    imports, admin, svc = service
    path = export_template(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    width = wb[sheet].max_column
    rows = []
    for n, odd in enumerate(ODD_VALUES):
        example = [c.value for c in wb[sheet][2]]
        for col in range(width):
            row = list(example)
            row[col] = odd
            if col == 0 and sheet != "meters":
                row[col] = f"{odd}-{n}"[:40]
            rows.append(row)
    _fill(path, sheet, None, rows)
    try:
        imports.import_file(admin, path)
    except UserError as err:  # refused with problems, or imported: both fine; anything else is a bug
        assert all(p.sheet and p.row >= 2 for p in getattr(err, "problems", [])), err
    assert svc.audit.verify(admin).ok


def test_row_column_cell_and_time_limits_name_where(service: Any, tmp_path: Path) -> None:
    imports, admin, _svc = service
    path = _fill(export_template(tmp_path / "t.xlsx"), "buildings", None, [[f"B{i}"] for i in range(10)])
    with pytest.raises(WorkbookRefused) as e:
        imports.import_file(admin, path, limits=XlsxLimits(rows=5))
    assert (e.value.sheet, e.value.row) == ("buildings", 6)
    with pytest.raises(WorkbookRefused) as e:
        imports.import_file(admin, path, limits=XlsxLimits(columns=3))
    assert (e.value.sheet, e.value.row, e.value.column) == ("buildings", 1, "D")
    with pytest.raises(WorkbookRefused, match="filled cells") as e:
        imports.import_file(admin, path, limits=XlsxLimits(cells=8))
    with pytest.raises(WorkbookRefused, match="longer than 0 s") as e:
        imports.import_file(admin, path, limits=XlsxLimits(seconds=0))
    assert e.value.sheet == "buildings"


def test_cli_import_of_a_bomb_is_one_translated_line(tmp_path: Path, zip_bomb: Path) -> None:
    exe = Path(sys.executable).with_name("acrel-console")
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en")
    assert subprocess.run([str(exe), "init", "--admin", "admin"], env=env, capture_output=True).returncode == 0
    for language, word in (("en", "zip bomb"), ("zh_CN", "压缩炸弹")):
        proc = subprocess.run([str(exe), "--user", "admin", "config", "import", str(zip_bomb)],
                              env=dict(env, ACREL_LANG=language), capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.count("\n") == 1 and word in proc.stderr, proc.stderr


def test_ratio_rule_spares_small_well_compressed_parts(service: Any, tmp_path: Path) -> None:
    """A normal template imports under the default limits (its styles compress well but are small)."""
    imports, admin, _svc = service
    report = imports.import_file(admin, export_template(tmp_path / "t.xlsx"))
    assert (report.buildings, report.gateways, report.meters) == (1, 2, 1)
