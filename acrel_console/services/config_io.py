"""Quick configuration (快速配置): the .xlsx template and its all-or-nothing import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_config import SiteConfigService
from acrel_console.services.xlsx_bounds import BoundedWorkbook, WorkbookRefused, XlsxLimits

# Sheet -> columns (field key, header). Headers carry both the Acrel-3200 word and the English key so a
# site can fill the template in either language; only the key after '/' is parsed.
SHEETS: dict[str, list[tuple[str, str]]] = {
    "buildings": [("name", "建筑名 / name"), ("floor", "楼层 / floor"), ("area", "区域 / area"),
                  ("notes", "备注 / notes")],
    "gateways": [("name", "网关编号 / name"), ("kind", "网关模式 / kind"), ("host", "IP / host"),
                 ("port", "TCP端口 / port"), ("serial_port", "串口号 / serial_port"), ("baud", "波特率 / baud"),
                 ("parity", "校验 / parity"), ("stopbits", "停止位 / stopbits"), ("timeout_ms", "超时ms / timeout_ms"),
                 ("retries", "重试 / retries"), ("inter_frame_delay_ms", "帧间隔ms / inter_frame_delay_ms"),
                 ("building", "建筑 / building"), ("local_echo", "本地回显 / local_echo"),
                 ("zone", "分区 / zone")],
    "meters": [("gateway", "网关编号 / gateway"), ("address", "表地址 / address"), ("model", "型号 / model"),
               ("room", "商铺号 / room"), ("building", "建筑 / building"), ("ct_ratio", "CT变比 / ct_ratio"),
               ("circuit", "回路 / circuit"), ("meter_no", "仪表编号 / meter_no"),
               ("alarm1_yuan", "告警金额1 / alarm1_yuan"), ("alarm2_yuan", "告警金额2 / alarm2_yuan"),
               ("overload_kw", "功率阈值(kW) / overload_kw"), ("main_meter", "总表 / main_meter")],
}
EXAMPLES: dict[str, list[list[Any]]] = {
    "buildings": [["A栋", "1-5", "东区", ""]],
    "gateways": [["GW1", "modbus-tcp", "192.0.2.10", 502, "", 9600, "N", 1, 500, 1, 0, "A栋", "no", ""],
                 ["COM1", "serial", "", "", "/dev/ttyUSB0", 9600, "N", 1, 500, 1, 0, "A栋", "no", ""]],
    "meters": [["GW1", 1, "DDSY1352", "A-101", "A栋", 1, "", "000000000001", "50.00", "20.00", "10", ""]],
}


@dataclass(frozen=True, slots=True)
class ImportProblem:
    sheet: str
    row: int
    column: str
    message: str  # English; the template/params below let the UI translate it
    template: str
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ImportReport:
    buildings: int
    gateways: int
    meters: int


class ImportFailed(UserError):
    """The import was refused; nothing was changed. `problems` names sheet, row and column of each."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Import refused, nothing changed: sheet {sheet}, row {row}, column {column}: "
                                        "{message} ({count} problems in all)"),
            sheet=first.sheet, row=first.row, column=first.column,
            message=UserError(first.template, **first.params), count=len(problems))


