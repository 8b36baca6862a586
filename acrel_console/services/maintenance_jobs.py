"""Scheduled maintenance the site's dispatcher process runs: the nightly verified backup (rotated) and the
nightly integrity check. Plain functions for APScheduler (worker threads, no Qt); `add_maintenance_jobs`
registers both on the scheduler that also runs the sweeps.

Only the process that holds the site lease (the GUI on a one-PC site, `serve` on a multi-workstation site)
adds these jobs, so a site takes one backup per night, not one per workstation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from acrel_console.domain.errors import UserError
from acrel_console.services import audit
from acrel_console.services.backup import KEEP_BACKUPS, BackupInfo, BackupService
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.integrity import IntegrityReport, run_integrity_check

log = logging.getLogger(__name__)

BACKUP_JOB_ID = "maintenance.backup"
INTEGRITY_JOB_ID = "maintenance.integrity"
BACKUP_FAILED_KIND = "alarm.backup"
DEFAULT_BACKUP_AT = (2, 30)  # site-local time of day (hour, minute)
DEFAULT_INTEGRITY_AT = (3, 15)
MISFIRE_GRACE_S = 6 * 3600  # a PC that was off at 02:30 still backs up when it comes back that morning


@dataclass(frozen=True, slots=True)
class BackupOutcome:
    """What the nightly backup did: the verified file (and the rotated-out ones) or why it failed."""

    at: datetime
    info: BackupInfo | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.info is not None


def scheduled_backup(ctx: ServiceContext, *, keep: int = KEEP_BACKUPS) -> BackupOutcome:
    """Take an automatic backup into the backups folder (verified, then rotated to `keep`). Never raises:
    a failure (full disk, pg_dump missing) is logged in the operation log as 'alarm.backup' and returned;
    the older backups stay."""
    at = ctx.clock()
    try:
        info = BackupService(ctx).backup(Actor.system(), None, keep=keep)
    except UserError as err:
        return _failed(ctx, at, err.english())
    except Exception as exc:  # noqa: BLE001 - the scheduler must keep running; the failure is recorded
        log.exception("scheduled backup failed")
        return _failed(ctx, at, f"{type(exc).__name__}: {exc}")
    log.info("scheduled backup %s (%s bytes), removed %s", info.path, info.size_bytes, list(info.removed_old))
    return BackupOutcome(at, info)


def _failed(ctx: ServiceContext, at: datetime, message: str) -> BackupOutcome:
    log.error("scheduled backup failed: %s", message)
    try:
        with ctx.transaction() as s:
            audit.append(s, Actor.system(), BACKUP_FAILED_KIND, "backup", reason=message, at=ctx.clock())
    except Exception:  # noqa: BLE001 - the database itself may be what failed
        log.exception("could not record the backup failure")
    return BackupOutcome(at, None, message)


def scheduled_integrity_check(ctx: ServiceContext) -> IntegrityReport:
    """The nightly integrity check (same as at start-up); raises the integrity alarm on failure."""
    return run_integrity_check(ctx)


def add_maintenance_jobs(scheduler: Any, ctx: ServiceContext, *, timezone: str = "Asia/Shanghai",
                         backup_at: tuple[int, int] = DEFAULT_BACKUP_AT,
                         integrity_at: tuple[int, int] | None = DEFAULT_INTEGRITY_AT,
                         keep: int = KEEP_BACKUPS) -> list[str]:
    """Register the nightly backup (and integrity check) as cron jobs in the site's time zone on an
    APScheduler scheduler; returns the job ids. Jobs coalesce, never overlap, and run late after a
    power cut within MISFIRE_GRACE_S."""
    opts = {"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_S, "replace_existing": True}
    scheduler.add_job(scheduled_backup, "cron", hour=backup_at[0], minute=backup_at[1], timezone=timezone,
                      args=[ctx], kwargs={"keep": keep}, id=BACKUP_JOB_ID, **opts)
    ids = [BACKUP_JOB_ID]
    if integrity_at is not None:
        scheduler.add_job(scheduled_integrity_check, "cron", hour=integrity_at[0], minute=integrity_at[1],
                          timezone=timezone, args=[ctx], id=INTEGRITY_JOB_ID, **opts)
        ids.append(INTEGRITY_JOB_ID)
    return ids
