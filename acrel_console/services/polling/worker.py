"""One worker thread per bus: sequential on its bus, commands ahead of polls (also between the meters
of a running sweep), dead-meter back-off, results persisted and published. It never dies on bad input.

Two speeds (issue 15): a status sweep reads each meter's short status block (the profile's [status]),
a history sweep, and a meter's first contact since the worker started, the whole real-time block.
Outcomes are persisted and published as the sweep goes, at least once a second (FLUSH_S), so a meter's
fresh status reaches the grid within about a second of its reply, not at the end of a long sweep."""

from __future__ import annotations

import collections
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from acrel_console.domain.readings import MeterReading
from acrel_console.drivers.api import (BusConfig, BusCounters, BusError, BusUnavailable, CrcError, ExceptionReply,
                                       FrameError, InvalidRequest, MeterBus, MeterTimeout)
from acrel_console.drivers.profiles import load_profile
from acrel_console.services.base import ServiceContext
from acrel_console.services.bus_health import health_value
from acrel_console.services.meter_views import build_live
from acrel_console.services.polling import backoff
from acrel_console.services.polling.results import PollSettings, SweepResult
from acrel_console.services.polling.store import (GatewayTarget, HealthDelta, MeterOutcome, MeterTarget,
                                                  load_meters, load_states, save_health, save_outcomes)

log = logging.getLogger(__name__)
T = TypeVar("T")
BusFactory = Callable[[BusConfig], MeterBus]
MAX_QUEUED_COMMANDS = 256  # bounded: the dispatcher leaves the rest PENDING in the database
FLUSH_EVERY = 64  # publish a chunk of a long sweep so the grid updates while it runs ...
FLUSH_S = 1.0  # ... and at least this often (a 9600-baud status read takes ~37 ms: ~27 meters a chunk)


class QueueFull(Exception):
    """The bus worker's command queue is full; try again later."""


def error_text(exc: BaseException) -> str:
    """A short, stable description of a bus failure for logs and meter_state.last_error."""
    kind = {MeterTimeout: "timeout", CrcError: "crc", ExceptionReply: "exception", BusUnavailable: "unavailable"}
    for cls, name in kind.items():
        if isinstance(exc, cls):
            return f"{name}: {exc}"[:300]
    if isinstance(exc, FrameError):
        return f"frame: {exc}"[:300]
    return f"{type(exc).__name__}: {exc}"[:300]


@contextmanager
def single_try(bus: MeterBus) -> Iterator[None]:
    """Run with transport retries off (the back-off probe of an offline meter is one try)."""
    config = getattr(bus, "config", None)
    if isinstance(config, BusConfig) and config.retries:
        bus.config = dataclasses.replace(config, retries=0)  # type: ignore[attr-defined]
        try:
            yield
        finally:
            bus.config = config  # type: ignore[attr-defined]
    else:
        yield


@dataclasses.dataclass(slots=True)
class _Job:
    fn: Callable[[BusWorker], Any]
    future: Future[Any]


def _snapshot(c: BusCounters) -> tuple[int, int, int, int, int, int]:
    return (c.requests, c.timeouts, c.crc_errors, c.frame_errors, c.exceptions, c.reconnects)


