"""ReportChart: a pyqtgraph bar/line chart of a report's series with translated names, axis labels and CJK ticks."""

from __future__ import annotations

import os

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from acrel_console.domain.status import MeterStatus
from acrel_console.services.export_formats import ColumnKind
from acrel_console.ui.reports.chart_data import ChartData
from acrel_console.ui.theme import Theme, theme


HEADROOM = 0.18  # share of the value range left free above the highest bar (the legend sits there)


def series_colours() -> list[QColor]:
    """Series colours from the one colour registry (Okabe-Ito in the default palette)."""
    t = theme()
    return [Theme.role("ok"), t.style(MeterStatus.ALARM2).background, t.style(MeterStatus.OFFLINE).background,
            t.style(MeterStatus.ARREARS).background, t.style(MeterStatus.ALARM1).background.darker(130)]


def unit_label(unit: ColumnKind) -> str:
    if unit is ColumnKind.YUAN:
        return QCoreApplication.translate("ReportChart", "Amount (yuan)")
    if unit is ColumnKind.KWH:
        return QCoreApplication.translate("ReportChart", "Energy (kWh)")
    return QCoreApplication.translate("ReportChart", "Count")


def short_labels(labels: tuple[str, ...]) -> list[str]:
    """Drop a prefix every label shares up to a '-' (2026-03-01 … 2026-03-31 -> 01 … 31)."""
    if len(labels) < 2:
        return list(labels)
    prefix = os.path.commonprefix(list(labels))
    cut = prefix.rfind("-") + 1
    return [x[cut:] for x in labels] if cut > 0 else list(labels)


class ReportChart(QWidget):
    """One chart; `show_chart(data, x_title)` redraws it, `save_png(path)` writes what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("reportPlot")
        pal = self.palette()
        self.plot.setBackground(pal.color(QPalette.ColorRole.Base))
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.3)
        ink = pal.color(QPalette.ColorRole.WindowText)
        self.legend = self.plot.addLegend(offset=(-10, 4), labelTextColor=ink)
        font = QFont(QApplication.font())
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setStyle(tickFont=font)
            axis.setPen(ink)
            axis.setTextPen(ink)
        self.data: ChartData | None = None
        self.series_names: list[str] = []  # translated names as shown in the legend
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def clear(self) -> None:
        self.plot.clear()
        self.legend.clear()
        self.data = None
        self.series_names = []

    def show_chart(self, data: ChartData, x_title: str = "") -> None:
        """Draw `data`: bars side by side per x label, or lines; ticks are the (shortened) x labels."""
        self.clear()
        self.data = data
        n = len(data.series)
        colours = series_colours()
        xs = list(range(len(data.x_labels)))
        width = 0.8 / max(1, n)
        for i, (name, values) in enumerate(data.series):
            label = QCoreApplication.translate("reports", name)
            self.series_names.append(label)
            colour = colours[i % len(colours)]
            # Plot coordinates only: amounts stay integer hundredths everywhere else.
            ys = [v / 100 if data.unit in (ColumnKind.YUAN, ColumnKind.KWH) else float(v) for v in values]
            if data.kind == "line":
                item = self.plot.plot(xs, ys, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                                      symbolBrush=colour)
            else:
                offset = (i - (n - 1) / 2) * width
                item = pg.BarGraphItem(x=[x + offset for x in xs], height=ys, width=width * 0.95,
                                       brush=colour, pen=pg.mkPen(colour.darker(130)))
                self.plot.addItem(item)
            self.legend.addItem(item, label)
        ticks = list(zip(xs, short_labels(tuple(QCoreApplication.translate("reports", x) for x in data.x_labels))))
        step = max(1, len(ticks) // 32)
        self.plot.getAxis("bottom").setTicks([ticks[::step]])
        self.plot.setLabel("left", unit_label(data.unit))
        self.plot.setLabel("bottom", x_title)
        self.plot.setXRange(-0.6, max(0, len(xs) - 1) + 0.6, padding=0)
        self._fit_y([v for _n, values in data.series for v in values], data.unit, n)

    def _fit_y(self, values: list[int], unit: ColumnKind, n_series: int = 1) -> None:
        """From zero (or the lowest negative value) to the highest, with headroom for the legend (a line of
        it per series)."""
        scale = 100 if unit in (ColumnKind.YUAN, ColumnKind.KWH) else 1
        top = max([0, *values]) / scale
        bottom = min([0, *values]) / scale
        if top == bottom:
            top = bottom + 1
        headroom = HEADROOM * (1 + 0.6 * max(0, n_series - 1))
        self.plot.setYRange(bottom, top + (top - bottom) * headroom, padding=0)

    def tick_labels(self) -> list[str]:
        ticks = self.plot.getAxis("bottom")._tickLevels
        return [text for _x, text in ticks[0]] if ticks else []

    def save_png(self, path: str) -> bool:
        """Save what the chart shows as a PNG file."""
        return bool(self.grab().save(path, "PNG"))


