"""Raw history readings are kept for `readings_keep_months` (site setting, default 13) and then pruned in
the background; the hourly and daily roll-ups, which every report reads, are kept for good.

What pruning keeps: every reading inside the period, and each meter's newest reading whatever its age (the
next reading's energy is counted from it). On PostgreSQL (meter_reading_days partitioned by month) a month wholly
before the cut-off is dropped as one table, unless it holds a meter's newest reading; the rest goes in short
per-meter deletes so the cashier never waits on a long write lock. The job also creates the coming months'
partitions, so new readings never land in the catch-all partition.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from acrel_console.services.base import ServiceContext
from acrel_console.services.site_settings import load_all
from acrel_console.storage import reading_days, reading_partitions
from acrel_console.storage.reading_codec import day_of
from acrel_console.storage.tables.site import MeterRow

log = logging.getLogger(__name__)
METERS_PER_TRANSACTION = 50
JOB_ID = "maintenance.readings"
PARTITION_MONTHS_AHEAD = 2


@dataclass(frozen=True, slots=True)
class PruneResult:
    """What one prune did: the cut-off (UTC), rows deleted, months dropped (PostgreSQL), partitions made."""

    cutoff: datetime
    deleted: int
    dropped_months: tuple[date, ...] = ()
    created_months: tuple[date, ...] = ()


def months_back(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = m + 1
    for d in range(day.day, 0, -1):
        try:
            return date(y, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 1 always exists


def cutoff(ctx: ServiceContext, keep_months: int) -> datetime:
    """The instant before which raw readings go: the start of the site-local day `keep_months` ago."""
    clock = ctx.site_clock.refreshed()
    return clock.day_start(months_back(clock.today(), keep_months))


def _partitions(conn: Connection, meter_ids: list[int], cut: datetime, today: date) -> tuple[list[date], list[date]]:
    """PostgreSQL: create the coming months, drop the months wholly before the cut-off that hold no meter's
    newest reading. Returns (created, dropped)."""
    ahead = today
    for _ in range(PARTITION_MONTHS_AHEAD):
        ahead = reading_partitions.next_month(ahead)
    created = reading_partitions.ensure_months(conn, today, ahead)
    newest = {reading_partitions.month_start(d) for d in reading_days.newest_days(conn, meter_ids).values()}
    dropped = []
    for month in reading_partitions.months(conn):
        if reading_partitions.next_month(month) <= day_of(cut) and month not in newest:
            reading_partitions.drop_month(conn, month)
            dropped.append(month)
    return created, dropped


def prune_readings(ctx: ServiceContext, keep_months: int | None = None) -> PruneResult:
    """Delete raw readings older than the retention period (keeping each meter's newest). Runs from the
    maintenance scheduler (a worker thread)."""
    with ctx.read() as s:
        months = int(keep_months if keep_months is not None else load_all(s)["readings_keep_months"])
        meter_ids = [int(m) for m in s.execute(select(MeterRow.id).order_by(MeterRow.id)).scalars()]
    cut = cutoff(ctx, months)
    created: list[date] = []
    dropped: list[date] = []
    with ctx.engine.begin() as conn:
        if reading_partitions.partitioned(conn):
            created, dropped = _partitions(conn, meter_ids, cut, ctx.site_clock.today())
    deleted = 0
    for i in range(0, len(meter_ids), METERS_PER_TRANSACTION):
        with ctx.transaction() as s:
            deleted += reading_days.prune(s, meter_ids[i:i + METERS_PER_TRANSACTION], cut)
    if deleted or dropped:
        log.info("pruned %s raw readings before %s, dropped months %s", deleted, cut.isoformat(), dropped)
    return PruneResult(cut, deleted, tuple(dropped), tuple(created))


def add_prune_job(scheduler: Any, ctx: ServiceContext, *, timezone: str, at: tuple[int, int] = (4, 0)) -> str:
    """The nightly prune (site-local time), also run once soon after start (partitions for this month)."""
    opts = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600, "replace_existing": True}
    scheduler.add_job(_job, "cron", hour=at[0], minute=at[1], timezone=timezone, args=[ctx], id=JOB_ID, **opts)
    scheduler.add_job(_job, "date", args=[ctx], id=JOB_ID + ".start", **opts)
    return JOB_ID


def _job(ctx: ServiceContext) -> None:
    try:
        prune_readings(ctx)
    except Exception:  # noqa: BLE001 - the scheduler must keep running; retried next night
        log.exception("pruning raw readings failed")
