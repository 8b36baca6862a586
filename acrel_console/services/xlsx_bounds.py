"""Reading an untrusted .xlsx within limits: the zip directory is checked before anything is inflated,
sheets are streamed read-only row by row under a deadline, and every refusal names sheet, row and column.

Why each bound (issue 11): a 1 MB zip bomb inflates to gigabytes, so sizes and the compression ratio are
read from the zip's central directory first (zipfile never inflates a member past the size the directory
declares: a lying entry fails its CRC instead). A 6 KB workbook declaring the sheet's dimension as
A1:XFD1048576 with one cell in its last row made openpyxl pad a million gap rows to 16,384 columns each:
the declared dimension is ignored (`reset_dimensions`), rows are read only up to the row limit (openpyxl
stops parsing at the first row past it), and row width comes from the cells actually present.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class XlsxLimits:
    """What an imported workbook may hold. The defaults fit a site of 20,000 meters with room to spare."""

    file_bytes: int = 10 * MiB
    inflated_bytes: int = 32 * MiB  # all members together, as the zip directory declares them
    ratio: int = 100  # inflated / compressed, per member above RATIO_FLOOR_BYTES
    members: int = 500
    rows: int = 20_000  # per sheet, header included
    columns: int = 64
    cells: int = 500_000  # non-empty cells in all sheets read
    seconds: float = 60.0


RATIO_FLOOR_BYTES = 256 * 1024  # small members may compress very well (styles, empty sheets): no ratio rule


class WorkbookRefused(UserError):
    """The file is not read: too big, a zip bomb, unreadable, or it broke a limit while being read.
    `sheet`, `row` and `column` say where when the problem is inside a sheet ('' / 0 otherwise)."""

    def __init__(self, template: str, *, sheet: str = "", row: int = 0, column: str = "", **params: Any) -> None:
        self.sheet, self.row, self.column = sheet, row, column
        super().__init__(template, sheet=sheet, row=row, column=column, **params)


def check_archive(path: Path, limits: XlsxLimits) -> None:
    """Refuse a file whose size, member count, declared inflated size or compression ratio is out of bounds,
    reading only the zip's central directory (nothing is inflated)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}"), path=str(path),
                              reason=exc.strerror or type(exc).__name__) from None
    if size > limits.file_bytes:
        raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "{file} is {size} MB; an import file may have at most "
                                                          "{limit} MB."),
                              file=name, size=round(size / MiB, 1), limit=limits.file_bytes // MiB)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Cannot read {path} as an .xlsx workbook: {reason}"),
                              path=str(path), reason=type(exc).__name__) from None
    if len(members) > limits.members:
        raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "{file} holds {count} parts; an .xlsx workbook to import "
                                                          "may hold at most {limit}."),
                              file=name, count=len(members), limit=limits.members)
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.ratio:
            raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "{file} is refused unread: its part {part} would "
                                                              "inflate {ratio} times (at most {limit}); this is "
                                                              "what a zip bomb looks like."),
                                  file=name, part=info.filename, ratio=int(ratio), limit=limits.ratio)
    if total > limits.inflated_bytes:
        raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "{file} is refused unread: it would inflate to {size} MB "
                                                          "(at most {limit} MB)."),
                              file=name, size=round(total / MiB, 1), limit=limits.inflated_bytes // MiB)


class BoundedWorkbook:
    """An .xlsx opened read-only after `check_archive`; `rows(sheet)` streams within the limits."""

    def __init__(self, path: str | Path, limits: XlsxLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or XlsxLimits()
        self.deadline = time.monotonic() + self.limits.seconds
        self.cells = 0
        check_archive(self.path, self.limits)
        try:
            self._wb = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same user error
            raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Cannot read {path} as an .xlsx workbook: {reason}"),
                                  path=str(self.path), reason=type(exc).__name__) from None

    @property
    def sheetnames(self) -> list[str]:
        return list(self._wb.sheetnames)

    def close(self) -> None:
        self._wb.close()

    def __enter__(self) -> BoundedWorkbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def rows(self, sheet: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, values) of every row up to the row limit, header first; values as wide as the cells
        present (trailing empties dropped). Raises WorkbookRefused at the first limit broken."""
        ws = self._wb[sheet]
        ws.reset_dimensions()  # never trust the declared dimension (A1:XFD1048576 in 6 KB)
        limits = self.limits
        try:
            for number, values in enumerate(ws.iter_rows(min_row=1, max_row=limits.rows + 1, values_only=True),
                                            start=1):
                if time.monotonic() > self.deadline:
                    raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}: reading took "
                                                                      "longer than {seconds} s; the import was "
                                                                      "stopped."),
                                          sheet=sheet, row=number, seconds=int(limits.seconds))
                if number > limits.rows:
                    raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Sheet {sheet} has more than {limit} rows "
                                                                      "(row {row} and below are not read); delete "
                                                                      "the rows below your data."),
                                          sheet=sheet, row=number, limit=limits.rows)
                trimmed = _trim(values)
                if len(trimmed) > limits.columns:
                    column = get_column_letter(len(trimmed))
                    raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}, column {column}: "
                                                                      "a workbook to import has at most {limit} "
                                                                      "columns."),
                                          sheet=sheet, row=number, column=column, limit=limits.columns)
                self.cells += sum(1 for v in trimmed if v is not None)
                if self.cells > limits.cells:
                    raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Sheet {sheet}, row {row}: more than {limit} "
                                                                      "filled cells in the workbook."),
                                          sheet=sheet, row=number, limit=limits.cells)
                yield number, trimmed
        except WorkbookRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - malformed sheet XML, a lying zip entry (bad CRC), ...
            raise WorkbookRefused(QT_TRANSLATE_NOOP("errors", "Sheet {sheet} cannot be read: {reason}"),
                                  sheet=sheet, reason=type(exc).__name__) from None


def _trim(values: Any) -> tuple[Any, ...]:
    """A row without its trailing empty cells."""
    row = tuple(values or ())
    end = len(row)
    while end and row[end - 1] in (None, ""):
        end -= 1
    return row[:end]
