"""Bus benchmark (issue 3, Performance): 9600-baud RTU through the pacing relay, sweeps of the 48-register
block by the console's poller against the wire minimum, with 10% silent meters in steady state, four
buses at once, a trip issued mid-sweep, and a plain sequential pymodbus loop with library defaults.

Wire minimum per meter = (request 8 + response 101 characters + 2 x 3.5-character gaps) x 10 bits / baud
+ the simulator's reply latency. Issue 12 (real lines): a sweep through an RTU-over-TCP gateway that closes
after every reply and on a 9600 line that hears its own requests, each as a ratio to the same line clean;
a bus with one meter flooding it (16 KB of its address byte per request), first sweep and steady state
against the sweep of the others alone; one 16 KB garbage exchange. The gateway relay is
tests/peers/gateway_relay.py with the wire time of its 9600-baud side as latency.
Run: .venv/bin/python benchmarks/bench_bus.py [--quick] [--real-lines]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from acrel_console.app import build_services  # noqa: E402
from acrel_console.drivers.relay import start_paced_link  # noqa: E402
from acrel_console.drivers.simulator import runner  # noqa: E402
from acrel_console.drivers.simulator.bus import SimBus  # noqa: E402
from acrel_console.drivers.simulator.faults import Fault  # noqa: E402
from acrel_console.drivers.simulator.meter import Model, SimMeter  # noqa: E402
from acrel_console.services.base import Actor  # noqa: E402
from acrel_console.services.polling import Poller  # noqa: E402
from acrel_console.services.polling.backoff import MeterPollState  # noqa: E402
from acrel_console.storage.tables.meter_state import MeterStateRow  # noqa: E402

BAUD = 9600
CHAR_S = 10 / BAUD
REQ, RESP, GAPS = 8, 5 + 96, 7  # FC03 request; reply = addr fc count 96 bytes crc; 2 x 3.5 chars
LATENCY_S = 0.002
TIMEOUT_MS = 100  # slack after the reply's own wire time (the driver adds the wire time)


def wire_min_s(meters: int) -> float:
    return meters * ((REQ + RESP + GAPS) * CHAR_S + LATENCY_S)


@dataclass
class Line:
    """One simulated bus behind a paced relay, and its gateway in the console's database."""

    sim: SimBus
    server: Any
    link: Any
    name: str

    def stop(self) -> None:
        self.link.stop()
        self.server.stop()


def make_line(name: str, n: int) -> Line:
    sim = SimBus([SimMeter(address=a, model=Model.DDSY1352) for a in range(1, n + 1)], name=name,
                 reply_latency_s=LATENCY_S)
    server = runner.start_tcp(sim, mode="rtu-over-tcp")
    link = start_paced_link(BAUD, ("127.0.0.1", server.port))
    return Line(sim, server, link, name)


def configure(svc: Any, lines: list[Line]) -> dict[str, dict[int, int]]:
    admin = Actor.system()
    ids: dict[str, dict[int, int]] = {}
    for line in lines:
        svc.site.add_gateway(admin, name=line.name, kind="serial", serial_port=line.link.console_path, baud=BAUD,
                             timeout_ms=TIMEOUT_MS, retries=1)
        ids[line.name] = {}
        for a in line.sim.addresses:
            ids[line.name][a] = svc.site.add_meter(admin, gateway=line.name, address=a, model="DDSY1352",
                                                   room=f"{line.name}{a}").id
    return ids


def sweep_s(poller: Poller, name: str) -> float:
    """One sweep of one gateway (the poller's own measured duration)."""
    [gid] = [g.id for g in poller.targets() if g.name == name]
    [fut] = poller.sweep_now(gateway_id=gid)
    return fut.result(timeout=600).duration_s


def seed_offline(svc: Any, meter_ids: list[int], level: int = 3) -> None:
    """Silent meters already offline and backed off (steady state; back-off lives in meter_state), their
    probes spread over the 2**level-sweep cycle as they are after running a while."""
    now = svc.ctx.clock()
    with svc.ctx.transaction() as s:
        for i, mid in enumerate(meter_ids):
            st = MeterPollState(mid, consecutive_failures=5, backoff_level=level, sweeps_skipped=i % (2 ** level),
                                last_attempt_at=now, offline_since=now, last_error="timeout")
            s.merge(MeterStateRow(meter_id=mid, consecutive_failures=st.consecutive_failures,
                                  backoff_level=st.backoff_level, sweeps_skipped=st.sweeps_skipped,
                                  last_attempt_at=now, offline_since=now, offline=True, last_error="timeout"))


