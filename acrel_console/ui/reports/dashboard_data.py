"""What the dashboard (首页) shows, gathered on a worker thread and summarised without Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from acrel_console.services.alarms import Alarm
from acrel_console.services.base import Actor
from acrel_console.services.meter_views import MeterTally
from acrel_console.services.reports.model import Report

TOP_ALARMS = 12


MeterCounts = MeterTally  # 未开户/失联/合闸/分闸/强制/预付费 out of the total: the service's own record


def meter_counts(services: Any, actor: Actor) -> MeterCounts:
    """Every meter counted by status and mode (one column query: services.meter_views.build_tally)."""
    counts: MeterCounts = services.meters.tally(actor)
    return counts


@dataclass(frozen=True, slots=True)
class DashboardData:
    counts: MeterCounts
    energy_today: int  # 0.01 kWh, site-local today so far
    energy_yesterday: int
    alarms: tuple[Alarm, ...]  # newest first, at most TOP_ALARMS
    alarm_count: int
    offline_meters: Report
    offline_gateways: Report
    zone: tzinfo
    as_of: datetime


def _day_energy(services: Any, actor: Actor, day: date) -> int:
    """The site's energy on a day: one sum over that day's roll-ups."""
    return int(services.reports.day_energy(actor, day))


def load_dashboard(services: Any, actor: Actor) -> DashboardData:
    """Every figure of the dashboard (worker thread; several read-only service calls)."""
    clock = services.clock.refreshed()  # worker thread: pick up a zone changed on another workstation
    zone, now = clock.zone, clock.local_now()
    today = now.date()
    counts = meter_counts(services, actor)
    alarms = services.alarms.active(actor)
    return DashboardData(
        counts=counts,
        energy_today=_day_energy(services, actor, today),
        energy_yesterday=_day_energy(services, actor, today - timedelta(days=1)),
        alarms=tuple(alarms[:TOP_ALARMS]), alarm_count=len(alarms),
        offline_meters=services.reports.offline_meters(actor),
        offline_gateways=services.reports.offline_gateways(actor),
        zone=zone, as_of=now)
