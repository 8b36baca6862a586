"""Shared set-up of the cashier/accounts/records GUI tests (no tests here): a site of simulated meters on
Modbus-TCP loopback, operators, an opened account, and a delivery loop playing the dispatcher."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from acrel_console.app import Services
from acrel_console.drivers.api import BusConfig
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator import Model, SimBus, SimMeter, start_tcp
from acrel_console.services.base import Actor
from acrel_console.services.deliveries import deliver_all
from acrel_console.ui.cashier.money import MoneyServices, money_services

SITE_KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
PASSWORD = "secret1"


class DeliveryLoop:
    """Plays the dispatcher: delivers outstanding commands to the simulator over TCP until stopped.
    `paused` holds deliveries back (a meter the console cannot reach yet)."""

    def __init__(self, services: Services, port: int) -> None:
        self.ctx = services.ctx
        self.bus = open_bus(BusConfig("g1", "modbus-tcp", host="127.0.0.1", port=port, timeout_ms=500))
        self.paused = threading.Event()
        self.busy = threading.Lock()  # held during a pass: a test delivering itself takes it (one executor at a time)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="test-delivery", daemon=True)
        self.errors: list[BaseException] = []

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            if self.paused.is_set():
                continue
            try:
                with self.busy:
                    if not self.paused.is_set():
                        deliver_all(self.ctx, self.bus)
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                self.errors.append(exc)

    def pause(self) -> None:
        """Hold deliveries back from now on: also waits for a pass already under way (it holds the site
        lease while it runs, so a test taking the lease right after would find it taken)."""
        self.paused.set()
        with self.busy:
            pass

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        close = getattr(self.bus, "close", None)
        if close is not None:
            close()


@dataclass
class World:
    services: Services
    money: MoneyServices
    admin: Actor
    cashier: Actor
    supervisor: Actor
    meters: list[int]  # R101, R102, R103 (R103 not opened)
    sim: SimBus
    loop: DeliveryLoop
    account_id: int

    def poll(self) -> None:
        """One status sweep of the site (the meters are then online, not 'never read')."""
        from acrel_console.services.polling.poller import Poller

        with Poller(self.services.ctx, gateways=["g1"]) as poller:
            poller.run_once(timeout_s=20)


@pytest.fixture
def world(services: Services, admin: Actor) -> Iterator[World]:
    services.ctx.site_key = SITE_KEY
    ops = services.operators
    ops.add(admin, "cash1", "cashier", PASSWORD)
    ops.add(admin, "boss", "supervisor", PASSWORD)
    cashier = ops.login("cash1", PASSWORD)
    supervisor = ops.login("boss", PASSWORD)
    sim = SimBus([SimMeter(address=i, model=Model.DDSY1352, remaining_fen=0) for i in (1, 2, 3)])
    with start_tcp(sim, mode="modbus-tcp") as srv:
        services.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=srv.port)
        meters = [services.site.add_meter(admin, gateway="g1", address=i, model="DDSY1352", room=f"R{100 + i}",
                                          meter_no=f"M{i:04d}").id for i in (1, 2, 3)]
        money = money_services(services)
        acc = money.accounts.open_account(admin, "Li Si", "R101", [meters[0]], phone="13800000001")
        money.accounts.open_account(admin, "Wang Wu", "R102", [meters[1]], phone="13800000002")
        loop = DeliveryLoop(services, srv.port)
        loop.start()
        try:
            yield World(services, money, admin, cashier, supervisor, meters, sim, loop, acc.account_id)
        finally:
            loop.stop()
    assert not loop.errors, loop.errors
    assert money.vending.check_ledger(admin) == [], "ledger invariants broken"


def cashier_ui(make_ui, world: World):  # type: ignore[no-untyped-def]
    return make_ui(world.cashier)