def pymodbus_baseline(line: Line, addresses: list[int], reps: int = 1) -> float:
    """A plain sequential pymodbus loop, library default timeout (3 s) and retries (3)."""
    from pymodbus.client import ModbusSerialClient

    client = ModbusSerialClient(port=line.link.console_path, baudrate=BAUD)
    client.connect()
    try:
        t0 = time.perf_counter()
        for _ in range(reps):
            for a in addresses:
                try:
                    client.read_holding_registers(0x0200, count=48, device_id=a)
                except Exception:  # noqa: BLE001 - a silent meter: the library raises after its retries
                    pass
        return (time.perf_counter() - t0) / reps
    finally:
        client.close()


def trip_mid_sweep(svc: Any, poller: Poller, ids: dict[int, int], line: Line) -> tuple[float, float]:
    """Issue a trip while a sweep runs; returns (seconds from submit to confirmed, bound)."""
    from acrel_console.services.remote_control import RemoteControlService, execute_control_command

    rc = RemoteControlService(svc.ctx)
    [gid] = [g.id for g in poller.targets() if g.name == line.name]
    worker = poller.worker_for_gateway(gid)
    assert worker is not None
    start = line.sim.stats.requests
    [fut] = poller.sweep_now(gateway_id=gid)
    while line.sim.stats.requests < start + len(ids) // 2:
        time.sleep(0.005)
    target = ids[max(ids)]
    t0 = time.perf_counter()
    batch = rc.submit(Actor.system(), [target], "trip", {}, "benchmark")
    with svc.ctx.read() as s:
        from sqlalchemy import select

        from acrel_console.storage.tables.commands import MeterCommandRow

        cid = s.execute(select(MeterCommandRow.id).where(MeterCommandRow.batch_id == batch)).scalar_one()
    res = worker.submit(lambda w: execute_control_command(svc.ctx, w, cid)).result(timeout=60)
    took = time.perf_counter() - t0
    fut.result(timeout=600)
    assert res is not None and res.outcome == "confirmed", res
    # bound: the transaction in flight + FC10 write round trip + read-back (block + force registers)
    fc10 = (13 + 8 + GAPS) * CHAR_S + LATENCY_S
    force_read = (8 + 9 + GAPS) * CHAR_S + LATENCY_S
    bound = wire_min_s(1) + fc10 + wire_min_s(1) + force_read
    return took, bound


GATEWAY_LATENCY_S = wire_min_s(1) - LATENCY_S  # a gateway's serial side: one 48-register read at 9600 baud


@dataclass
class GatewayLine:
    """Simulated meters behind a gateway relay (tests/peers/gateway_relay.py) speaking RTU-over-TCP."""

    sim: SimBus
    server: Any
    relay: Any
    name: str

    def stop(self) -> None:
        self.relay.stop()
        self.server.stop()


def make_gateway_line(name: str, n: int, **behaviour: Any) -> GatewayLine:
    from tests.peers.gateway_relay import Gateway

    sim = SimBus([SimMeter(address=a, model=Model.DDSY1352) for a in range(1, n + 1)], name=name,
                 reply_latency_s=0.0)
    server = runner.start_tcp(sim, mode="rtu-over-tcp")
    relay = Gateway(("127.0.0.1", server.port), latency_s=GATEWAY_LATENCY_S, **behaviour)
    return GatewayLine(sim, server, relay, name)


