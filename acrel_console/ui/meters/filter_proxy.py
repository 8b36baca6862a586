"""The one filter proxy both views share: applies a MeterFilter row by row (no regex, no per-row Qt data calls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal

from acrel_console.ui.meters.live_model import COLUMNS, SORT_ROLE, MeterLiveModel
from acrel_console.ui.meters.meter_filter import MeterFilter


class MeterFilterProxy(QSortFilterProxyModel):
    """Filters the live model by a MeterFilter; sorts by each column's sort key."""

    filter_changed = Signal(object)  # the new MeterFilter

    def __init__(self, source: MeterLiveModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = MeterFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setSourceModel(source)

    @property
    def meter_filter(self) -> MeterFilter:
        return self._filter

    def set_filter(self, value: MeterFilter) -> None:
        if value == self._filter:
            return
        self.beginFilterChange()
        self._filter = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_changed.emit(value)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        f = self._filter
        if f.is_empty:
            return True
        return f.accepts(self._source.meter_at(source_row), self._source.key_at(source_row))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        col = COLUMNS[left.column()]
        a, b = col.sort(self._source.meter_at(left.row())), col.sort(self._source.meter_at(right.row()))
        return bool(a < b)
