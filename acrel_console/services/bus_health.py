"""Per-bus (gateway) health: last sweep duration, requests, timeouts, CRC/frame errors, exceptions, reconnects,
meters online/total — for the GUI, `gateway list --json` and the lost-contact report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.meter_state import BusHealthRow
from acrel_console.storage.tables.site import GatewayRow


@dataclass(frozen=True, slots=True)
class BusHealth:
    """Health of one bus. Counters are running totals since the gateway was added."""

    gateway_id: int
    gateway: str
    last_sweep_at: datetime | None
    last_sweep_s: Decimal | None
    requests: int
    timeouts: int
    crc_errors: int
    frame_errors: int
    exceptions: int
    meters_online: int
    meters_total: int
    connected: bool
    last_error: str
    reconnects: int = 0  # connections the gateway closed or reset, reopened at once

    def as_json(self) -> dict[str, Any]:
        """The `gateway list --json` health fields."""
        return {
            "last_sweep_at": self.last_sweep_at.isoformat() if self.last_sweep_at else None,
            "last_sweep_s": str(self.last_sweep_s) if self.last_sweep_s is not None else None,
            "requests": self.requests, "timeouts": self.timeouts, "crc_errors": self.crc_errors,
            "frame_errors": self.frame_errors, "exceptions": self.exceptions, "reconnects": self.reconnects,
            "meters_online": self.meters_online, "meters_total": self.meters_total,
            "connected": self.connected, "last_error": self.last_error,
        }


def health_value(gateway_id: int, name: str, row: BusHealthRow | None) -> BusHealth:
    if row is None:
        return BusHealth(gateway_id, name, None, None, 0, 0, 0, 0, 0, 0, 0, False, "")
    return BusHealth(gateway_id, name, row.last_sweep_at,
                     Decimal(row.last_sweep_s) if row.last_sweep_s else None, row.requests or 0, row.timeouts or 0,
                     row.crc_errors or 0, row.frame_errors or 0, row.exceptions or 0, row.meters_online or 0,
                     row.meters_total or 0, bool(row.connected), row.last_error or "", row.reconnects or 0)


def load_health(session: Any) -> dict[int, BusHealth]:
    """Health of every gateway (a gateway never swept has zero counters)."""
    q = select(GatewayRow.id, GatewayRow.name, BusHealthRow).outerjoin(BusHealthRow, BusHealthRow.gateway_id == GatewayRow.id)
    return {gid: health_value(gid, name, row) for gid, name, row in session.execute(q)}


def gateway_health(ctx_or_services: Any) -> dict[int, BusHealth]:
    """gateway id -> BusHealth; accepts a ServiceContext or a Services (for cli/site.py `gateway list`)."""
    ctx: ServiceContext = getattr(ctx_or_services, "ctx", ctx_or_services)
    with ctx.read() as s:
        return load_health(s)


class BusHealthService:
    """Bus health for the GUI (status bar, gateway tree, lost-contact report)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def list(self, actor: Actor) -> list[BusHealth]:
        with self.ctx.read() as s:
            return sorted(load_health(s).values(), key=lambda h: h.gateway)
