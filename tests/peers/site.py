"""A site (services over a real database) whose buses are independent peers: pymodbus meters behind the
gateway relay, or on a paced pty line (with or without local echo)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from acrel_console.app import build_services
from acrel_console.drivers.relay import start_paced_link
from acrel_console.services.accounts import AccountService
from acrel_console.services.base import Actor
from acrel_console.services.vending import VendingService
from tests.peers.gateway_relay import Gateway
from tests.peers.pymodbus_meter import PymodbusMeters

SITE_KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
ADMIN_PASSWORD = "admin-secret"


@dataclass
class PeerLine:
    name: str
    peers: PymodbusMeters
    gateway: Gateway | None = None
    link: Any = None

    def stop(self) -> None:
        for part in (self.gateway, self.link):
            if part is not None:
                part.stop()
        self.peers.stop()


@dataclass
class PeerSite:
    svc: Any
    admin: Actor
    lines: dict[str, PeerLine] = field(default_factory=dict)
    meter_ids: dict[tuple[str, int], int] = field(default_factory=dict)

    @property
    def ctx(self) -> Any:
        return self.svc.ctx

    def add_line(self, name: str, kind: str, units: range | list[int], *, metering_only: tuple[int, ...] = (),
                 timeout_ms: int = 400, retries: int = 1, local_echo: bool = False, model: str = "DDSY1352",
                 **gateway: Any) -> PeerLine:
        """kind modbus-tcp | rtu-over-tcp (through a Gateway relay with `gateway` options) | serial (a pty
        pair at 38400 baud; gateway={"echo": True, "echo_skip": n} makes the line hear itself)."""
        peers = PymodbusMeters(units, metering_only=metering_only)
        if kind == "serial":
            link = start_paced_link(38400)
            link.local_echo = bool(gateway.get("echo", False))
            link.echo_skip = int(gateway.get("echo_skip", 0))
            peers.start("serial", link.meter_path)
            line = PeerLine(name, peers, link=link)
            fields: dict[str, Any] = {"kind": "serial", "serial_port": link.console_path, "baud": 38400}
        else:
            peers.start("tcp" if kind == "modbus-tcp" else "rtu-over-tcp")
            gw = Gateway(("127.0.0.1", peers.port), **gateway)
            line = PeerLine(name, peers, gateway=gw)
            fields = {"kind": kind, "host": "127.0.0.1", "port": gw.port}
        self.lines[name] = line
        self.svc.site.add_gateway(self.admin, name=name, timeout_ms=timeout_ms, retries=retries,
                                  local_echo=local_echo, **fields)
        for unit in units:
            m = self.svc.site.add_meter(self.admin, gateway=name, address=unit, model=model,
                                        room=f"{name}-{unit:03d}")
            self.meter_ids[(name, unit)] = m.id
        return line

    def open_account(self, meter_id: int) -> None:
        """A tenant for the meter; credit a polled peer already holds becomes theirs (issue 10: a decision)."""
        AccountService(self.ctx).open_account(self.admin, f"Tenant {meter_id}", f"R{meter_id}", [meter_id],
                                              existing_credit="take-over")

    def sell(self, meter_id: int, yuan: str) -> Any:
        return VendingService(self.ctx).sell(self.admin, meter_id, yuan)

    def close(self) -> None:
        for line in self.lines.values():
            line.stop()
        self.svc.close()


def make_peer_site(db_url: str) -> PeerSite:
    svc = build_services(db_url)
    svc.ctx.site_key = SITE_KEY
    admin = svc.operators.create_first_admin("admin", ADMIN_PASSWORD)
    return PeerSite(svc, admin)
