"""ReportService: the report center's use cases (read-only, VIEW right) and their .xlsx export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.export import ExportResult, export_xlsx
from acrel_console.services.reports import energy, sales, status_reports
from acrel_console.services.reports.model import Period, Report, custom_period, parse_period
from acrel_console.services.site_settings import load_all

Translate = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


class ReportService:
    """Every report of the report center; each returns a `Report` value."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _zone(self) -> ZoneInfo:
        return self.ctx.site_clock.refreshed().zone

    def _site_name(self) -> str:
        with self.ctx.read() as s:
            return str(load_all(s)["site_name"])

    def _now_text(self) -> str:
        return status_reports.now_text(self.ctx.clock(), self._zone())

    @requires(Permission.VIEW)
    def period(self, actor: Actor, kind: str, text: str) -> Period:
        """Parse 'day'/'month'/'year' + date text in the site's time zone."""
        return parse_period(kind, text, self._zone())

    @requires(Permission.VIEW)
    def period_range(self, actor: Actor, first: Any, end_exclusive: Any) -> Period:
        return custom_period(first, end_exclusive, self._zone())

    @requires(Permission.VIEW)
    def energy(self, actor: Actor, period: Period, group: str = "meter") -> Report:
        with self.ctx.read() as s:
            return energy.energy_report(s, period, group)

    @requires(Permission.VIEW)
    def day_energy(self, actor: Actor, day: date) -> int:
        """The site's energy (0.01 kWh) on one site-local day, from the daily roll-ups (the dashboard)."""
        with self.ctx.read() as s:
            return energy.day_energy_total(s, day)

    @requires(Permission.VIEW)
    def tou_energy(self, actor: Actor, period: Period, group: str = "meter") -> Report:
        with self.ctx.read() as s:
            return energy.tou_report(s, period, group)

    @requires(Permission.VIEW)
    def offline_meters(self, actor: Actor) -> Report:
        with self.ctx.read() as s:
            return status_reports.offline_meters(s, self._now_text())

    @requires(Permission.VIEW)
    def offline_gateways(self, actor: Actor) -> Report:
        with self.ctx.read() as s:
            return status_reports.offline_gateways(s, self._now_text())

    @requires(Permission.VIEW)
    def electrical(self, actor: Actor) -> Report:
        with self.ctx.read() as s:
            return status_reports.electrical_parameters(s, self._now_text())

    @requires(Permission.VIEW)
    def realtime_alarms(self, actor: Actor) -> Report:
        with self.ctx.read() as s:
            return status_reports.realtime_alarms(s, self._now_text())

    @requires(Permission.VIEW)
    def alarm_history(self, actor: Actor, period: Period) -> Report:
        with self.ctx.read() as s:
            return status_reports.alarm_history(s, period)

    @requires(Permission.VIEW)
    def loss(self, actor: Actor, period: Period, by: str = "total") -> Report:
        """损耗分析 over the period, or by 'day' / 'month'."""
        with self.ctx.read() as s:
            return status_reports.loss_analysis(s, period, by)

    @requires(Permission.VIEW)
    def sales(self, actor: Actor, period: Period, by: str = "cashier") -> Report:
        with self.ctx.read() as s:
            return sales.sales_report(s, period, by)

    @requires(Permission.VIEW)
    def meter_summary(self, actor: Actor, period: Period) -> Report:
        with self.ctx.read() as s:
            return sales.meter_summary(s, period)

    @requires(Permission.VIEW)
    def revenue(self, actor: Actor, period: Period) -> Report:
        with self.ctx.read() as s:
            return sales.revenue_report(s, period)

    @requires(Permission.VIEW)
    def reconciliation(self, actor: Actor) -> Report:
        with self.ctx.read() as s:
            return sales.reconciliation(s, self._now_text())

    @requires(Permission.VIEW)
    def tenant_statement(self, actor: Actor, tenant_id: int, period: Period) -> Report:
        with self.ctx.read() as s:
            return sales.tenant_statement(s, tenant_id, period)

    @requires(Permission.VIEW)
    def export(self, actor: Actor, report: Report, path: str | Path, translate: Translate | None = None,
               progress: Callable[[int], bool] | None = None,
               filters: tuple[tuple[str, str], ...] = ()) -> ExportResult:
        """Write a report through the shared export path (title, site, period, the filters it was asked with,
        generated by/at, totals)."""
        spec = replace(report.table_spec(translate or _identity, site_name=self._site_name(), generated_by=actor.name,
                                         generated_at=self.ctx.clock(), zone=self._zone()), filters=filters)
        return export_xlsx(path, spec, report.rows, progress=progress)
