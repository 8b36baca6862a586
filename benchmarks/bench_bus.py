"""Bus benchmark (issue 3, Performance): 9600-baud RTU through the pacing relay, sweeps of the 48-register
block by the console's poller against the wire minimum, with 10% silent meters in steady state, four
buses at once, a trip issued mid-sweep, and a plain sequential pymodbus loop with library defaults.

Wire minimum per meter = (request 8 + response 101 characters + 2 x 3.5-character gaps) x 10 bits / baud
+ the simulator's reply latency. Run: .venv/bin/python benchmarks/bench_bus.py [--quick]
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="32 meters only, fewer repetitions (about 1 minute)")
    args = ap.parse_args()
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
    finally:
        for line in lines:
            line.stop()
        svc.close()
    print(f"\n9600 8N1 through the pacing relay; simulator reply latency {LATENCY_S * 1000:.0f} ms; "
          f"wire minimum {wire_min_s(1) * 1000:.1f} ms per 48-register read")
    print(f"{'case':44} {'measured s':>11} {'reference s':>12} {'ratio':>7}  aim")
    for name, got, ref, aim in rows:
        print(f"{name:44} {got:11.3f} {ref:12.3f} {got / ref:7.3f}  {aim}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
