"""The poller (design §10): one BusWorker per enabled gateway, APScheduler triggering status and
history sweeps, settings and topology re-read while running, results published to listeners."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from datetime import datetime, timezone
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound
from acrel_console.drivers.api import BusConfig, MeterBus
from acrel_console.services.base import ServiceContext
from acrel_console.services.polling.results import Listener, PollSettings, SweepResult
from acrel_console.services.polling.store import GatewayTarget, load_gateways
from acrel_console.services.polling.worker import BusFactory, BusWorker
from acrel_console.services.site_settings import load_all

log = logging.getLogger(__name__)
SETTINGS_REFRESH_S = 10  # how soon a changed interval or a new gateway is picked up
MISFIRE_GRACE_S = 60


def default_bus_factory(config: BusConfig) -> MeterBus:
    """The real driver (drivers.bus.open_bus)."""
    from acrel_console.drivers.bus import open_bus

    return open_bus(config)


def read_settings(ctx: ServiceContext) -> PollSettings:
    with ctx.read() as s:
        values = load_all(s)
    ctx.site_clock.set_zone(str(values["timezone"]))  # the service keeps the site clock's zone fresh
    return PollSettings(int(values["status_interval_s"]), int(values["history_interval_s"]), str(values["timezone"]),
                        int(values["status_cycle_s"]))


class Poller:
    """Polls every enabled gateway (or only `gateways`, by name). Thread-safe; no Qt.

    `subscribe(fn)` registers a listener called from worker threads with each immutable SweepResult;
    the GUI bridges it to a queued signal. `start()` schedules sweeps; `run_once()` sweeps once and
    returns the results (no scheduler); `stop()` shuts the scheduler down (wait=True) and the workers.
    """

    def __init__(self, ctx: ServiceContext, *, bus_factory: BusFactory | None = None,
                 gateways: list[str] | None = None, settings_refresh_s: float = SETTINGS_REFRESH_S,
                 zone: str | None = None) -> None:
        self.ctx = ctx
        self.zone = zone  # only the gateways of this zone (an estate: one `serve --zone` each); None = all
        self._bus_factory = bus_factory or default_bus_factory
        self._only = set(gateways) if gateways else None
        self._refresh_s = settings_refresh_s
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._workers: dict[int, BusWorker] = {}
        self._settings = read_settings(ctx)
        self._scheduler: BackgroundScheduler | None = None
        self._started = False

    # ---- listeners ------------------------------------------------------------------------
    def subscribe(self, fn: Listener) -> Callable[[], None]:
        """Call fn(SweepResult) after every sweep chunk/command read-back; returns an unsubscribe."""
        with self._lock:
            self._listeners.append(fn)

        def unsubscribe() -> None:
            with self._lock:
                if fn in self._listeners:
                    self._listeners.remove(fn)

        return unsubscribe

    def _publish(self, result: SweepResult) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for fn in listeners:
            try:
                fn(result)
            except Exception:  # noqa: BLE001 - a listener's bug never stops polling
                log.exception("poll listener failed")

    # ---- settings and topology ------------------------------------------------------------
    @property
    def settings(self) -> PollSettings:
        return self._settings

    def _get_settings(self) -> PollSettings:
        return self._settings

    def refresh(self) -> None:
        """Re-read settings (reschedule on change) and gateways (start/stop workers)."""
        new = read_settings(self.ctx)
        old, self._settings = self._settings, new
        if self._scheduler is not None:
            if new.sweep_every_s != old.sweep_every_s:
                self._scheduler.reschedule_job("status", trigger="interval", seconds=new.sweep_every_s)
                log.info("status sweeps now every %s s", new.sweep_every_s)
            if new.history_interval_s != old.history_interval_s:
                self._scheduler.reschedule_job("history", trigger="interval", seconds=new.history_interval_s)
        self._sync_workers()

    def targets(self) -> list[GatewayTarget]:
        """The enabled gateways this poller covers."""
        return self._targets()

    def ensure_workers(self) -> None:
        """Start a worker per covered gateway now (without scheduling sweeps)."""
        self._sync_workers()

    def _targets(self) -> list[GatewayTarget]:
        with self.ctx.read() as s:
            gws = load_gateways(s)
        if self._only is not None:
            gws = [g for g in gws if g.name in self._only or str(g.id) in self._only]
        if self.zone is not None:
            gws = [g for g in gws if g.zone == self.zone]
        return [g for g in gws if g.enabled]

    def _sync_workers(self) -> None:
        targets = {g.id: g for g in self._targets()}
        with self._lock:
            for gid in list(self._workers):
                w = self._workers[gid]
                if gid not in targets or targets[gid].config != w.gateway.config or not w.alive:
                    w.stop()
                    del self._workers[gid]
            for gid, g in targets.items():
                if gid not in self._workers:
                    w = BusWorker(self.ctx, g, self._bus_factory, self._get_settings, self._publish)
                    w.start()
                    self._workers[gid] = w

    def workers(self) -> dict[int, BusWorker]:
        with self._lock:
            return dict(self._workers)

    def worker_for_gateway(self, gateway_id: int) -> BusWorker | None:
        with self._lock:
            return self._workers.get(gateway_id)

    # ---- running --------------------------------------------------------------------------
    def start(self) -> None:
        """Start workers and the scheduler: a first sweep now, then every interval."""
        if self._started:
            return
        self._started = True
        self._sync_workers()
        sched = BackgroundScheduler(timezone=timezone.utc, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_S})
        now = datetime.now(timezone.utc)
        sched.add_job(self._status_tick, "interval", seconds=self._settings.sweep_every_s, id="status",
                      next_run_time=now)
        sched.add_job(self._history_tick, "interval", seconds=self._settings.history_interval_s, id="history",
                      next_run_time=now)
        sched.add_job(self._refresh_tick, "interval", seconds=self._refresh_s, id="refresh")
        sched.start()
        self._scheduler = sched

    def _status_tick(self) -> None:
        self.sweep_now(history=False)

    def _history_tick(self) -> None:
        self.sweep_now(history=True)

    def _refresh_tick(self) -> None:
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - a database hiccup must not end the schedule
            log.exception("poller refresh failed")

    def sweep_now(self, history: bool = False, gateway_id: int | None = None) -> list[Future[SweepResult]]:
        """Request a sweep of every (or one) bus now; returns one future per bus."""
        with self._lock:
            workers = [w for gid, w in self._workers.items() if gateway_id is None or gid == gateway_id]
        return [w.request_sweep(history) for w in workers]

    def run_once(self, history: bool = False, timeout_s: float | None = None) -> list[SweepResult]:
        """One sweep of every selected bus, in parallel; returns when all are done (no scheduler)."""
        self._sync_workers()
        if not self._workers:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No enabled gateway to poll."))
        futures = self.sweep_now(history)
        wait(futures, timeout=timeout_s)
        out: list[SweepResult] = []
        for f in futures:
            if f.done() and not f.cancelled() and f.exception() is None:
                out.append(f.result())
        return out

    def stop(self) -> None:
        """Stop the scheduler (waiting for running jobs), then every worker (closing its bus)."""
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        with self._lock:
            workers, self._workers = list(self._workers.values()), {}
        for w in workers:
            w.stop()
        self._started = False

    def __enter__(self) -> Poller:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
