"""The demo site (200+ meters on 3+ buses with varied balances) and the `simulate` command body."""

from __future__ import annotations

import random
import signal
import sys
import threading
from dataclasses import dataclass, field

from acrel_console.drivers.simulator.bus import SimBus, parse_units
from acrel_console.drivers.simulator.clock import Clock, RealClock, ScaledClock
from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.drivers.simulator.runner import RunningServer, start
from acrel_console.drivers.simulator.server import MODE_MODBUS_TCP, MODE_PTY, MODE_RTU_OVER_TCP, MODES

PROFILES = ("ddsy1352", "dtsy1352", "adf400l", "adl400", "demo")


@dataclass(slots=True)
class DemoBus:
    """One bus of the demo site and how the console reaches it."""

    name: str
    mode: str
    bus: SimBus
    models: dict[int, str] = field(default_factory=dict)  # address -> model value


@dataclass(slots=True)
class DemoSite:
    """The demo population; `start()` serves every bus (consecutive ports from `base_port`)."""

    buses: list[DemoBus]
    running: list[RunningServer] = field(default_factory=list)

    @property
    def meter_count(self) -> int:
        return sum(len(b.bus.addresses) for b in self.buses)

    def start(self, host: str = "127.0.0.1", base_port: int = 0) -> list[RunningServer]:
        for i, b in enumerate(self.buses):
            port = base_port + i if base_port else 0
            self.running.append(start(b.bus, b.mode, host, port))
        return self.running

    def stop(self) -> None:
        for r in self.running:
            r.stop()
        self.running.clear()

    def describe(self) -> list[dict[str, object]]:
        """Endpoints and meters, for configuring a console against the running demo."""
        out: list[dict[str, object]] = []
        for i, b in enumerate(self.buses):
            r = self.running[i] if i < len(self.running) else None
            out.append(
                {
                    "name": b.name,
                    "mode": b.mode,
                    "host": r.host if r else None,
                    "port": r.port if r else None,
                    "serial_port": r.slave_path if r else None,
                    "meters": dict(b.models),
                }
            )
        return out


def _vary(m: SimMeter, rng: random.Random) -> None:
    """Give a prepaid meter a balance class: normal, alarm 1, alarm 2 or arrears."""
    m.alarm1_fen = rng.choice((2_000, 3_000, 5_000))
    m.alarm2_fen = rng.choice((500, 1_000))
    m.purchase_count = rng.randrange(1, 40)
    m.total_purchased_fen = m.purchase_count * rng.randrange(5_000, 30_000)
    m.energy = [rng.randrange(0, 50_000) for _ in range(4)]
    m.load_w = rng.randrange(50, 3_000) * m.phases
    r = rng.random()
    if r < 0.70:
        m.remaining_fen = rng.randrange(m.alarm1_fen + 1, 100_000)
    elif r < 0.80:
        m.remaining_fen = rng.randrange(m.alarm2_fen + 1, m.alarm1_fen + 1)
    elif r < 0.88:
        m.remaining_fen = rng.randrange(1, m.alarm2_fen + 1)
    else:
        m.remaining_fen = -rng.randrange(0, 2_000)
        if rng.random() < 0.3:
            m.force_all(True, False)  # keep power while in arrears (保电)


def _meters(model: Model, addresses: list[int], rng: random.Random) -> list[SimMeter]:
    out = []
    for a in addresses:
        m = SimMeter(address=a, model=model, meter_no=f"{rng.randrange(10**11, 10**12)}")
        if model.prepaid:
            _vary(m, rng)
        else:
            m.energy = [0, 0, rng.randrange(0, 500_000), 0]
            m.load_w = rng.randrange(100, 9_000)
        out.append(m)
    return out


