"""The demo site: 212 simulated prepaid meters on 3 gateways (Modbus-TCP, RTU-over-TCP and a serial
line over a pty where the machine allows it, else RTU-over-TCP), configured through SiteConfigService
in a demo database, tenants opened for most meters; optionally the poller/dispatcher runtime.

Population (drivers.simulator.demo): bus A 100 DDSY1352; bus B 12 DTSY1352 + one 36-circuit ADF400L
board (addresses 37-72); bus C 60 DDSY1352 + 4 ADL400 (metering only). About 10% alarm 1, 8% alarm 2,
12% arrears (some kept powered), 4% silent (offline after three sweeps).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.roles import Role
from acrel_console.services.base import Actor, ServiceContext

log = logging.getLogger(__name__)
DEMO_ADMIN, DEMO_PASSWORD = "admin", "admin123"
# One operator per role, so a newcomer can try everything (a reversal needs a second, approving operator).
DEMO_OPERATORS: tuple[tuple[str, str, Role], ...] = (
    (DEMO_ADMIN, DEMO_PASSWORD, Role.ADMINISTRATOR),
    ("operator", "operator123", Role.OPERATOR),
    ("cashier", "cashier123", Role.CASHIER),
    ("supervisor", "super123", Role.SUPERVISOR),
    ("auditor", "auditor123", Role.AUDITOR),
)
MODEL_NAMES = {"ddsy1352": "DDSY1352", "dtsy1352": "DTSY1352", "adf400l": "ADF400L", "adl400": "ADL400"}
BUILDINGS = {"A": "Building A 商场", "B": "Building B 办公", "C": "Building C 宿舍"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
TRADES = ("便利店", "奶茶店", "服装", "餐馆", "书店", "药房", "理发", "花店", "手机店", "面包房")


@dataclass
class DemoSite:
    """A running demo: services over the demo database, the simulators, the runtime when started."""

    services: Any  # app.Services, or the minimal DemoServices below
    admin: Actor
    sim: Any  # drivers.simulator.demo.DemoSite
    gateways: dict[str, str] = field(default_factory=dict)  # name -> endpoint
    runtime: Any = None
    meter_count: int = 0
    user: str = DEMO_ADMIN  # the GUI's sign-in is prefilled with these (cli.gui.DemoLike)
    password: str = DEMO_PASSWORD
    note: str = QT_TRANSLATE_NOOP("demo", "Demo site: 212 simulated meters on 3 gateways. Sign in as "
                                          "admin / admin123 (administrator), operator / operator123, "
                                          "cashier / cashier123, supervisor / super123 or auditor / auditor123.")
    keeper: Any = None  # drivers.simulator.state_file.StateKeeper: the meters' state survives restarts

    def start_runtime(self) -> bool:
        """Start poller + dispatcher under the site lease (False when another process holds it)."""
        from acrel_console.services.dispatcher import MeterRuntime
        from acrel_console.services.remote_control import RemoteControlService

        if self.runtime is None:
            self.runtime = MeterRuntime(self.services.ctx, remote=RemoteControlService(self.services.ctx))
        return bool(self.runtime.start())

    def stop(self) -> None:
        """Stop the runtime (if any), the simulators and close the database."""
        if self.runtime is not None:
            self.runtime.stop()
            self.runtime = None
        self.sim.stop()
        if self.keeper is not None:
            self.keeper.stop()  # after the servers: the last command a meter took is in the file
            self.keeper = None
        self.services.close()


def _start_buses(sim: Any, use_pty: bool) -> dict[str, dict[str, Any]]:
    """Serve each bus; bus C on a pty (a serial port) when possible. Returns name -> endpoint info."""
    from acrel_console.drivers.simulator.runner import start

    out: dict[str, dict[str, Any]] = {}
    for b in sim.buses:
        mode = b.mode
        running = None
        if use_pty and b.name == "C":
            try:
                running = start(b.bus, "pty")
                mode = "serial"
            except Exception as exc:  # noqa: BLE001 - no pty here: RTU-over-TCP instead
                log.warning("no pty for the serial demo bus (%s); using RTU-over-TCP", exc)
        if running is None:
            running = start(b.bus, b.mode, "127.0.0.1", 0)
        sim.running.append(running)
        out[b.name] = {"kind": mode, "host": running.host, "port": running.port, "serial_port": running.slave_path}
    return out


@dataclass
class DemoServices:
    """The few services the demo needs, when the caller (CLI/GUI) did not pass app.Services."""

    ctx: ServiceContext
    site: Any
    operators: Any

    def close(self) -> None:
        self.ctx.engine.dispose()


def _demo_services(db_url: str) -> DemoServices:
    from acrel_console.services.operators import OperatorService
    from acrel_console.services.site_config import SiteConfigService
    from acrel_console.storage import migrate
    from acrel_console.storage.engine import make_engine, make_session_factory, normalise_url

    url = normalise_url(db_url)
    engine = make_engine(url)
    migrate.upgrade(engine)
    ctx = ServiceContext(engine=engine, session_factory=make_session_factory(engine), db_url=url)
    return DemoServices(ctx, SiteConfigService(ctx), OperatorService(ctx))


def _configure(svc: Any, admin: Actor, sim: Any, endpoints: dict[str, dict[str, Any]], seed: int) -> int:
    site = svc.site
    existing_b = {b.name for b in site.list_buildings(admin)}
    gateways = {g.name: g for g in site.list_gateways(admin)}
    count = 0
    with svc.ctx.transaction() as s:  # one transaction: the whole site appears at once (and fast)
        for name in BUILDINGS.values():
            if name not in existing_b:
                site.add_building_in(s, admin, name)
        for b in sim.buses:
            ep = endpoints[b.name]
            gname = f"GW-{b.name}"
            fields: dict[str, Any] = {"name": gname, "kind": ep["kind"], "building": BUILDINGS[b.name],
                                      "timeout_ms": 150, "retries": 1}
            if ep["kind"] == "serial":
                fields["serial_port"] = ep["serial_port"]
            else:
                fields["host"], fields["port"] = ep["host"], ep["port"]
            if gname in gateways:
                count += len(b.models)
                continue
            site.add_gateway_in(s, admin, **fields)
            for address, model in sorted(b.models.items()):
                site.add_meter_in(s, admin, gateway=gname, address=address, model=MODEL_NAMES[model],
                                  room=f"{b.name}{address:03d}", building=BUILDINGS[b.name],
                                  meter_no=b.bus.meter(address).meter_no)  # 仪表编号 as on the nameplate
                count += 1
    for b in sim.buses:  # a second run: the simulators listen on new ports
        gname = f"GW-{b.name}"
        if gname in gateways:
            ep = endpoints[b.name]
            update: dict[str, Any] = {"kind": ep["kind"]}
            if ep["kind"] == "serial":
                update["serial_port"] = ep["serial_port"]
            else:
                update["host"], update["port"] = ep["host"], ep["port"]
            site.update_gateway(admin, gateways[gname].id, **update)
    if not gateways:  # first set-up only: later runs keep the tenants as the console left them (closed stays closed)
        _open_accounts(svc, admin, seed)
    return count


def _open_accounts(svc: Any, admin: Actor, seed: int) -> None:
    """Tenants for ~90% of the prepaid meters. The simulated meters already hold their tenants' money (as a
    building taken over from another system does): each meter is read first and its balance taken over, from the
    take-over equity account with the reading as evidence, so a fresh demo starts with a sound ledger."""
    from acrel_console.services.accounts import AccountService
    from acrel_console.services.live_read import read_now
    from acrel_console.services.takeover import TAKE_OVER

    accounts = getattr(svc, "accounts", None) or AccountService(svc.ctx)
    from acrel_console.ledger.queries import open_meter_ids

    rng = random.Random(seed)
    with svc.ctx.read() as s:
        opened = open_meter_ids(s)
    chosen = []
    for m in svc.site.list_meters(admin):
        if m.id in opened or m.model == "ADL400" or rng.random() < 0.1:
            continue
        chosen.append((m, f"{rng.choice(SURNAMES)}记{rng.choice(TRADES)}"))
    if not chosen:
        return
    read_now(svc.ctx, [m.id for m, _name in chosen])  # the set-up reading each take-over rests on
    for m, name in chosen:
        try:
            accounts.open_account(admin, name, m.room, [m.id], existing_credit=TAKE_OVER)
        except Exception:  # noqa: BLE001 - the demo still runs with fewer tenants
            log.exception("opening a demo account")
            return


def demo_files(db_path: Path | None, state_path: Path) -> list[Path]:
    """What `demo --reset` deletes: the demo database (with its WAL files) and the meters' state file."""
    files = [state_path]
    if db_path is not None:
        files += [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]
    return files


