"""The legend: one button per status (registry icon, label, live count) that filters on click, plus the
meaning of the tile markers. Counts follow the current scope (tree, search, filter boxes)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from acrel_console.domain.status import STATUS_ORDER, MeterStatus
from acrel_console.ui.meters.live_model import RowChange
from acrel_console.ui.meters.markers import MARKERS, marker_icon, marker_label
from acrel_console.ui.meters.meter_filter import MeterFilter
from acrel_console.ui.theme import theme


class StatusCounts:
    """Meters per status within a filter's scope (status criterion ignored), kept up to date per change."""

    def __init__(self) -> None:
        self.counts: Counter[MeterStatus] = Counter()

    def recount(self, meters: Iterable[tuple[object, str]], scope: MeterFilter) -> None:
        """Full count over (MeterLive, search key) pairs (on load and when the filter changes)."""
        c: Counter[MeterStatus] = Counter()
        for m, key in meters:
            if scope.accepts_except_status(m, key):  # type: ignore[arg-type]
                c[m.status] += 1  # type: ignore[attr-defined]
        self.counts = c

    def update(self, changes: Iterable[RowChange], scope: MeterFilter) -> bool:
        """Adjust for changed rows only; True when a count moved."""
        moved = False
        for ch in changes:
            before = ch.old is not None and scope.accepts_except_status(ch.old)
            after = scope.accepts_except_status(ch.new)
            if before and (not after or ch.old.status != ch.new.status):  # type: ignore[union-attr]
                self.counts[ch.old.status] -= 1  # type: ignore[union-attr]
                moved = True
            if after and (not before or ch.old.status != ch.new.status):  # type: ignore[union-attr]
                self.counts[ch.new.status] += 1
                moved = True
        return moved

    def total(self) -> int:
        return sum(self.counts.values())


class Legend(QWidget):
    """Status buttons with counts; checked ones form the status filter (none checked = all)."""

    statuses_chosen = Signal(object)  # frozenset[MeterStatus]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metersLegend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.all_button = QToolButton()
        self.all_button.setObjectName("legend_all")
        self.all_button.setCheckable(True)
        self.all_button.setChecked(True)
        self.all_button.clicked.connect(self._all_clicked)
        layout.addWidget(self.all_button)
        self.buttons: dict[MeterStatus, QToolButton] = {}
        for status in STATUS_ORDER:
            b = QToolButton()
            b.setObjectName(f"legend_{status.value}")
            b.setCheckable(True)
            b.setToolButtonStyle(b.toolButtonStyle().ToolButtonTextBesideIcon)
            b.setIconSize(QSize(16, 16))
            b.clicked.connect(self._status_clicked)
            layout.addWidget(b)
            self.buttons[status] = b
        layout.addStretch(1)
        self._counts: dict[MeterStatus, int] = {}
        self.retranslate()

    def retranslate(self) -> None:
        t = theme()
        for status, b in self.buttons.items():
            b.setIcon(t.style(status).icon(16))
        self.set_counts(self._counts)

    def set_counts(self, counts: dict[MeterStatus, int]) -> None:
        self._counts = dict(counts)
        t = theme()
        total = 0
        for status, b in self.buttons.items():
            n = int(counts.get(status, 0))
            total += n
            b.setText(f"{t.style(status).label()} {n}")
            b.setToolTip(self.tr("Show only meters with this status (click again to show all)"))
        self.all_button.setText(self.tr("All {n}").format(n=total))

    def count_text(self, status: MeterStatus) -> str:
        return self.buttons[status].text()

    def chosen(self) -> frozenset[MeterStatus]:
        return frozenset(s for s, b in self.buttons.items() if b.isChecked())

    def set_chosen(self, statuses: frozenset[MeterStatus]) -> None:
        for s, b in self.buttons.items():
            b.setChecked(s in statuses)
        self.all_button.setChecked(not statuses)

    def _all_clicked(self) -> None:
        self.set_chosen(frozenset())
        self.statuses_chosen.emit(frozenset())

    def _status_clicked(self) -> None:
        chosen = self.chosen()
        self.all_button.setChecked(not chosen)
        self.statuses_chosen.emit(chosen)


class MarkerKey(QWidget):
    """What the small tile markers mean (relay open, forced mode, pending command, overload)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metersMarkerKey")
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        t = theme()
        for row, kind in enumerate(MARKERS):
            icon = QLabel()
            icon.setPixmap(marker_icon(kind, t.role("muted"), t.role("nav_background"), 16).pixmap(16, 16))
            text = QLabel(marker_label(kind))
            text.setWordWrap(True)
            text.setObjectName(f"marker_{kind}")
            grid.addWidget(icon, row, 0)
            grid.addWidget(text, row, 1)
            self.labels[kind] = text
        grid.setColumnStretch(1, 1)
