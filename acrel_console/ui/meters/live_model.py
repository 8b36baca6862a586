"""The live meter model: one row per meter (MeterLive values), updated in place as sweeps complete.

One QAbstractTableModel serves both views through one filter proxy: the grid (a QListView showing
column 0, painted by the tile delegate) and the table (every column). A row index map (meter id ->
row) lets `apply()` touch exactly the rows a sweep changed: one dataChanged per run of consecutive
changed rows, never a model reset (design: the GUI thread only paints and applies immutable values).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.status import MeterStatus
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.error_words import error_words
from acrel_console.ui.meters import formatting as fmt
from acrel_console.ui.meters.meter_filter import search_key
from acrel_console.ui.theme import theme

AnyIndex = QModelIndex | QPersistentModelIndex

METER_ROLE = Qt.ItemDataRole.UserRole + 1  # the MeterLive value
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a sortable key
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the MeterStatus
ID_ROLE = Qt.ItemDataRole.UserRole + 4  # meter id

_MISSING = -(2**62)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_METER, _SORT, _STATUS, _ID = (int(r.value) if hasattr(r, "value") else int(r)
                               for r in (METER_ROLE, SORT_ROLE, STATUS_ROLE, ID_ROLE))
_HANDLED = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _ALIGN, _BACKGROUND, _FOREGROUND, _DECORATION, _METER, _SORT,
                      _STATUS, _ID})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_icons: dict[tuple[str, MeterStatus], QIcon] = {}


def status_icon(style: Any) -> QIcon:
    """The registry's small status icon, cached per palette (the table paints it on every repaint)."""
    key = (theme().palette, style.status)
    icon = _icons.get(key)
    if icon is None:
        icon = _icons[key] = style.icon(14)
    return icon


def _num(v: int | None) -> int:
    return _MISSING if v is None else int(v)


def _status_label(m: MeterLive) -> str:
    return theme().style(m.status).label()


@dataclass(frozen=True)
class LiveColumn:
    """One table column: English header (translated in context 'meters'), text and sort key of a meter."""

    key: str
    header: str
    text: Callable[[MeterLive], str]
    sort: Callable[[MeterLive], Any]
    right: bool = False