def ensure_demo_operators(svc: Any) -> None:
    """The first administrator, then one operator per role (missing ones only; passwords in DEMO_OPERATORS)."""
    if svc.operators.needs_first_admin():
        svc.operators.create_first_admin(DEMO_ADMIN, DEMO_PASSWORD)
    setup = Actor(id=None, name="demo-setup", role=Role.ADMINISTRATOR)
    existing = {o.name for o in svc.operators.list(setup)}
    for name, password, role in DEMO_OPERATORS:
        if name not in existing:
            svc.operators.add(setup, name, role, password)


def prepare_demo(db_url: str, *, services: Any = None, seed: int = 1, use_pty: bool = True,
                 start_runtime: bool = False, state_path: Path | None = None) -> DemoSite:
    """Create/refresh the demo database at `db_url`, start the simulators, configure the site.

    Pass `services` (app.build_services(db_url): it carries the site key, so sales made in the GUI are
    delivered by the demo's dispatcher); without it a minimal set without site key is built. The first
    run creates operator admin / admin123. With start_runtime=True the poller and dispatcher run in
    this process. `state_path`: where the simulated meters keep their state between runs (restored at
    start, saved every 2 s and at stop). `DemoSite.stop()` stops everything and closes the services."""
    from acrel_console.drivers.simulator.demo import build_demo_population
    from acrel_console.drivers.simulator.state_file import StateKeeper, restore

    svc = services if services is not None else _demo_services(db_url)
    ensure_demo_operators(svc)
    admin = Actor(id=None, name="demo-setup", role=Role.ADMINISTRATOR)
    sim = build_demo_population(seed)
    keeper = None
    try:
        if state_path is not None:
            buses = [(b.name, b.bus) for b in sim.buses]
            restored = restore(state_path, buses)
            log.info("demo: %d simulated meters restored from %s", restored, state_path)
            keeper = StateKeeper(state_path, buses).start()
        endpoints = _start_buses(sim, use_pty)
        count = _configure(svc, admin, sim, endpoints, seed)
    except BaseException:
        sim.stop()
        if keeper is not None:
            keeper.stop()
        svc.close()
        raise
    demo = DemoSite(svc, admin, sim, {f"GW-{k}": (v["serial_port"] or f"{v['host']}:{v['port']}")
                                      for k, v in endpoints.items()}, meter_count=count, keeper=keeper)
    if start_runtime:
        demo.start_runtime()
    return demo
