"""The GUI of a one-PC site runs the poller itself; a second console on the same site stays a workstation."""

from __future__ import annotations

from datetime import datetime

from acrel_console.app import build_services
from acrel_console.cli.gui import start_runtime
from acrel_console.drivers.simulator import FakeClock, SimBus, SimMeter, start_tcp
from tests.services.helpers import make_services


def test_first_console_polls_second_is_a_workstation(sqlite_url: str) -> None:
    svc, admin = make_services(sqlite_url)
    bus = SimBus([SimMeter(address=1, remaining_fen=5_000)], clock=FakeClock(datetime(2026, 3, 2, 9, 0)))
    with start_tcp(bus, mode="modbus-tcp") as srv:
        svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp=f"127.0.0.1:{srv.port}", timeout_ms=300)
        mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101").id
        runtime, owned = start_runtime(svc, None)
        other = build_services(sqlite_url)
        try:
            assert owned and runtime is not None and runtime.running
            assert start_runtime(other, None) == (None, False)  # the lease is taken: workstation
            seen = []
            runtime.poller.subscribe(seen.append)
            for fut in runtime.poller.sweep_now():
                fut.result(timeout=30)
            assert any(m.meter_id == mid and m.remaining_fen == 5_000 for r in seen for m in r.changed)
        finally:
            other.close()
            runtime.stop()
    svc.close()


def test_demo_runtime_is_reused() -> None:
    class Demo:
        user = password = note = ""
        runtime = object()

    runtime, owned = start_runtime(object(), Demo())
    assert runtime is Demo.runtime and not owned