COLUMNS: tuple[LiveColumn, ...] = (
    LiveColumn("room", QT_TRANSLATE_NOOP("meters", "Room"), lambda m: m.room, lambda m: m.room),
    LiveColumn("status", QT_TRANSLATE_NOOP("meters", "Status"), _status_label,
               lambda m: list(MeterStatus).index(m.status)),
    LiveColumn("tenant", QT_TRANSLATE_NOOP("meters", "Tenant"), lambda m: m.tenant_name or "",
               lambda m: m.tenant_name or ""),
    LiveColumn("account_no", QT_TRANSLATE_NOOP("meters", "Account no."), lambda m: m.account_no or "",
               lambda m: m.account_no or ""),
    LiveColumn("meter_no", QT_TRANSLATE_NOOP("meters", "Meter no."), lambda m: m.meter_no, lambda m: m.meter_no),
    LiveColumn("gateway", QT_TRANSLATE_NOOP("meters", "Gateway"), lambda m: m.gateway, lambda m: m.gateway),
    LiveColumn("address", QT_TRANSLATE_NOOP("meters", "Address"), lambda m: str(m.address), lambda m: m.address,
               True),
    LiveColumn("building", QT_TRANSLATE_NOOP("meters", "Building"), lambda m: m.building or "",
               lambda m: m.building or ""),
    LiveColumn("model", QT_TRANSLATE_NOOP("meters", "Model"), lambda m: m.model, lambda m: m.model),
    LiveColumn("remaining", QT_TRANSLATE_NOOP("meters", "Remaining (yuan)"), lambda m: fmt.yuan(m.remaining_fen),
               lambda m: _num(m.remaining_fen), True),
    LiveColumn("energy", QT_TRANSLATE_NOOP("meters", "Energy (kWh)"), lambda m: fmt.kwh(m.energy_total),
               lambda m: _num(m.energy_total), True),
    LiveColumn("purchases", QT_TRANSLATE_NOOP("meters", "Purchases"),
               lambda m: fmt.DASH if m.purchase_count is None else str(m.purchase_count),
               lambda m: _num(m.purchase_count), True),
    LiveColumn("relay", QT_TRANSLATE_NOOP("meters", "Relay"), lambda m: fmt.relay_text(m.relay_closed),
               lambda m: _num(None if m.relay_closed is None else int(m.relay_closed))),
    LiveColumn("mode", QT_TRANSLATE_NOOP("meters", "Mode"),
               lambda m: fmt.mode_text(m.forced, m.keep_power, m.forced_open),
               lambda m: fmt.mode_text(m.forced, m.keep_power, m.forced_open)),
    LiveColumn("overload", QT_TRANSLATE_NOOP("meters", "Overload"), lambda m: fmt.yes_no(m.overload),
               lambda m: int(m.overload)),
    LiveColumn("alarm1", QT_TRANSLATE_NOOP("meters", "Alarm 1 (yuan)"), lambda m: fmt.yuan(m.alarm1_fen),
               lambda m: m.alarm1_fen, True),
    LiveColumn("alarm2", QT_TRANSLATE_NOOP("meters", "Alarm 2 (yuan)"), lambda m: fmt.yuan(m.alarm2_fen),
               lambda m: m.alarm2_fen, True),
    LiveColumn("pending", QT_TRANSLATE_NOOP("meters", "Pending commands"), lambda m: str(m.pending_commands),
               lambda m: m.pending_commands, True),
    LiveColumn("last_seen", QT_TRANSLATE_NOOP("meters", "Last seen"), lambda m: fmt.local_time(m.last_seen),
               lambda m: m.last_seen.timestamp() if m.last_seen else 0.0),
    LiveColumn("failures", QT_TRANSLATE_NOOP("meters", "Failed reads"), lambda m: str(m.consecutive_failures),
               lambda m: m.consecutive_failures, True),
    LiveColumn("last_error", QT_TRANSLATE_NOOP("meters", "Last error"), lambda m: error_words(m.last_error),
               lambda m: m.last_error),
)
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)


@dataclass(frozen=True, slots=True)
class RowChange:
    """One meter a batch changed: its row and the value before (None when the row was inserted)."""

    row: int
    old: MeterLive | None
    new: MeterLive


def tooltip(m: MeterLive) -> str:
    """The tile's tooltip (and accessible description): every headline value in words."""
    tenant = QCoreApplication.translate("meters", "Tenant")
    remaining = QCoreApplication.translate("meters", "Remaining (yuan)")
    relay = QCoreApplication.translate("meters", "Relay")
    mode = QCoreApplication.translate("meters", "Mode")
    gateway = QCoreApplication.translate("meters", "Gateway")
    lines = [f"{m.room} · {_status_label(m)}",
             f"{tenant}: {m.tenant_name or fmt.DASH}",
             f"{remaining}: {fmt.yuan(m.remaining_fen)}",
             f"{relay}: {fmt.relay_text(m.relay_closed)}",
             f"{mode}: {fmt.mode_text(m.forced, m.keep_power, m.forced_open)}",
             f"{gateway}: {m.gateway} / {m.address}"]
    if m.pending_commands:
        lines.append(QCoreApplication.translate("meters", "Pending commands: {n}").format(n=m.pending_commands))
    if m.overload:
        lines.append(QCoreApplication.translate("meters", "Overload"))
    return "\n".join(lines)


