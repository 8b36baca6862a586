"""Reading meters now, outside the poller's schedule, for a caller that must decide on a fresh reading (opening
an account on a meter that may hold credit, a migration import) when no serving process keeps the readings
fresh: the site lease is taken for the moment of the reading, so two processes never talk to one bus at once.
With a serving process holding the lease nothing is read here: its status sweep (every few minutes) is the
fresh reading.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import select

from acrel_console.domain.readings import MeterReading
from acrel_console.drivers.api import BusConfig, BusError, MeterBus
from acrel_console.services.base import ServiceContext
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow

log = logging.getLogger(__name__)
BusFactory = Callable[[BusConfig], MeterBus]


def _default_factory(config: BusConfig) -> MeterBus:
    from acrel_console.drivers.bus import open_bus

    return open_bus(config)


def _remember(ctx: ServiceContext, readings: dict[int, MeterReading]) -> None:
    """Store readings as the meters' latest state (their money fields and contact), like a poll would."""
    from acrel_console.services.polling.store import relay_of

    now = ctx.clock()
    with ctx.transaction() as s:
        for meter_id, reading in readings.items():
            row = s.get(MeterStateRow, meter_id)
            if row is None:
                row = MeterStateRow(meter_id=meter_id)
                s.add(row)
            row.remaining_fen = reading.remaining_fen
            row.purchase_count = reading.purchase_count
            row.energy_total = reading.energy_total
            row.relay_closed = relay_of(reading)
            row.last_success_at = row.last_attempt_at = now
            row.consecutive_failures, row.offline, row.offline_since = 0, False, None


def read_now(ctx: ServiceContext, meter_ids: list[int], *,
             bus_factory: BusFactory | None = None) -> dict[int, MeterReading | None]:
    """Read each meter once and store the reading; {} when another process holds the site lease (its
    readings are the fresh ones). A meter that does not answer maps to None."""
    from acrel_console.services.lease import SiteLease, active_lease
    from acrel_console.services.polling.store import bus_config

    holder = active_lease(ctx)  # an estate: any zone's service
    if holder is not None and holder.active:
        return {}
    lease = SiteLease(ctx, ttl_s=60, whole_site=True)
    if not lease.acquire():
        return {}
    out: dict[int, MeterReading | None] = {}
    try:
        with ctx.read() as s:
            rows = s.execute(select(MeterRow, GatewayRow).join(GatewayRow, MeterRow.gateway_id == GatewayRow.id)
                             .where(MeterRow.id.in_(meter_ids))).all()
            plan: dict[int, tuple[BusConfig, list[tuple[int, int, str]]]] = {}
            for m, g in rows:
                plan.setdefault(g.id, (bus_config(g), []))[1].append((m.id, m.address, m.model))
        for config, meters in plan.values():
            bus = (bus_factory or _default_factory)(config)
            got: dict[int, MeterReading] = {}
            try:
                for meter_id, address, model in meters:
                    try:
                        got[meter_id] = bus.read_realtime(address, model)
                    except BusError as err:
                        log.info("meter %s did not answer: %s", meter_id, err)
                        out[meter_id] = None
            finally:
                bus.close()
            out.update(got)
            _remember(ctx, got)
    finally:
        lease.release()
    return out