def real_lines(svc: Any, n: int, reps: int, rows: list[tuple[str, float, float, str]]) -> None:
    """Issue 12: sweeps through a gateway closing after every reply and on an echoing line, as ratios to
    the clean line; a bus with one meter flooding the line (16 KB of its address byte per request)."""
    from acrel_console.drivers.api import BusConfig, FrameError
    from acrel_console.drivers.bus import ModbusMeterBus
    from acrel_console.storage.tables.site import MeterRow

    admin = Actor.system()
    flood_unit = n + 1
    gws = {"CLEAN": make_gateway_line("CLEAN", n), "CLOSE": make_gateway_line("CLOSE", n, close_after_reply=True),
           "FLOOD": make_gateway_line("FLOOD", n, flood={flood_unit: 16 * 1024})}
    echo_sim = SimBus([SimMeter(address=a, model=Model.DDSY1352) for a in range(1, n + 1)], name="ECHO",
                      reply_latency_s=LATENCY_S)
    echo_server = runner.start_tcp(echo_sim, mode="rtu-over-tcp")
    echo_link = start_paced_link(BAUD, ("127.0.0.1", echo_server.port))
    try:
        for name, line in gws.items():
            svc.site.add_gateway(admin, name=name, kind="rtu-over-tcp", host="127.0.0.1", port=line.relay.port,
                                 timeout_ms=500, retries=1)  # a TCP timeout must cover the serial side
            for a in range(1, n + 1):
                svc.site.add_meter(admin, gateway=name, address=a, model="DDSY1352", room=f"{name}{a}")
        flood_id = svc.site.add_meter(admin, gateway="FLOOD", address=flood_unit, model="DDSY1352",
                                      room="FLOOD-babbler").id
        svc.site.add_gateway(admin, name="ECHO", kind="serial", serial_port=echo_link.console_path, baud=BAUD,
                             timeout_ms=TIMEOUT_MS, retries=1)
        for a in range(1, n + 1):
            svc.site.add_meter(admin, gateway="ECHO", address=a, model="DDSY1352", room=f"ECHO{a}")
        poller = Poller(svc.ctx)
        poller.ensure_workers()
        try:
            for name in ("CLEAN", "CLOSE", "ECHO"):
                sweep_s(poller, name)  # warm: states loaded, force state known
            clean = statistics.mean(sweep_s(poller, "CLEAN") for _ in range(reps))
            closing = statistics.mean(sweep_s(poller, "CLOSE") for _ in range(reps))
            conns = gws["CLOSE"].relay.stats.connections / max(gws["CLOSE"].relay.stats.requests, 1)
            rows.append((f"gateway closing after each reply, {n}", closing, clean, "<= 1.15 x clean"))
            rows.append((f"  ... connects per transaction {conns:.2f}", conns, 1.0, "<= 1 extra connect"))
            echo_clean = statistics.mean(sweep_s(poller, "ECHO") for _ in range(reps))
            echo_link.local_echo = True
            sweep_s(poller, "ECHO")
            echoing = statistics.mean(sweep_s(poller, "ECHO") for _ in range(reps))
            rows.append((f"9600 line with local echo, {n}", echoing, echo_clean, "<= 1.05 x clean"))
            # one flooding meter: the others' clean sweep, the first sweeps, then the steady state
            with svc.ctx.transaction() as s:
                s.get(MeterRow, flood_id).retired = True  # type: ignore[union-attr]
            sweep_s(poller, "FLOOD")
            others = statistics.mean(sweep_s(poller, "FLOOD") for _ in range(reps))
            with svc.ctx.transaction() as s:
                s.get(MeterRow, flood_id).retired = False  # type: ignore[union-attr]
            first = sweep_s(poller, "FLOOD")
            for _ in range(3):
                sweep_s(poller, "FLOOD")  # until it is offline and backed off
            steady = statistics.mean(sweep_s(poller, "FLOOD") for _ in range(8))  # one back-off cycle
            rows.append((f"{n} + 1 flooding meter, first sweep", first, others, "info (flood cut off)"))
            rows.append((f"{n} + 1 flooding meter, steady state", steady, others, "<= 1.1 x the others"))
        finally:
            poller.stop()
        # one exchange: 16 KB of the meter's own address byte, against one clean read on the same line
        line = gws["FLOOD"]
        line.relay.latency_s = 0.0
        bus = ModbusMeterBus(BusConfig("F", "rtu-over-tcp", host="127.0.0.1", port=line.relay.port,
                                       timeout_ms=500, retries=0))
        try:
            bus.read_realtime(1, "DDSY1352")
            t0 = time.perf_counter()
            for _ in range(20):
                bus.read_realtime(1, "DDSY1352")
            one = (time.perf_counter() - t0) / 20
            t0 = time.perf_counter()
            try:
                bus.read_realtime(flood_unit, "DDSY1352")
            except FrameError:
                pass
            flood = time.perf_counter() - t0
            rows.append(("16 KB garbage reply (cut off), no latency", flood, 0.5, "<< the 500 ms timeout"))
            rows.append(("  ... vs one clean read on that line", flood, one, "info"))
        finally:
            bus.close()
    finally:
        for line in gws.values():
            line.stop()
        echo_link.stop()
        echo_server.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="32 meters only, fewer repetitions (about 1 minute)")
    ap.add_argument("--real-lines", action="store_true",
                    help="only the issue-12 cases: closing gateway, echoing line, flooding meter")
    args = ap.parse_args()
    if args.real_lines:
        return main_real_lines(args.quick)
    sizes = [32] if args.quick else [32, 128]
    reps = 1 if args.quick else 2
    rows: list[tuple[str, float, float, str]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-bus-"))
    svc = build_services(f"sqlite:///{tmp / 'bench.sqlite3'}")
    lines: list[Line] = []
    try:
        big = make_line("L0", max(sizes))
        extra = [make_line(f"L{i}", 32) for i in range(1, 4)]
        lines = [big, *extra]
        ids = configure(svc, lines)
        poller = Poller(svc.ctx)
        poller.ensure_workers()
        for n in sizes:
            # the first n meters of L0 (retire the rest for this measurement)
            from acrel_console.storage.tables.site import MeterRow

            with svc.ctx.transaction() as s:
                for a, mid in ids["L0"].items():
                    s.get(MeterRow, mid).retired = a > n  # type: ignore[union-attr]
            sweep_s(poller, "L0")  # warm: connection open, states loaded
            t = statistics.mean(sweep_s(poller, "L0") for _ in range(reps))
            rows.append((f"sweep {n} meters", t, wire_min_s(n), "<= 1.05"))
        n = sizes[-1]
        clean = statistics.mean(sweep_s(poller, "L0") for _ in range(reps))
        silent = list(range(n, n - max(1, n // 10), -1))  # 10% silent
        for a in silent:
            big.sim.inject(a, Fault.SILENCE)
        poller.stop()  # a restart: the workers read the persisted back-off (design §10)
        seed_offline(svc, [ids["L0"][a] for a in silent])
        poller = Poller(svc.ctx)
        poller.ensure_workers()
        cycle = [sweep_s(poller, "L0") for _ in range(8)]  # one whole back-off cycle
        steady = statistics.mean(cycle)
        alive_min = wire_min_s(n - len(silent))
        rows.append((f"sweep {n}, {len(silent)} silent (steady)", steady, clean, "<= 1.05 x clean sweep"))
        rows.append((f"  ... vs wire min of the {n - len(silent)} alive", steady, alive_min, "info"))
        if not args.quick:  # the same sweep with the silent meters removed from the bus
            with svc.ctx.transaction() as s:
                from acrel_console.storage.tables.site import MeterRow

                for a in silent:
                    s.get(MeterRow, ids["L0"][a]).retired = True  # type: ignore[union-attr]
            without = statistics.mean(sweep_s(poller, "L0") for _ in range(reps))
            rows.append((f"  ... vs sweep of the {n - len(silent)} alone", steady, without, "<= 1.05"))
        big.sim.clear_faults()
        # four buses at once (32 meters each)
        with svc.ctx.transaction() as s:
            from acrel_console.storage.tables.site import MeterRow

            for a, mid in ids["L0"].items():
                s.get(MeterRow, mid).retired = a > 32  # type: ignore[union-attr]
        for line in lines:
            sweep_s(poller, line.name)
        alone = max(sweep_s(poller, line.name) for line in lines)
        t0 = time.perf_counter()
        futs = poller.sweep_now()
        for f in futs:
            f.result(timeout=600)
        together = time.perf_counter() - t0
        rows.append(("4 buses x 32 at once", together, alone, "<= 1.1 x slowest alone"))
        took, bound = trip_mid_sweep(svc, poller, {a: m for a, m in ids["L0"].items() if a <= 32}, big)
        rows.append(("trip mid-sweep (submit -> confirmed)", took, bound, "in-flight + own + read-back"))
        poller.stop()
        base = pymodbus_baseline(big, list(range(1, 33)))
        rows.append(("pymodbus loop, defaults, 32 meters", base, wire_min_s(32), "baseline"))
        if not args.quick:
            for a in (30, 31, 32):
                big.sim.inject(a, Fault.SILENCE)
            base_s = pymodbus_baseline(big, list(range(1, 33)))
            big.sim.clear_faults()
            rows.append(("pymodbus loop, defaults, 32 (3 silent)", base_s, wire_min_s(29), "baseline"))
        real_lines(svc, 8 if args.quick else 16, reps, rows)
    finally:
        for line in lines:
            line.stop()
        svc.close()
    print(f"\n9600 8N1 through the pacing relay; simulator reply latency {LATENCY_S * 1000:.0f} ms; "
          f"wire minimum {wire_min_s(1) * 1000:.1f} ms per 48-register read; gateway relay cases: "
          f"{GATEWAY_LATENCY_S * 1000:.0f} ms per transaction")
    _print(rows)
    return 0


def _print(rows: list[tuple[str, float, float, str]]) -> None:
    print(f"{'case':44} {'measured s':>11} {'reference s':>12} {'ratio':>7}  aim")
    for name, got, ref, aim in rows:
        print(f"{name:44} {got:11.3f} {ref:12.3f} {got / ref:7.3f}  {aim}")


def main_real_lines(quick: bool) -> int:
    rows: list[tuple[str, float, float, str]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-bus-"))
    svc = build_services(f"sqlite:///{tmp / 'bench.sqlite3'}")
    try:
        real_lines(svc, 8 if quick else 16, 1 if quick else 2, rows)
    finally:
        svc.close()
    print(f"\nRTU-over-TCP gateway relay with {GATEWAY_LATENCY_S * 1000:.0f} ms per transaction (a 48-register read "
          f"on its 9600-baud side); echo on the pacing relay at 9600 8N1")
    _print(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