class MeterLiveModel(QAbstractTableModel):
    """Rows of MeterLive. `set_meters` loads the whole list (a reset, once); `apply` updates in place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._meters: list[MeterLive] = []
        self._keys: list[str] = []
        self._rows: dict[int, int] = {}

    # ---- loading and updating -------------------------------------------------------------
    def set_meters(self, meters: Sequence[MeterLive], keys: Sequence[str] | None = None) -> None:
        """Replace every row (the initial load and explicit reloads only); `keys`, their search keys, may come
        ready from the worker that loaded them (20,000 keys are 50 ms the GUI thread need not spend)."""
        self.beginResetModel()
        self._meters = list(meters)
        self._keys = list(keys) if keys is not None else [search_key(m) for m in self._meters]
        self._rows = {m.meter_id: i for i, m in enumerate(self._meters)}
        self.endResetModel()

    def apply(self, changed: Iterable[MeterLive]) -> list[RowChange]:
        """Store fresh values: dataChanged on exactly the rows whose value changed, inserts for new meters.

        Returns what changed (the legend counts follow it without a full recount).
        """
        changes: list[RowChange] = []
        fresh: list[MeterLive] = []
        seen_new: set[int] = set()
        for m in changed:
            row = self._rows.get(m.meter_id)
            if row is None:
                if m.meter_id not in seen_new:
                    seen_new.add(m.meter_id)
                    fresh.append(m)
                continue
            old = self._meters[row]
            if old == m:
                continue
            self._meters[row] = m
            if (old.room, old.meter_no, old.tenant_name, old.account_no, old.address, old.gateway) != (
                    m.room, m.meter_no, m.tenant_name, m.account_no, m.address, m.gateway):
                self._keys[row] = search_key(m)
            changes.append(RowChange(row, old, m))
        if changes:
            last_col = len(COLUMNS) - 1
            rows = sorted(c.row for c in changes)
            start = prev = rows[0]
            for r in rows[1:] + [None]:  # type: ignore[list-item]
                if r is not None and r == prev + 1:
                    prev = r
                    continue
                self.dataChanged.emit(self.index(start, 0), self.index(prev, last_col))
                if r is not None:
                    start = prev = r
        if fresh:
            first = len(self._meters)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for i, m in enumerate(fresh):
                self._rows[m.meter_id] = first + i
                self._meters.append(m)
                self._keys.append(search_key(m))
                changes.append(RowChange(first + i, None, m))
            self.endInsertRows()
        return changes

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column's sort key (None/unknown values first); persistent indexes follow."""
        if not 0 <= column < len(COLUMNS) or not self._meters:
            return
        key = COLUMNS[column].sort
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._meters[i.row()].meter_id for i in old_persistent]
        order_ = sorted(range(len(self._meters)), key=lambda r: key(self._meters[r]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._meters = [self._meters[r] for r in order_]
        self._keys = [self._keys[r] for r in order_]
        self._rows = {m.meter_id: i for i, m in enumerate(self._meters)}
        self.changePersistentIndexList(old_persistent, [self.index(self._rows[mid], i.column())
                                                        for mid, i in zip(old_ids, old_persistent, strict=True)])
        self.layoutChanged.emit()

    # ---- access ---------------------------------------------------------------------------
    def meter_at(self, row: int) -> MeterLive:
        return self._meters[row]

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, meter_id: int) -> int | None:
        return self._rows.get(meter_id)

    def meter(self, meter_id: int) -> MeterLive | None:
        row = self._rows.get(meter_id)
        return None if row is None else self._meters[row]

    def meters(self) -> list[MeterLive]:
        return list(self._meters)

    # ---- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._meters)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Plain int role constants: views ask for ~10 roles per cell and repaint often (bench_grid)
        role = int(role)
        if role not in _HANDLED or not index.isValid():
            return None
        m = self._meters[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return COLUMNS[col].text(m)
        if role == _METER:
            return m
        if role == _SORT:
            return COLUMNS[col].sort(m)
        if role == _STATUS:
            return m.status
        if role == _ID:
            return m.meter_id
        if role == _TOOLTIP or role == _ACCESSIBLE:
            return tooltip(m) if col == 0 else COLUMNS[col].text(m)
        if role == _ALIGN:
            return _RIGHT if COLUMNS[col].right else None
        if col != 1:
            return None
        style = theme().style(m.status)
        if role == _BACKGROUND:
            return style.background
        if role == _FOREGROUND:
            return style.foreground
        return status_icon(style)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("meters", COLUMNS[section].header)
        return None

    def refresh_palette(self) -> None:
        """The palette changed: repaint every row (colours only; no reset)."""
        if self._meters:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._meters) - 1, len(COLUMNS) - 1))
