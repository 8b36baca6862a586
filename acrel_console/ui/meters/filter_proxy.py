"""The one filter proxy both views share: applies a MeterFilter row by row (no regex, no per-row Qt data calls);
sorting is delegated to the source model (one key sort, see MeterFilterProxy.sort)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal

from acrel_console.ui.meters.live_model import SORT_ROLE, MeterLiveModel
from acrel_console.ui.meters.meter_filter import MeterFilter


class MeterFilterProxy(QSortFilterProxyModel):
    """Filters the live model by a MeterFilter; sorts by each column's sort key."""

    filter_changed = Signal(object)  # the new MeterFilter

    def __init__(self, source: MeterLiveModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = MeterFilter()
        self._accept_all = True
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)  # re-filters changed rows; never sorts (sortColumn stays -1)
        self.setSourceModel(source)

    @property
    def meter_filter(self) -> MeterFilter:
        return self._filter

    def set_filter(self, value: MeterFilter) -> None:
        if value == self._filter:
            return
        self.beginFilterChange()
        self._filter = value
        self._accept_all = value.is_empty
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_changed.emit(value)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt override
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._accept_all:
            return True
        return self._filter.accepts(self._source.meter_at(source_row), self._source.key_at(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by reordering the source once (a Python key sort: ~20 ms for 20,000 meters) instead of
        the proxy's per-comparison lessThan (seconds in Python). Rows then keep their place as values
        change, so a tile or row never jumps away under the operator's pointer between sorts."""
        self._sorted = (column, order)
        if column >= 0:
            self._source.sort(column, order)

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sorted
