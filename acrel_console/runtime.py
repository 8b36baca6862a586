"""What runs in the background of a site: the meter runtime (poller + dispatcher under the site lease),
the alarm engine fed by the poller, and maintenance jobs. Used by `serve` and by the one-PC GUI."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from acrel_console.app import Services

log = logging.getLogger(__name__)
SMS_INTERVAL_S = 30


class SiteRuntime:
    """Start/stop everything that talks to meters or runs on a schedule, for one site.

    `start()` returns False when another process holds the site lease (this one then runs nothing that
    talks to meters; a workstation). Listeners registered with `on_sweep` receive every SweepResult from
    worker threads (the GUI bridges them to a queued Qt signal)."""

    def __init__(self, services: Services, *, bus_factory: Any = None, lease_ttl_s: float | None = None,
                 maintenance: bool = True) -> None:
        from acrel_console.services.dispatcher import MeterRuntime

        self.services = services
        self.meters = MeterRuntime(services.ctx, bus_factory=bus_factory, lease_ttl_s=lease_ttl_s,
                                   remote=services.control)
        self._maintenance = maintenance
        self._scheduler: BackgroundScheduler | None = None
        self._unsubscribe: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def poller(self) -> Any:
        return self.meters.poller

    @property
    def running(self) -> bool:
        return bool(self.meters.running)

    @property
    def lease(self) -> Any:
        """The site lease this runtime holds (or waits for)."""
        return self.meters.lease

    @property
    def lost(self) -> threading.Event:
        """Set when the lease was lost while running (another process took over)."""
        return self.meters.lost  # type: ignore[no-any-return]

    def on_sweep(self, fn: Callable[[Any], None]) -> Callable[[], None]:
        """Register a SweepResult listener (called from worker threads)."""
        return self.meters.poller.subscribe(fn)

    def start(self) -> bool:
        """Take the site lease and start polling, dispatching, alarms and maintenance."""
        with self._lock:
            if self.meters.running:
                return True
            self._unsubscribe.append(self.meters.poller.subscribe(self.services.alarm_engine.on_sweep))
            self._unsubscribe.append(self.services.alarm_engine.subscribe(self._text_tenant))
            if not self.meters.start():
                for undo in self._unsubscribe:
                    undo()
                self._unsubscribe.clear()
                return False
            if self._maintenance:
                self._start_maintenance()
            return True

    def _text_tenant(self, alarm: Any) -> None:
        """Alarm 1, alarm 2 and arrears text the tenant (the SMS policy decides whether and when)."""
        self.services.sms.on_alarm(alarm)

    def _send_due_texts(self) -> None:
        try:
            self.services.sms.process_due(_system())
        except Exception:  # noqa: BLE001 - a broken modem must not stop the scheduler
            log.exception("sending due texts failed")

    def _start_maintenance(self) -> None:
        scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1,
                                                      "misfire_grace_time": 3600})
        try:
            from acrel_console.services.maintenance_jobs import add_maintenance_jobs
        except ImportError:  # pragma: no cover - older trees without scheduled jobs
            add_maintenance_jobs = None
        if add_maintenance_jobs is not None:
            zone = self.services.settings.get_all(_system())["timezone"]
            add_maintenance_jobs(scheduler, self.services.ctx, timezone=zone)
        scheduler.add_job(self._send_due_texts, "interval", seconds=SMS_INTERVAL_S, id="sms-due")
        scheduler.start()
        self._scheduler = scheduler

    def stop(self) -> None:
        """Stop maintenance, dispatching and polling; release the lease."""
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.shutdown(wait=True)
                self._scheduler = None
            self.meters.stop()
            for undo in self._unsubscribe:
                undo()
            self._unsubscribe.clear()


def _system() -> Any:
    from acrel_console.services.base import Actor

    return Actor.system()
