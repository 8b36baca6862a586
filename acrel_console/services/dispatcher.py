"""The command dispatcher: runs in the process holding the site lease, takes pending meter_commands
(credit deliveries and remote control, one queue) and executes each on its bus worker, ahead of polls.

Control commands run once, at once (even on an offline meter) and end delivered or failed. Credit and
ledger download commands go to services.deliveries (design §8); when they must wait (meter silent),
they are retried at the meter's next successful contact or after `retry_s`.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from acrel_console.services import site_anchor
from acrel_console.services.base import ServiceContext
from acrel_console.services.polling.poller import Poller
from acrel_console.services.polling.results import SweepResult
from acrel_console.services.polling.worker import BusWorker, QueueFull
from acrel_console.services.remote_control import execute_control_command, is_control_row
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow

log = logging.getLogger(__name__)
SCAN_INTERVAL_S = 1.0  # other workstations' commands are seen within this
SCAN_LIMIT = 1000
ANCHOR_INTERVAL_S = 10.0


def _credit_job(ctx: ServiceContext, command_id: str, meter_id: int, reconcile_only: bool = False,
                notify: Callable[[Any], None] | None = None) -> Any:
    def job(worker: BusWorker) -> Any:
        from acrel_console.services import deliveries

        bus = worker.bus()
        if bus is None:
            raise worker.unavailable()
        if reconcile_only:  # a delivery from a restored database: read the meter and record, send nothing
            outcome = deliveries.execute_credit_command(ctx, bus, command_id, send=False)
            log.warning("restored database: delivery %s: %s %s", command_id, outcome.state, outcome.reason)
            if notify is not None:
                notify(outcome)
            outcome = dataclasses.replace(outcome, waiting=False)  # the next scan may send it at once
        else:
            outcome = deliveries.execute_command(ctx, bus, command_id)
        worker.publish_meters([meter_id])
        return outcome

    return job


class Dispatcher:
    """Scans the queue every `scan_interval_s` (or when poked) and hands commands to bus workers."""

    def __init__(self, ctx: ServiceContext, poller: Poller, *, scan_interval_s: float = SCAN_INTERVAL_S,
                 retry_s: float | None = None) -> None:
        self.ctx = ctx
        self.poller = poller
        self.scan_interval_s = scan_interval_s
        self._retry_s = retry_s
        self._lock = threading.Lock()
        self._inflight: set[str] = set()
        self._retry_at: dict[str, tuple[float, int]] = {}  # command id -> (monotonic time, meter id)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe = poller.subscribe(self._on_result)
        self.executed = 0
        self._reconciled: set[str] = set()  # restored deliveries already read back once by this process
        self._reconciled_listeners: list[Callable[[Any], None]] = []

    def on_reconciled(self, fn: Callable[[Any], None]) -> None:
        """Call fn(DeliveryOutcome) with what each restored delivery's meter showed (from a bus worker)."""
        self._reconciled_listeners.append(fn)

    def _tell_reconciled(self, outcome: Any) -> None:
        for fn in list(self._reconciled_listeners):
            try:
                fn(outcome)
            except Exception:  # noqa: BLE001 - a listener must not stop the dispatcher
                log.exception("reconciliation listener failed")

    def poke(self) -> None:
        """Look at the queue now (called after a local submit)."""
        self._wake.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="dispatcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        t, self._thread = self._thread, None
        if t is not None:
            t.join(30)
        self._unsubscribe()

    def _run(self) -> None:
        anchored_at = 0.0
        while not self._stop.is_set():
            try:
                self.scan()
            except Exception:  # noqa: BLE001 - a database hiccup must not end dispatching
                log.exception("dispatcher scan failed")
            if time.monotonic() - anchored_at >= ANCHOR_INTERVAL_S:
                anchored_at = time.monotonic()
                try:
                    site_anchor.advance(self.ctx)  # the lease holder keeps the log's head anchored
                except Exception:  # noqa: BLE001 - retried at the next interval
                    log.exception("anchoring the operation log failed")
            self._wake.wait(self.scan_interval_s)
            self._wake.clear()

    def _on_result(self, result: SweepResult) -> None:
        """A meter answered: commands waiting for it may go now."""
        alive = {m.meter_id for m in result.changed if m.consecutive_failures == 0 and m.last_seen is not None}
        if not alive:
            return
        with self._lock:
            ready = [cid for cid, (_t, mid) in self._retry_at.items() if mid in alive]
            for cid in ready:
                del self._retry_at[cid]
        if ready:
            self._wake.set()

    def scan(self) -> int:
        """Hand every runnable outstanding command to its bus worker; returns how many were queued."""
        q = (select(MeterCommandRow, MeterRow.gateway_id)
             .join(MeterRow, MeterCommandRow.meter_id == MeterRow.id)
             .where(MeterCommandRow.state.in_(("pending", "sending")))
             .order_by(MeterCommandRow.priority.desc(), MeterCommandRow.created_at,
                       MeterCommandRow.expected_purchase_count)
             .limit(SCAN_LIMIT))
        if self.poller.zone is not None:  # an estate: only this zone's meters (others' queues never crowd it)
            q = q.join(GatewayRow, MeterRow.gateway_id == GatewayRow.id).where(GatewayRow.zone == self.poller.zone)
        from acrel_console.services import deliveries

        deliveries.check_restore(self.ctx)  # a database behind its anchor pins its open deliveries first
        pinned = deliveries.pinned_command_ids(self.ctx)
        with self.ctx.read() as s:
            rows = [(r.id, r.meter_id, is_control_row(r), gid) for r, gid in s.execute(q)]
        queued = 0
        now = time.monotonic()
        for cid, meter_id, control, gateway_id in rows:
            with self._lock:
                if cid in self._inflight:
                    continue
                retry = self._retry_at.get(cid)
                if retry is not None and retry[0] > now:
                    continue
                self._retry_at.pop(cid, None)
            worker = self.poller.worker_for_gateway(gateway_id)
            if worker is None:
                continue
            if control:
                job = (lambda c: (lambda w: execute_control_command(self.ctx, w, c)))(cid)
            else:
                first_look = cid in pinned and cid not in self._reconciled
                if first_look:
                    self._reconciled.add(cid)
                job = _credit_job(self.ctx, cid, meter_id, reconcile_only=first_look, notify=self._tell_reconciled)
            with self._lock:
                self._inflight.add(cid)
            try:
                fut = worker.submit(job)
            except QueueFull:
                with self._lock:
                    self._inflight.discard(cid)
                continue
            fut.add_done_callback(lambda f, c=cid, m=meter_id: self._done(c, m, f))
            queued += 1
        return queued

    def _done(self, command_id: str, meter_id: int, fut: Any) -> None:
        waiting = False
        if fut.cancelled():
            waiting = True
        elif fut.exception() is not None:
            waiting = True
        else:
            res = fut.result()
            waiting = bool(getattr(res, "waiting", False))
        with self._lock:
            self._inflight.discard(command_id)
            self.executed += 1
            if waiting:
                retry_s = self._retry_s if self._retry_s is not None else self.poller.settings.status_interval_s
                self._retry_at[command_id] = (time.monotonic() + retry_s, meter_id)

    def idle(self) -> bool:
        """True when nothing is in flight (tests and `control` wait on the database instead)."""
        with self._lock:
            return not self._inflight