def build_demo_population(seed: int = 1, clock: Clock | None = None) -> DemoSite:
    """212 meters on 3 buses: A (Modbus-TCP) 100 DDSY1352; B (RTU-over-TCP) 12 DTSY1352 at 1-12
    and one 36-circuit ADF400L board at 37-72; C (RTU-over-TCP) 60 DDSY1352 + 4 ADL400 at 61-64.
    About 70% normal, 10% alarm 1, 8% alarm 2, 12% arrears (some kept powered), 4% silent."""
    rng = random.Random(seed)
    clk = clock if clock is not None else RealClock()
    a = SimBus(_meters(Model.DDSY1352, list(range(1, 101)), rng), clock=clk, name="A", seed=seed)
    b = SimBus(
        _meters(Model.DTSY1352, list(range(1, 13)), rng)
        + _meters(Model.ADF400L, list(range(37, 73)), rng),
        clock=clk,
        name="B",
        seed=seed + 1,
    )
    c = SimBus(
        _meters(Model.DDSY1352, list(range(1, 61)), rng)
        + _meters(Model.ADL400, list(range(61, 65)), rng),
        clock=clk,
        name="C",
        seed=seed + 2,
    )
    buses = [
        DemoBus("A", MODE_MODBUS_TCP, a),
        DemoBus("B", MODE_RTU_OVER_TCP, b),
        DemoBus("C", MODE_RTU_OVER_TCP, c),
    ]
    for db in buses:
        for m in db.bus.meters():
            db.models[m.address] = m.model.value
            if rng.random() < 0.04:
                db.bus.inject(m.address, Fault.SILENCE)  # offline meter
    return DemoSite(buses)


def _parse_listen(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    return (host or "127.0.0.1"), int(port or 0)


def run_simulator_cli(
    listen: str = "127.0.0.1:5020",
    mode: str = MODE_MODBUS_TCP,
    units: str = "1-36",
    profile: str = "ddsy1352",
    seed: int = 1,
    *,
    speed: float = 1.0,
    reply_latency_s: float | None = None,
    stop_event: threading.Event | None = None,
) -> int:
    """Body of `acrel-console simulate`: serve meters until Ctrl-C (or `stop_event`); returns the
    exit code. profile "demo" serves the whole demo site on consecutive ports from `listen`'s
    port (units/mode ignored); otherwise one bus of `profile` meters at `units` on `listen`
    (mode "pty" prints the serial device path instead). `speed` > 1 runs the meters' clock faster
    than the wall clock (demo); `reply_latency_s` overrides the default 2 ms."""
    if profile not in PROFILES:
        print(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}", file=sys.stderr)
        return 2
    if mode not in MODES:
        print(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}", file=sys.stderr)
        return 2
    try:
        host, port = _parse_listen(listen)
    except ValueError:
        print(f"bad listen address {listen!r} (host:port)", file=sys.stderr)
        return 2
    if speed <= 0:
        print("speed must be positive", file=sys.stderr)
        return 2
    clock: Clock = RealClock() if speed == 1.0 else ScaledClock(speed)
    done = stop_event or threading.Event()
    servers: list[RunningServer] = []
    site: DemoSite | None = None
    try:
        if profile == "demo":
            site = build_demo_population(seed, clock)
            if reply_latency_s is not None:
                for b in site.buses:
                    b.bus.reply_latency_s = reply_latency_s
            site.start(host, port)
            for d in site.describe():
                print(f"bus {d['name']}: {d['mode']} {d['host']}:{d['port']} meters {len(d['meters'])}")  # type: ignore[arg-type]
        else:
            try:
                addresses = parse_units(units)
            except ValueError as exc:
                print(f"bad units {units!r}: {exc}", file=sys.stderr)
                return 2
            rng = random.Random(seed)
            bus = SimBus(_meters(Model(profile), addresses, rng), clock=clock, name="sim", seed=seed)
            if reply_latency_s is not None:
                bus.reply_latency_s = reply_latency_s
            running = start(bus, mode, host, port)
            servers.append(running)
            where = running.slave_path if mode == MODE_PTY else f"{running.host}:{running.port}"
            print(f"{profile} x{len(addresses)} ({units}) {mode} on {where}; "
                  f"reply latency {bus.reply_latency_s * 1000:.1f} ms; Ctrl-C stops")
        sys.stdout.flush()
        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGTERM, lambda *_: done.set())
        try:
            while not done.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        return 0
    except OSError as exc:
        print(f"cannot start the simulator: {exc}", file=sys.stderr)
        return 1
    finally:
        for r in servers:
            r.stop()
        if site is not None:
            site.stop()


__all__ = [
    "DemoBus",
    "DemoSite",
    "build_demo_population",
    "run_simulator_cli",
    "MODE_MODBUS_TCP",
    "MODE_RTU_OVER_TCP",
    "MODE_PTY",
]
