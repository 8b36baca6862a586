"""A payment world: services over a real database, simulated meters on Modbus-TCP loopback, the WeChat Pay and
Alipay stand-ins on loopback (keys generated here), the payment service pointed at them by base URL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from acrel_console.app import Services, build_services
from acrel_console.drivers.api import BusConfig
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator import Model, SimBus, SimMeter, start_tcp
from acrel_console.services import passwords
from acrel_console.services.base import Actor
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.payment_config import check_fields, make_client
from acrel_console.services.payments import PaymentService
from tests.ledger.helpers import SITE_KEY, FakeClock
from tests.payments.standins import AlipayStandIn, WeChatStandIn, new_key


@pytest.fixture(scope="module")
def keys() -> dict[str, Any]:
    """RSA keys made for this test module: merchant, WeChat platform, Alipay app, Alipay."""
    return {name: new_key() for name in ("merchant", "platform", "app", "alipay")}


@dataclass
class PayWorld:
    svc: Services
    admin: Actor
    cashier: Actor
    supervisor: Actor
    meters: list[int]  # R101 (Li Si), R102 (Wang Wu), R103 (not opened)
    sim: SimBus
    bus: Any
    payments: PaymentService
    wechat: WeChatStandIn
    alipay: AlipayStandIn
    clock: FakeClock
    replies: list[tuple[str, int]] = field(default_factory=list)

    @property
    def ctx(self) -> Any:
        return self.svc.ctx

    def sink(self, provider: str, headers: dict[str, str], body: bytes) -> int:
        """The callback URL: the console's notification handler (what the portal route calls)."""
        reply = self.payments.notification(provider, headers, body)
        self.replies.append((provider, reply.status))
        return reply.status

    def deliver(self) -> None:
        deliver_all(self.ctx, self.bus)

    def sim_meter(self, meter_id: int) -> SimMeter:
        return self.sim.meter(self.meters.index(meter_id) + 1)

    def standin(self, provider: str) -> Any:
        return self.wechat if provider == "wechat" else self.alipay

    def trade_no(self, order_id: str) -> str:
        from acrel_console.domain.payments import out_trade_no

        return out_trade_no(order_id)

    def ledger_ok(self) -> None:
        assert self.svc.vending.check_ledger(self.admin) == []


def make_pay_world(db_url: str, keys: dict[str, Any], wechat_mode: str = "public_key") -> Iterator[PayWorld]:
    clock = FakeClock()
    svc = build_services(db_url)
    svc.ctx.clock, svc.ctx.site_key = clock, SITE_KEY
    saved, passwords._N = passwords._N, 2**4
    try:
        admin = svc.operators.create_first_admin("admin", "secret1")
        cashier = svc.operators.add(admin, "cash1", "cashier", "secret1")
        supervisor = svc.operators.add(admin, "boss", "supervisor", "secret1")
    finally:
        passwords._N = saved
    cashier = Actor(cashier.id, cashier.name, cashier.role)
    supervisor = Actor(supervisor.id, supervisor.name, supervisor.role)
    sim = SimBus([SimMeter(address=i, model=Model.DDSY1352, remaining_fen=0) for i in (1, 2, 3)])
    wechat = WeChatStandIn(clock, mode=wechat_mode, merchant_key=keys["merchant"], platform_key=keys["platform"])
    alipay = AlipayStandIn(clock, app_key=keys["app"], alipay_key=keys["alipay"])
    clients = {"wechat": make_client("wechat", check_fields("wechat", wechat.config_fields()), clock),
               "alipay": make_client("alipay", check_fields("alipay", alipay.config_fields()), clock)}
    with start_tcp(sim, mode="modbus-tcp") as srv:
        svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=srv.port)
        meters = [svc.site.add_meter(admin, gateway="g1", address=i, model="DDSY1352", room=f"R{100 + i}",
                                     meter_no=f"M{i:04d}").id for i in (1, 2, 3)]
        svc.accounts.open_account(admin, "Li Si", "R101", [meters[0]], phone="13800000001")
        svc.accounts.open_account(admin, "Wang Wu", "R102", [meters[1]], phone="13800000002")
        bus = open_bus(BusConfig("g1", "modbus-tcp", host="127.0.0.1", port=srv.port, timeout_ms=500))
        world = PayWorld(svc, admin, cashier, supervisor, meters, sim, bus, PaymentService(svc.ctx, clients),
                         wechat, alipay, clock)
        wechat.sink = alipay.sink = world.sink
        try:
            yield world
        finally:
            getattr(bus, "close", lambda: None)()
            wechat.stop()
            alipay.stop()
            svc.close()


@pytest.fixture
def pw(db_url: str, keys: dict[str, Any]) -> Iterator[PayWorld]:
    yield from make_pay_world(db_url, keys)
