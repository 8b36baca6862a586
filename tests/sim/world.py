"""One simulated site for the fault simulation: a template SQLite database copied per seed, the
services over it, a fake clock and a fake bus of model meters."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from acrel_console.app import Services, build_services
from acrel_console.services import passwords
from acrel_console.services.accounts import AccountService
from acrel_console.services.base import Actor
from acrel_console.services.vending import VendingService
from tests.ledger.helpers import SITE_KEY, FakeClock

N_METERS = 2


@dataclass
class Template:
    path: Path
    cashiers: tuple[Actor, Actor]
    supervisor: Actor
    admin: Actor
    meters: tuple[int, ...]
    addresses: dict[int, int]


def make_template(directory: Path, n_meters: int = N_METERS, open_accounts: bool = True) -> Template:
    """Migrated database with operators, a bus, meters (held by open accounts unless open_accounts=False)."""
    path = directory / "template.sqlite3"
    svc = build_services(f"sqlite:///{path}")
    svc.ctx.clock = FakeClock()
    svc.ctx.site_key = SITE_KEY
    saved = passwords._N
    passwords._N = 2**4
    try:
        admin = svc.operators.create_first_admin("admin", "secret1")
        ops = [svc.operators.add(admin, n, r, "secret1") for n, r in
               (("c1", "cashier"), ("c2", "cashier"), ("sup", "supervisor"))]
    finally:
        passwords._N = saved
    actors = [Actor(o.id, o.name, o.role) for o in ops]
    svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    meters, addresses = [], {}
    for i in range(n_meters):
        m = svc.site.add_meter(admin, gateway="g1", address=i + 1, model="DDSY1352", room=f"S{i}")
        meters.append(m.id)
        addresses[m.id] = m.address
    acc = AccountService(svc.ctx)
    for i, mid in enumerate(meters if open_accounts else []):
        acc.open_account(admin, f"Tenant {i}", f"S{i}", [mid])
    svc.close()
    return Template(path, (actors[0], actors[1]), actors[2], admin, tuple(meters), addresses)


def open_copy(template: Template, directory: Path, clock: FakeClock) -> tuple[str, Services]:
    """A fresh copy of the template for one seed, and services over it."""
    target = directory / "seed.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template.path, target)
    with closing(sqlite3.connect(target)) as conn, conn:  # each seed is its own site: its own identity and anchor
        conn.execute("DELETE FROM site_settings WHERE key = 'site_uid'")
    url = f"sqlite:///{target}"
    return url, reopen(url, clock)


def reopen(url: str, clock: FakeClock) -> Services:
    """The console starting (again) over an existing database."""
    svc = build_services(url, migrate_schema=False)
    svc.ctx.clock = clock
    svc.ctx.site_key = SITE_KEY
    return svc


__all__ = ["Template", "make_template", "open_copy", "reopen", "VendingService"]