class BusWorker:
    """Owns one MeterBus and the thread that uses it. Thread-safe entry points: request_sweep,
    submit, stop. The bus is connected lazily and reopened after it becomes unavailable."""

    def __init__(self, ctx: ServiceContext, gateway: GatewayTarget, bus_factory: BusFactory,
                 settings: Callable[[], PollSettings], publish: Callable[[SweepResult], None],
                 *, max_commands: int = MAX_QUEUED_COMMANDS, flush_every: int = FLUSH_EVERY,
                 flush_s: float = FLUSH_S) -> None:
        self.ctx = ctx
        self.gateway = gateway
        self._bus_factory = bus_factory
        self._settings = settings
        self._publish = publish
        self._max_commands = max_commands
        self._flush_every = flush_every
        self._flush_s = flush_s
        self._fully_read: set[int] = set()  # meters whose whole real-time block this worker has read
        self._cond = threading.Condition()
        self._commands: collections.deque[_Job] = collections.deque()
        self._sweep_waiters: list[Future[SweepResult]] = []
        self._sweep_pending = False
        self._history_pending = False
        self._stopping = False
        self._bus: MeterBus | None = None
        self._counted: tuple[int, ...] = (0, 0, 0, 0, 0, 0)
        self._pending_delta: tuple[int, ...] = (0, 0, 0, 0, 0, 0)
        self._internal_errors = 0
        self._states: dict[int, backoff.MeterPollState] = {}
        self._last_error = ""
        self._last_exc: BaseException | None = None  # the failure behind _last_error (kept as a cause)
        self._thread = threading.Thread(target=self._run, name=f"bus-{gateway.name}", daemon=True)
        self.sweeps_done = 0

    # ---- entry points (any thread) --------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def request_sweep(self, history: bool = False) -> Future[SweepResult]:
        """Ask for a sweep (coalesced with one already pending); the future gets its final result."""
        fut: Future[SweepResult] = Future()
        with self._cond:
            if self._stopping:
                fut.cancel()
                return fut
            self._sweep_pending = True
            self._history_pending = self._history_pending or history
            self._sweep_waiters.append(fut)
            self._cond.notify_all()
        return fut

    def submit(self, fn: Callable[[BusWorker], T]) -> Future[T]:
        """Queue a command job ahead of any poll; raises QueueFull when the bounded queue is full."""
        fut: Future[T] = Future()
        with self._cond:
            if self._stopping:
                raise QueueFull("worker stopping")
            if len(self._commands) >= self._max_commands:
                raise QueueFull(self.gateway.name)
            self._commands.append(_Job(fn, fut))
            self._cond.notify_all()
        return fut

    @property
    def queued_commands(self) -> int:
        with self._cond:
            return len(self._commands)

    def stop(self, timeout_s: float = 30.0) -> None:
        """Finish the job in hand, drop the queued ones (their commands stay PENDING), close the bus."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout_s)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # ---- thread body ----------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not (self._stopping or self._commands or self._sweep_pending):
                        self._cond.wait()
                    if self._stopping:
                        break
                    run_sweep = not self._commands and self._sweep_pending
                    history = False
                    waiters: list[Future[SweepResult]] = []
                    if run_sweep:
                        history, self._history_pending, self._sweep_pending = self._history_pending, False, False
                        waiters, self._sweep_waiters = self._sweep_waiters, []
                if not run_sweep:
                    self._drain_commands()
                    continue
                try:
                    result = self._sweep(history)
                except Exception as exc:  # noqa: BLE001 - the worker never dies; the failure is reported
                    log.exception("sweep of %s failed", self.gateway.name)
                    self._note_failure(exc)
                    for w in waiters:
                        w.set_exception(exc)
                    continue
                for w in waiters:
                    w.set_result(result)
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        with self._cond:
            jobs, self._commands = list(self._commands), collections.deque()
            waiters, self._sweep_waiters = self._sweep_waiters, []
        for job in jobs:
            job.future.cancel()
        for w in waiters:
            w.cancel()
        self._drop_bus()

    def _drain_commands(self) -> None:
        """Run every queued command job now (called between meters of a sweep, too)."""
        while True:
            with self._cond:
                if not self._commands or self._stopping:
                    return
                job = self._commands.popleft()
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                job.future.set_result(job.fn(self))
            except BaseException as exc:  # noqa: BLE001 - reported through the future
                log.exception("command job on %s failed", self.gateway.name)
                job.future.set_exception(exc)

    # ---- bus ------------------------------------------------------------------------------
    def _note_failure(self, exc: BaseException) -> None:
        self._last_error, self._last_exc = error_text(exc), exc

    def unavailable(self) -> BusUnavailable:
        """Why this bus cannot be used now: a BusUnavailable with the original failure's own message (never
        'unavailable: unavailable: ...') and that failure as its __cause__."""
        cause = self._last_exc
        while getattr(cause, "_relayed", False):  # a BusUnavailable made here before: relay its cause
            cause = cause.__cause__ if cause is not None else None
        if cause is None:
            return BusUnavailable(self._last_error or "bus unavailable")
        detail = str(cause) if isinstance(cause, BusError) else f"{type(cause).__name__}: {cause}"
        err = BusUnavailable(detail or type(cause).__name__)
        err.__cause__ = cause
        err._relayed = True  # type: ignore[attr-defined]
        return err

    def bus(self) -> MeterBus | None:
        """The connected bus, opening it if needed; None when the gateway/port is unavailable."""
        if self._bus is not None:
            return self._bus
        try:
            bus = self._bus_factory(self.gateway.config)
        except Exception as exc:  # noqa: BLE001 - a bad config or missing driver is one more failure
            self._note_failure(exc)
            self._internal_errors += 1
            return None
        self._counted = _snapshot(bus.counters)
        try:
            bus.connect()
        except Exception as exc:  # noqa: BLE001
            self._note_failure(exc)
            self._collect(bus)
            try:
                bus.close()
            except Exception:  # noqa: BLE001
                pass
            return None
        self._bus = bus
        return bus

    def _drop_bus(self) -> None:
        bus, self._bus = self._bus, None
        if bus is not None:
            self._collect(bus)
            try:
                bus.close()
            except Exception:  # noqa: BLE001
                pass

    def _collect(self, bus: MeterBus) -> None:
        cur = _snapshot(bus.counters)
        self._pending_delta = tuple(p + c - s for p, c, s in zip(self._pending_delta, cur, self._counted))
        self._counted = cur

    def _take_delta(self) -> HealthDelta:
        if self._bus is not None:
            self._collect(self._bus)
        d, self._pending_delta = self._pending_delta, (0, 0, 0, 0, 0, 0)
        internal, self._internal_errors = self._internal_errors, 0
        return HealthDelta(requests=d[0], timeouts=d[1], crc_errors=d[2], frame_errors=d[3] + internal,
                           exceptions=d[4], reconnects=d[5])

    def read_meter(self, meter: MeterTarget, *, single: bool = False,
                   full: bool = True) -> tuple[MeterReading, frozenset[str] | None]:
        """Read one meter: its whole real-time block (`full`) or its profile's short status read.
        Returns the reading and the attributes it carries (None: all of them). BusUnavailable drops the
        bus (reopened next time)."""
        bus = self.bus()
        if bus is None:
            raise self.unavailable()
        status_read = None if full else getattr(bus, "read_status", None)
        fields = None if status_read is None else load_profile(meter.model).status_fields
        read = bus.read_realtime if status_read is None else status_read
        try:
            if single:
                with single_try(bus):
                    return read(meter.address, meter.model), fields
            return read(meter.address, meter.model), fields
        except BusUnavailable:
            self._drop_bus()
            raise

    def with_force_state(self, meter: MeterTarget, reading: MeterReading, history: bool) -> MeterReading:
        """Add the force-control state (keep power / forced trip) when it may have changed.

        The real-time block does not carry it on Acrel meters, so the registers are read back (one short
        FC03) when it is unknown, on history sweeps, while the meter is forced, and when the relay
        disagrees with the balance (closed at or below zero, or open with money left)."""
        st = self.state_of(meter.id)
        if reading.forced is not None or not st.force_readable:
            st.forced = reading.forced if reading.forced is not None else st.forced
            return reading
        relay = all(reading.relay_closed) if reading.relay_closed else None
        remaining = reading.remaining_fen
        odd = relay is not None and remaining is not None and (relay == (remaining <= 0))
        if not (history or st.forced is None or st.forced or odd):
            return reading
        fn = getattr(self._bus, "read_force_state", None)
        if fn is None:
            st.force_readable = False
            return reading
        try:
            with single_try(self._bus):  # type: ignore[arg-type]
                forced, forced_open = fn(meter.address, meter.model)
        except InvalidRequest:
            st.force_readable = False
            return reading
        except BusError:
            return reading  # the reading itself is good; the force state stays as known
        st.forced = bool(forced)
        return dataclasses.replace(reading, forced=bool(forced), forced_open=bool(forced_open) if forced else None)

    def state_of(self, meter_id: int) -> backoff.MeterPollState:
        st = self._states.get(meter_id)
        if st is None:
            with self.ctx.read() as s:
                st = load_states(s, [meter_id])[meter_id]
            self._states[meter_id] = st
        return st

    # ---- contact bookkeeping shared by sweeps and commands ---------------------------------
    def note_contact(self, meter: MeterTarget, reading: MeterReading | None, error: BaseException | None,
                     now: datetime) -> MeterOutcome:
        st = self.state_of(meter.id)
        if reading is not None:
            return MeterOutcome(st, reading, backoff.note_success(st, now))
        text = error_text(error) if error is not None else "no reply"
        settings = self._settings()
        return MeterOutcome(st, None, backoff.note_failure(st, now, settings.status_interval_s, text,
                                                           sweep_s=settings.sweep_every_s))

    def record_command_contact(self, meter: MeterTarget, reading: MeterReading | None,
                               error: BaseException | None) -> None:
        """A command's read-back (or its failure) updates the meter's state and the grid at once."""
        now = self.ctx.clock()
        if reading is not None and reading.forced is not None:
            self.state_of(meter.id).forced = reading.forced
        outcome = self.note_contact(meter, reading, error, now)
        self._flush([outcome], {meter.id: meter.address}, kind="command", history=False, complete=True,
                    started_at=now, started=time.perf_counter(), sweep=False, skipped=0, total=None)

    def publish_meters(self, meter_ids: list[int]) -> None:
        """Publish fresh live values of some meters (after a delivery changed them)."""
        now = self.ctx.clock()
        with self.ctx.read() as s:
            changed = tuple(build_live(s, meter_ids, now))
        self._publish(SweepResult(self.gateway.id, self.gateway.name, "command", True, now, 0.0, 0, 0, 0, 0,
                                  changed, (), None))

    # ---- the sweep ------------------------------------------------------------------------
    def _sweep(self, history: bool) -> SweepResult:
        settings = self._settings()
        started_at = self.ctx.clock()
        started = time.perf_counter()
        with self.ctx.read() as s:
            meters = load_meters(s, self.gateway.id)
            missing = [m.id for m in meters if m.id not in self._states]
            self._states.update(load_states(s, missing))
        outcomes: list[MeterOutcome] = []
        addresses = {m.id: m.address for m in meters}
        skipped = 0
        attempted_total = succeeded = failed = 0
        transitions: list[tuple[int, str]] = []
        changed: list[Any] = []
        connects_left = 2  # the first open and one reconnect after a reset; then the rest fail fast
        flushed_at = time.perf_counter()
        for meter in meters:
            self._drain_commands()
            if self._stopping:
                break
            now = self.ctx.clock()
            st = self._states[meter.id]
            if not backoff.should_probe(st, now, settings.status_interval_s):
                backoff.note_skipped(st)
                outcomes.append(MeterOutcome(st, attempted=False))
                skipped += 1
                continue
            reading: MeterReading | None = None
            fields: frozenset[str] | None = None
            error: BaseException | None = None
            if self._bus is None and connects_left <= 0:
                error = self.unavailable()
            else:
                if self._bus is None:
                    connects_left -= 1
                try:
                    reading, fields = self.read_meter(meter, single=st.offline,
                                                      full=history or meter.id not in self._fully_read)
                    if fields is None:
                        self._fully_read.add(meter.id)
                    reading = self.with_force_state(meter, reading, history)
                except BusError as exc:
                    error = exc
                except Exception as exc:  # noqa: BLE001 - never die on bad input; count and go on
                    log.exception("reading %s/%s", self.gateway.name, meter.address)
                    self._internal_errors += 1
                    error = exc
            outcome = self.note_contact(meter, reading, error, self.ctx.clock())
            outcome.fields = fields
            outcomes.append(outcome)
            attempted_total += 1
            if reading is not None:
                succeeded += 1
            else:
                failed += 1
                self._last_error, self._last_exc = outcome.state.last_error, error
            if len(outcomes) >= self._flush_every or time.perf_counter() - flushed_at >= self._flush_s:
                flushed_at = time.perf_counter()
                part = self._flush(outcomes, addresses, kind="history" if history else "status", history=history,
                                   complete=False, started_at=started_at, started=started, sweep=False,
                                   skipped=0, total=None)
                changed.extend(part.changed)
                transitions.extend(part.transitions)
                outcomes = []
        self.sweeps_done += 1
        final = self._flush(outcomes, addresses, kind="history" if history else "status", history=history,
                            complete=True, started_at=started_at, started=started, sweep=True, skipped=skipped,
                            total=len(meters))
        return dataclasses.replace(final, attempted=attempted_total, succeeded=succeeded, failed=failed,
                                   changed=tuple(changed) + final.changed,
                                   transitions=tuple(transitions) + final.transitions)

    def _flush(self, outcomes: list[MeterOutcome], addresses: dict[int, int], *, kind: str, history: bool,
               complete: bool, started_at: datetime, started: float, sweep: bool, skipped: int,
               total: int | None) -> SweepResult:
        """Persist outcomes + health in one transaction, then publish the changed live values."""
        settings = self._settings()
        now = self.ctx.clock()
        duration = time.perf_counter() - started
        delta = self._take_delta()
        online = None
        if total is not None:
            online = sum(1 for mid in addresses if (st := self._states.get(mid)) is not None
                         and not st.offline and st.last_success_at is not None)
        with self.ctx.transaction() as s:
            save_outcomes(s, outcomes, tz=settings.tz, gateway_name=self.gateway.name, addresses=addresses,
                          history_at=now if history else None, now=now)
            hrow = save_health(s, self.gateway.id, delta, sweep_at=now if sweep else None,
                               sweep_s=Decimal(f"{duration:.3f}") if sweep else None, online=online, total=total,
                               connected=self._bus is not None, last_error=self._last_error)
            health = health_value(self.gateway.id, self.gateway.name, hrow)
        attempted_ids = [o.state.meter_id for o in outcomes if o.attempted]
        with self.ctx.read() as s:
            changed = tuple(build_live(s, attempted_ids, now)) if attempted_ids else ()
        transitions = tuple((o.state.meter_id, o.transition) for o in outcomes if o.transition is not None)
        result = SweepResult(
            gateway_id=self.gateway.id, gateway=self.gateway.name, kind=kind, complete=complete,
            started_at=started_at, duration_s=duration, attempted=len(attempted_ids),
            succeeded=sum(1 for o in outcomes if o.reading is not None),
            failed=sum(1 for o in outcomes if o.attempted and o.reading is None), skipped=skipped,
            changed=changed, transitions=transitions, health=health)  # type: ignore[arg-type]
        self._publish(result)
        return result
