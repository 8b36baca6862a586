"""Read an exported .xlsx back and compare it with the Qt model the screen shows (no tests here).

Use `assert_sheet_matches(path, model, header_row)` for every list and report with an Export button: same
headers, same rows in the same order, each cell reading as the screen's text (numbers compared as
numbers, dates and times in the site's zone, a dash on screen is an empty cell), and optionally the same
filter lines in the head and summary lines under the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QAbstractItemModel, Qt

DASHES = ("—", "-", "")


@dataclass
class SheetBack:
    title: str
    head: list[tuple[str, Any]]  # (label, value) rows above the headers: site, period, generated, filters
    headers: list[str]
    rows: list[list[Any]]  # data rows, then (if any) the totals row
    tail: list[tuple[str, Any]]  # (label, value) rows under the table: the summary


def read_sheet(path: Path, header_row: int) -> SheetBack:
    ws = openpyxl.load_workbook(path).active
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    title = str(values[0][0])
    head = [(str(r[0]), r[1]) for r in values[1:header_row - 1] if r and r[0] is not None]
    headers = [str(h) for h in values[header_row - 1] if h is not None]
    body = values[header_row:]
    rows: list[list[Any]] = []
    tail: list[tuple[str, Any]] = []
    blank_seen = False
    for r in body:
        cells = list(r[:len(headers)]) + [None] * (len(headers) - len(r))
        if all(c is None for c in cells):
            blank_seen = True
            continue
        if blank_seen:
            tail.append((str(r[0]), r[1]))
        else:
            rows.append(cells)
    return SheetBack(title, head, headers, rows, tail)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("¥", "").strip())
    except (InvalidOperation, ValueError):
        return None


def same_cell(screen: str, cell: Any) -> bool:
    """Whether a sheet cell reads as the screen's text."""
    screen = (screen or "").strip()
    if cell is None or cell == "":
        return screen in DASHES
    if isinstance(cell, datetime):  # a date column reads back as midnight of its day
        dates = (cell.date().isoformat(),) if cell.time() == datetime.min.time() else ()
        return screen in (cell.strftime("%Y-%m-%d %H:%M:%S"), cell.strftime("%Y-%m-%d %H:%M"), *dates)
    if isinstance(cell, date):
        return screen == cell.isoformat()
    if isinstance(cell, (int, float, Decimal)) and not isinstance(cell, bool):
        shown = _number(screen.rstrip("%"))
        value = Decimal(str(cell)) * (100 if screen.endswith("%") else 1)
        return shown is not None and shown == value
    return screen == str(cell)


def model_texts(model: QAbstractItemModel) -> tuple[list[str], list[list[str]]]:
    cols, rows = model.columnCount(), model.rowCount()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(cols)]
    cells = [[str(model.data(model.index(r, c)) or "") for c in range(cols)] for r in range(rows)]
    return headers, cells


def assert_sheet_matches(path: Path, model: QAbstractItemModel, header_row: int, *,
                         filters: list[tuple[str, str]] | None = None,
                         summary: list[tuple[str, str]] | None = None,
                         columns: int | None = None) -> SheetBack:
    """The sheet at `path` shows what `model` shows (the first `columns` columns when the sheet adds some)."""
    sheet = read_sheet(path, header_row)
    headers, cells = model_texts(model)
    n = columns or len(headers)
    assert sheet.headers[:n] == headers[:n], (sheet.headers, headers)
    assert len(sheet.rows) == len(cells), f"sheet has {len(sheet.rows)} rows, screen {len(cells)}"
    for i, (shown, written) in enumerate(zip(cells, sheet.rows)):
        for c in range(n):
            assert same_cell(shown[c], written[c]), f"row {i + 1}, {headers[c]!r}: screen {shown[c]!r}, sheet {written[c]!r}"
    if filters is not None:
        written_filters = [(label, str(value)) for label, value in sheet.head if (label, str(value)) in filters]
        assert written_filters == filters, (sheet.head, filters)
    if summary is not None:
        assert [(label, str(value)) for label, value in sheet.tail] == summary, (sheet.tail, summary)
    return sheet
