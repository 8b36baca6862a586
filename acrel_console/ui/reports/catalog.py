"""The report center's catalogue: each report's Acrel-3200 name, what it asks for and how it is queried."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from acrel_console.services.base import Actor
from acrel_console.services.reports.model import Period, Report

DAY, MONTH, YEAR, RANGE = "day", "month", "year", "range"
ALL_KINDS = (DAY, MONTH, YEAR, RANGE)
CALENDAR_KINDS = (DAY, MONTH, YEAR)


@dataclass(frozen=True)
class Query:
    """What the operator chose: a period (kind + date(s)), a group/`by` option, a tenant."""

    kind: str = ""  # day | month | year | range | "" (no period)
    first: date | None = None
    last: date | None = None  # inclusive, for a range
    option: str = ""
    tenant_id: int | None = None


@dataclass(frozen=True)
class ReportDef:
    """One entry of the report list. `run(services, actor, period, query)` runs on a worker thread."""

    report_id: str
    period_kinds: tuple[str, ...]  # empty: the report has no period (live state)
    options: tuple[str, ...]  # group (meter/tenant/building) or sales `by` (cashier/method/building)
    needs_tenant: bool
    run: Callable[[Any, Actor, Period | None, Query], Report]

    def title(self) -> str:
        return report_title(self.report_id)


def report_title(report_id: str) -> str:
    """The Acrel-3200 name of a report (context 'reports')."""
    titles = {
        "sales": QCoreApplication.translate("reports", "Electricity sales report"),
        "meter_summary": QCoreApplication.translate("reports", "Meter summary report"),
        "energy": QCoreApplication.translate("reports", "Energy report"),
        "tou": QCoreApplication.translate("reports", "Multi-rate energy report"),
        "revenue": QCoreApplication.translate("reports", "Electricity revenue report"),
        "alarms_active": QCoreApplication.translate("reports", "Real-time alarms"),
        "alarms_history": QCoreApplication.translate("reports", "Alarm history"),
        "offline_meters": QCoreApplication.translate("reports", "Offline meters"),
        "offline_gateways": QCoreApplication.translate("reports", "Offline gateways"),
        "electrical": QCoreApplication.translate("reports", "Electrical parameters"),
        "loss": QCoreApplication.translate("reports", "Loss analysis"),
        "reconciliation": QCoreApplication.translate("reports", "Reconciliation"),
        "statement": QCoreApplication.translate("reports", "Tenant statement"),
    }
    return titles[report_id]


def option_label(option: str) -> str:
    """The label of a group/`by` choice."""
    labels = {
        "meter": QCoreApplication.translate("reports", "Room"),
        "tenant": QCoreApplication.translate("reports", "Tenant"),
        "building": QCoreApplication.translate("reports", "Building"),
        "cashier": QCoreApplication.translate("reports", "Seller"),
        "method": QCoreApplication.translate("reports", "Payment method"),
        "day": QCoreApplication.translate("reports", "By day"),
        "month": QCoreApplication.translate("reports", "By month"),
        "total": QCoreApplication.translate("reports", "Whole period"),
    }
    return labels[option]


GROUPS = ("meter", "tenant", "building")


def _alarm_report(services: Any, actor: Actor, period: Period | None) -> Report:
    """实时报警 / 历史报警 with each message in the current language.

    The report's message column holds the English text made at raise time; the alarm's template and
    params (AlarmService) are translated and filled instead, matched by the alarm id (column 'id').
    """
    from acrel_console.ui.alarms.alarm_text import message_text

    if period is None:
        report = services.reports.realtime_alarms(actor)
        alarms = services.alarms.active(actor)
    else:
        report = services.reports.alarm_history(actor, period)
        alarms = services.alarms.history(actor, since=period.start_utc, until=period.end_utc,
                                         limit=max(5000, len(report.rows)))
    texts = {a.id: message_text(a) for a in alarms}
    id_i, msg_i = report.column_index("id"), report.column_index("message")
    rows = tuple(tuple(texts.get(r[id_i], r[msg_i]) if i == msg_i else v for i, v in enumerate(r))
                 for r in report.rows)
    return replace(report, rows=rows)


REPORTS: tuple[ReportDef, ...] = (
    ReportDef("sales", ALL_KINDS, ("cashier", "method", "building"), False,
              lambda s, a, p, q: s.reports.sales(a, p, by=q.option or "cashier")),
    ReportDef("meter_summary", ALL_KINDS, (), False, lambda s, a, p, q: s.reports.meter_summary(a, p)),
    ReportDef("energy", CALENDAR_KINDS, GROUPS, False, lambda s, a, p, q: s.reports.energy(a, p, q.option or "meter")),
    ReportDef("tou", ALL_KINDS, GROUPS, False, lambda s, a, p, q: s.reports.tou_energy(a, p, q.option or "meter")),
    ReportDef("revenue", ALL_KINDS, (), False, lambda s, a, p, q: s.reports.revenue(a, p)),
    ReportDef("alarms_active", (), (), False, lambda s, a, p, q: _alarm_report(s, a, None)),
    ReportDef("alarms_history", ALL_KINDS, (), False, lambda s, a, p, q: _alarm_report(s, a, p)),
    ReportDef("offline_meters", (), (), False, lambda s, a, p, q: s.reports.offline_meters(a)),
    ReportDef("offline_gateways", (), (), False, lambda s, a, p, q: s.reports.offline_gateways(a)),
    ReportDef("electrical", (), (), False, lambda s, a, p, q: s.reports.electrical(a)),
    ReportDef("loss", ALL_KINDS, ("day", "month", "total"), False,
              lambda s, a, p, q: s.reports.loss(a, p, by=q.option or "day")),
    ReportDef("reconciliation", (), (), False, lambda s, a, p, q: s.reports.reconciliation(a)),
    ReportDef("statement", ALL_KINDS, (), True,
              lambda s, a, p, q: s.reports.tenant_statement(a, q.tenant_id if q.tenant_id is not None else -1, p)),
)

BY_ID: dict[str, ReportDef] = {r.report_id: r for r in REPORTS}


def resolve_period(services: Any, actor: Actor, query: Query) -> Period | None:
    """The service's Period for a query (site time zone); None when the report has no period. Worker thread."""
    from datetime import timedelta

    if not query.kind or query.first is None:
        return None
    if query.kind == RANGE:
        last = query.last or query.first
        return services.reports.period_range(actor, query.first, last + timedelta(days=1))
    text = {DAY: query.first.isoformat(), MONTH: query.first.strftime("%Y-%m"), YEAR: query.first.strftime("%Y")}
    return services.reports.period(actor, query.kind, text[query.kind])
