"""Meter work from a process that is not the site service (the command line when nothing serves the site):
delivering outstanding commands under a brief site lease, reconciling a restored database, reading one
meter live. The CLI only calls these; what may be sent is decided in services.deliveries alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError
from acrel_console.domain.readings import MeterReading
from acrel_console.domain.roles import Permission
from acrel_console.drivers.api import BusConfig, BusError, MeterBus
from acrel_console.services import deliveries
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.lease import SiteLease, active_lease
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow

BusOpener = Callable[[BusConfig], MeterBus]
INLINE_TTL_S = 60.0


def _open_bus(config: BusConfig) -> MeterBus:
    from acrel_console.drivers.bus import open_bus

    return open_bus(config)


def site_service_running(ctx: ServiceContext) -> bool:
    """True when another process (the site service, or a one-PC console) holds an active site lease."""
    info = active_lease(ctx)  # an estate: any zone's service
    return info is not None and info.active


def _buses_for(ctx: ServiceContext, meter_ids: set[int] | None) -> list[tuple[BusConfig, set[int]]]:
    """(bus settings, meters on it) of each gateway carrying one of the meters (all meters when None)."""
    from acrel_console.services.polling.store import bus_config

    with ctx.read() as s:
        q = select(MeterRow.id, MeterRow.gateway_id)
        if meter_ids is not None:
            q = q.where(MeterRow.id.in_(meter_ids))
        on_gateway: dict[int, set[int]] = {}
        for mid, gid in s.execute(q):
            on_gateway.setdefault(int(gid), set()).add(int(mid))
        gateways = s.execute(select(GatewayRow).where(GatewayRow.id.in_(on_gateway))).scalars().all()
        return [(bus_config(g), on_gateway[g.id]) for g in gateways]


def deliver_here(ctx: ServiceContext, meter_ids: set[int], *,
                 open_bus: BusOpener | None = None) -> list[deliveries.DeliveryOutcome]:
    """No service holds the dispatcher: take the site lease briefly and run design §8 for these meters on
    their buses (nothing is sent when another process holds the lease)."""
    lease = SiteLease(ctx, ttl_s=INLINE_TTL_S, whole_site=True)
    if not lease.acquire():
        return []
    outcomes: list[deliveries.DeliveryOutcome] = []
    try:
        for config, on_bus in _buses_for(ctx, meter_ids):
            bus = (open_bus or _open_bus)(config)
            try:
                outcomes.extend(deliveries.deliver_all(ctx, bus, on_bus))
            finally:
                bus.close()
    finally:
        lease.release()
    return outcomes


def read_meter_live(ctx: ServiceContext, meter_id: int, *, open_bus: BusOpener | None = None) -> MeterReading | None:
    """One meter's real-time block read now on its own bus (None when it cannot be read)."""
    with ctx.read() as s:
        m = s.get(MeterRow, meter_id)
        g = s.get(GatewayRow, m.gateway_id) if m is not None else None
        if m is None or g is None:
            return None
        from acrel_console.services.polling.store import bus_config

        config, address, model = bus_config(g), m.address, m.model
    bus = (open_bus or _open_bus)(config)
    try:
        return bus.read_realtime(address, model)
    except BusError:
        return None
    finally:
        bus.close()


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    """What `deliveries reconcile` found: why the database counts as restored ('' when it does not), and
    each pinned delivery read against its meter."""

    problem: str
    outcomes: tuple[deliveries.DeliveryOutcome, ...]


class DirectDeliveryService:
    """`acrel-console deliveries reconcile`: a restored database's open deliveries read against their
    meters now, sending nothing (the site service does the same before it sends anything)."""

    def __init__(self, ctx: ServiceContext, *, open_bus: BusOpener | None = None) -> None:
        self.ctx = ctx
        self._opener = open_bus

    @requires(Permission.MAINTAIN)
    def reconcile(self, actor: Actor) -> ReconcileReport:
        from acrel_console.services import site_anchor

        if site_service_running(self.ctx):
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "The site service runs: it reconciles restored "
                                                            "deliveries itself and prints what it finds."))
        problem = site_anchor.database_problem(self.ctx)
        lease = SiteLease(self.ctx, ttl_s=INLINE_TTL_S, whole_site=True)
        if not lease.acquire():
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "The site service runs: it reconciles restored "
                                                            "deliveries itself and prints what it finds."))
        found: list[deliveries.DeliveryOutcome] = []
        try:
            deliveries.check_restore(self.ctx)
            pinned = deliveries.pinned_command_ids(self.ctx)
            if pinned:
                with self.ctx.read() as s:
                    meters = {int(m) for m in s.execute(select(MeterCommandRow.meter_id).where(
                        MeterCommandRow.id.in_(pinned))).scalars()}
                for config, on_bus in _buses_for(self.ctx, meters):
                    bus = (self._opener or _open_bus)(config)
                    try:
                        found.extend(deliveries.reconcile_pinned(self.ctx, bus, on_bus))
                    finally:
                        bus.close()
        finally:
            lease.release()
        return ReconcileReport(problem, tuple(found))

