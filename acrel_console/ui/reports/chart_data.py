"""What a report chart draws (Qt-free): x labels and named series, from a Report or one of its rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.services.export_formats import ColumnKind
from acrel_console.services.reports.losses import main_chart, main_labels
from acrel_console.services.reports.model import Report

INCOME = QT_TRANSLATE_NOOP("reports", "Financial income")
ENERGY = QT_TRANSLATE_NOOP("reports", "Energy (kWh)")


@dataclass(frozen=True, slots=True)
class ChartData:
    """x labels, (English series name, values in hundredths or counts), bar/line, the values' unit."""

    kind: str
    x_labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    unit: ColumnKind


def report_chart(report: Report) -> ChartData | None:
    """The chart the report center shows for a report (None: the report has none).

    Sales: income per date bucket (days of a month, months of a year: the sales trend); a single day
    falls back to the service's chart (income per seller).
    """
    if report.report_id == "sales":
        trend = sales_trend(report)
        if trend is not None and len(trend.x_labels) > 1:
            return trend
    chart = report.chart
    if chart is None or not chart.series:
        return None
    return ChartData(chart.kind, tuple(chart.x_labels), tuple(chart.series), chart.unit)


def sales_trend(report: Report) -> ChartData | None:
    """Financial income per date of a sales report (summed over sellers/methods/buildings)."""
    try:
        date_i, income_i = report.column_index("date"), report.column_index("income")
    except StopIteration:
        return None
    per_date: dict[str, int] = defaultdict(int)
    for row in report.rows:
        per_date[str(row[date_i])] += int(row[income_i] or 0)
    labels = tuple(sorted(per_date))
    kind = "line" if len(labels) > 31 else "bar"
    return ChartData(kind, labels, ((INCOME, tuple(per_date[x] for x in labels)),), ColumnKind.YUAN)


def row_chart(report: Report, row: int) -> ChartData | None:
    """One row of an energy report (a meter, tenant or building) over the period's hours/days/months; for a
    by-day/by-month loss report, the row-th main meter over its days/months."""
    if report.report_id == "loss":
        chart = main_chart(report, row)
        return None if chart is None else ChartData(chart.kind, chart.x_labels, chart.series, chart.unit)
    if report.report_id != "energy" or not 0 <= row < len(report.rows):
        return None
    columns = [(i, c) for i, c in enumerate(report.columns) if c.key.startswith("c") and c.key[1:].isdigit()]
    values = tuple(int(report.rows[row][i] or 0) for i, _c in columns)
    return ChartData("bar", tuple(c.header for _i, c in columns), ((ENERGY, values),), ColumnKind.KWH)


def row_labels(report: Report) -> list[str]:
    """The first-column labels of an energy report, or the main meters of a loss report (what row_chart can
    draw)."""
    if report.report_id == "loss":
        return main_labels(report)
    if report.report_id != "energy":
        return []
    return [str(r[0]) for r in report.rows]