class MeterRuntime:
    """Poller + dispatcher under the site lease: what `serve`, `demo` and the one-PC GUI run.

    `start()` returns False (and runs nothing) when another process holds the lease; losing the
    lease later stops polling and dispatching (the other holder carries on).

    An estate (issue 15) runs one per zone: `zone` names the group of gateways this runtime polls and
    dispatches to, under that zone's own lease (its standby waits for it); "" is the site's own zone (every
    gateway of a site that has no zones)."""

    def __init__(self, ctx: ServiceContext, *, bus_factory: Any = None, lease_ttl_s: float | None = None,
                 remote: Any = None, gateways: list[str] | None = None, zone: str = "") -> None:
        from acrel_console.services.lease import DEFAULT_TTL_S, SiteLease

        self.ctx = ctx
        self.zone = zone
        self.lease = SiteLease(ctx, ttl_s=lease_ttl_s or DEFAULT_TTL_S, zone=zone)
        self.poller = Poller(ctx, bus_factory=bus_factory, gateways=gateways, zone=zone)
        self.dispatcher = Dispatcher(ctx, self.poller)
        self._remote = remote
        self.running = False
        self.lost = threading.Event()

    def start(self) -> bool:
        if self.running:
            return True
        if not self.lease.acquire():
            return False
        self.poller.start()
        self.dispatcher.start()
        if self._remote is not None:
            self._remote.on_submitted(self.dispatcher.poke)
        self.lease.start_heartbeat(self._lost)
        self.running = True
        return True

    def _lost(self) -> None:
        self.lost.set()
        threading.Thread(target=self.stop, name="runtime-stop", daemon=True).start()

    def stop(self) -> None:
        """Stop dispatching, then polling (scheduler shutdown(wait=True)), then give the lease up."""
        if not self.running:
            return
        self.running = False
        self.dispatcher.stop()
        self.poller.stop()
        self.lease.release()
