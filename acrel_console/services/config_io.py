"""Quick configuration (快速配置): the .xlsx template and its all-or-nothing import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_config import SiteConfigService

# Sheet -> columns (field key, header). Headers carry both the Acrel-3200 word and the English key so a
# site can fill the template in either language; only the key after '/' is parsed.
SHEETS: dict[str, list[tuple[str, str]]] = {
    "buildings": [("name", "建筑名 / name"), ("floor", "楼层 / floor"), ("area", "区域 / area"),
                  ("notes", "备注 / notes")],
    "gateways": [("name", "网关编号 / name"), ("kind", "网关模式 / kind"), ("host", "IP / host"),
                 ("port", "TCP端口 / port"), ("serial_port", "串口号 / serial_port"), ("baud", "波特率 / baud"),
                 ("parity", "校验 / parity"), ("stopbits", "停止位 / stopbits"), ("timeout_ms", "超时ms / timeout_ms"),
                 ("retries", "重试 / retries"), ("inter_frame_delay_ms", "帧间隔ms / inter_frame_delay_ms"),
                 ("building", "建筑 / building"), ("local_echo", "本地回显 / local_echo")],
    "meters": [("gateway", "网关编号 / gateway"), ("address", "表地址 / address"), ("model", "型号 / model"),
               ("room", "商铺号 / room"), ("building", "建筑 / building"), ("ct_ratio", "CT变比 / ct_ratio"),
               ("circuit", "回路 / circuit"), ("meter_no", "仪表编号 / meter_no")],
}
EXAMPLES: dict[str, list[list[Any]]] = {
    "buildings": [["A栋", "1-5", "东区", ""]],
    "gateways": [["GW1", "modbus-tcp", "192.0.2.10", 502, "", 9600, "N", 1, 500, 1, 0, "A栋", "no"],
                 ["COM1", "serial", "", "", "/dev/ttyUSB0", 9600, "N", 1, 500, 1, 0, "A栋", "no"]],
    "meters": [["GW1", 1, "DDSY1352", "A-101", "A栋", 1, "", "000000000001"]],
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
            sheet=first.sheet, row=first.row, column=first.column, message=first.message, count=len(problems))


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


def _read_sheet(wb: Any, sheet: str) -> list[tuple[int, dict[str, Any]]]:
    if sheet not in wb.sheetnames:
        return []
    ws = wb[sheet]
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return []
    keys = [str(h).split("/")[-1].strip() if h is not None else "" for h in rows[0]]
    out = []
    for n, values in enumerate(rows[1:], start=2):
        if values is None or all(v in (None, "") for v in values):
            continue
        record = {k: ("" if v is None else v) for k, v in zip(keys, values) if k}
        out.append((n, record))
    return out


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
    def import_file(self, actor: Actor, path: str | Path) -> ImportReport:
        try:
            wb = load_workbook(Path(path), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is the same user error
            raise UserError(QT_TRANSLATE_NOOP("errors", "Cannot read {path} as an .xlsx workbook: {reason}"),
                            path=str(path), reason=type(exc).__name__) from None
        data = {sheet: _read_sheet(wb, sheet) for sheet in SHEETS}
        wb.close()
        problems: list[ImportProblem] = []
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
                            self.site.add_meter_in(s, actor, **rec)
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
