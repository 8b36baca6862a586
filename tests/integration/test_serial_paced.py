"""The paced serial path: the console on a pty through the 9600-baud pacing relay to the simulator."""

from __future__ import annotations

from acrel_console.drivers.relay import start_paced_link
from acrel_console.drivers.simulator import runner
from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.services.dispatcher import MeterRuntime
from acrel_console.services.remote_control import RemoteControlService
from tests.integration.sim_site import make_site, wait_for


def test_sweep_and_trip_over_a_paced_serial_line(sqlite_url: str) -> None:
    site = make_site(sqlite_url)
    sim = SimBus([SimMeter(address=a, model=Model.DTSY1352, remaining_fen=900 + a) for a in (1, 2, 3)], name="S")
    sim.inject(3, Fault.SILENCE)
    server = runner.start_tcp(sim, mode="rtu-over-tcp")
    link = start_paced_link(9600, ("127.0.0.1", server.port))
    try:
        site.svc.site.add_gateway(site.admin, name="S", kind="serial", serial_port=link.console_path, baud=9600,
                                  timeout_ms=100, retries=0)
        for a in (1, 2, 3):
            site.meter_ids[("S", a)] = site.svc.site.add_meter(site.admin, gateway="S", address=a, model="DTSY1352",
                                                               room=f"S{a}").id
        with site.poller() as p:
            [r] = p.run_once()
        assert (r.succeeded, r.failed) == (2, 1) and r.health is not None and r.health.timeouts == 1
        assert {m.address: m.remaining_fen for m in r.changed if m.remaining_fen is not None} == {1: 901, 2: 902}
        assert link.stats.forwarded  # bytes really went through the paced line
        rc = RemoteControlService(site.ctx)
        rt = MeterRuntime(site.ctx, remote=rc)
        assert rt.start()
        try:
            batch = rc.submit(site.admin, [site.meter_ids[("S", 2)]], "trip", {}, "serial test")
            [done] = wait_for(lambda: [x for x in rc.batch_progress(site.admin, batch) if x.done], what="trip")
        finally:
            rt.stop()
        assert done.outcome == "confirmed" and sim.meter(2).relay_closed == (False, False, False)
    finally:
        link.stop()
        server.stop()
        site.close()