def export_template(path: str | Path) -> Path:
    """Write the quick-configuration template with one example row per sheet."""
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for sheet, columns in SHEETS.items():
        ws = wb.create_sheet(sheet)
        ws.append([h for _, h in columns])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in EXAMPLES[sheet]:
            ws.append(row)
        for i, (_, header) in enumerate(columns, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(12, len(header) + 4)
        ws.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _header_problems(sheet: str, header: tuple[Any, ...]) -> tuple[list[str], list[ImportProblem]]:
    """The field key of each header cell ('' for an empty one) and a problem for every header that is not
    one of the sheet's columns, or that appears twice (a column named `s` or `actor` used to reach the
    service's own arguments)."""
    known = [key for key, _h in SHEETS[sheet]]
    keys: list[str] = []
    problems: list[ImportProblem] = []
    for i, cell in enumerate(header, start=1):
        text = "" if cell is None else str(cell)
        key = text.split("/")[-1].strip()
        column = get_column_letter(i)
        if key and key not in known:
            problems.append(_problem(sheet, 1, UserError(QT_TRANSLATE_NOOP(
                "errors", "Unknown column '{header}'; this sheet's columns are: {known}."),
                header=text[:60], known=", ".join(known)), column))
            key = ""
        elif key and key in keys:
            problems.append(_problem(sheet, 1, UserError(QT_TRANSLATE_NOOP(
                "errors", "Column '{header}' appears twice."), header=text[:60]), column))
            key = ""
        keys.append(key)
    return keys, problems


def _read_sheet(wb: BoundedWorkbook, sheet: str) -> tuple[list[tuple[int, dict[str, Any]]], list[ImportProblem]]:
    """The sheet's filled rows as field dicts, and the problems of its header and of cells outside it."""
    if sheet not in wb.sheetnames:
        return [], []
    rows = wb.rows(sheet)
    first = next(rows, None)
    if first is None:
        return [], []
    header = first[1]
    keys, problems = _header_problems(sheet, header)
    out = []
    for n, values in rows:
        if all(v in (None, "") for v in values):
            continue
        for i, v in enumerate(values):
            if v not in (None, "") and (i >= len(header) or header[i] in (None, "")):
                problems.append(_problem(sheet, n, UserError(QT_TRANSLATE_NOOP(
                    "errors", "A value in a column without a header.")), get_column_letter(i + 1)))
        record = {k: ("" if v is None else v) for k, v in zip(keys, values) if k}
        out.append((n, record))
    return out, problems


def _problem(sheet: str, row: int, err: UserError, column: str | None = None) -> ImportProblem:
    col = column or (err.field if isinstance(err, ValidationError) and err.field else "")
    return ImportProblem(sheet, row, col, err.english(), err.template, dict(err.params))


class _Rollback(Exception):
    """Raised inside the import transaction to undo everything."""


class ConfigImportService:
    """Import a filled template: every row validated, all or nothing, one log entry per row."""

    def __init__(self, ctx: ServiceContext, site: SiteConfigService) -> None:
        self.ctx = ctx
        self.site = site

    @requires(Permission.CONFIGURE_SITE)
    def import_file(self, actor: Actor, path: str | Path, *, limits: XlsxLimits | None = None) -> ImportReport:
        """Read the workbook within `limits` (size, zip ratio, rows, columns, cells, time: checked before
        and while parsing), then import every row in one transaction or none."""
        problems: list[ImportProblem] = []
        data: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        with BoundedWorkbook(path, limits) as wb:  # WorkbookRefused names the file, or sheet/row/column
            for sheet in SHEETS:
                data[sheet], found = _read_sheet(wb, sheet)
                problems.extend(found)
        if problems:
            raise ImportFailed(problems)
        counts = {"buildings": 0, "gateways": 0, "meters": 0}
        try:
            with self.ctx.transaction() as s:
                for n, rec in data["buildings"]:
                    try:
                        with s.begin_nested():
                            self.site.add_building_in(s, actor, rec.get("name", ""), str(rec.get("floor", "")),
                                                      str(rec.get("area", "")), str(rec.get("notes", "")))
                        counts["buildings"] += 1
                    except UserError as err:
                        problems.append(_problem("buildings", n, err, getattr(err, "field", None) or "name"))
                for n, rec in data["gateways"]:
                    try:
                        with s.begin_nested():
                            self.site.add_gateway_in(s, actor, **_gateway_fields(rec))
                        counts["gateways"] += 1
                    except UserError as err:
                        problems.append(_problem("gateways", n, err, getattr(err, "field", None) or "name"))
                for n, rec in data["meters"]:
                    try:
                        with s.begin_nested():
                            self.site.add_meter_in(s, actor, download_reason="quick configuration import", **rec)
                        counts["meters"] += 1
                    except UserError as err:
                        column = getattr(err, "field", None) or ("address" if "ddress" in err.template else "gateway")
                        problems.append(_problem("meters", n, err, column))
                if problems:
                    raise _Rollback
                audit.append(s, actor, "config.import", Path(path).name, after=counts, at=self.ctx.clock())
        except _Rollback:
            raise ImportFailed(problems) from None
        return ImportReport(**counts)


def _gateway_fields(rec: dict[str, Any]) -> dict[str, Any]:
    fields = dict(rec)
    for key in ("port", "baud", "stopbits", "timeout_ms", "retries", "inter_frame_delay_ms", "local_echo"):
        if fields.get(key) in ("", None):
            fields.pop(key, None)
    return fields
