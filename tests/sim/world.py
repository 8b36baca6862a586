"""One simulated site for the fault simulation: a template SQLite database copied per seed, the
services over it, a fake clock and a fake bus of model meters."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


RunSeed = Callable[[int, Template, Path], list[str]]
_WORKER: dict[str, Any] = {}


def seeds_from_env(count_var: str, default: int) -> list[int]:
    """ACREL_SIM_SEED=K replays one seed; else `count_var` (or ACREL_SIM_SEEDS) seeds from 0."""
    one = os.environ.get("ACREL_SIM_SEED")
    if one is not None:
        return [int(one)]
    return list(range(int(os.environ.get(count_var, os.environ.get("ACREL_SIM_SEEDS", str(default))))))


def _worker_init(run: RunSeed, template: Template, base: str) -> None:
    _WORKER.update(run=run, template=template, dir=Path(tempfile.mkdtemp(dir=base)))


def _worker_run(seeds: list[int]) -> list[str]:
    failures = []
    for seed in seeds:
        problems = _WORKER["run"](seed, _WORKER["template"], _WORKER["dir"])
        if problems:
            failures.append(f"seed {seed} (replay: ACREL_SIM_SEED={seed}): " + "; ".join(problems[:3]))
    return failures


def run_seeds(run: RunSeed, make: Callable[[Path], Template], seeds: list[int], tmp_path: Path,
              parallel_above: int = 100) -> list[str]:
    """Run every seed on a copy of one template (in worker processes when there are many: seeds are independent
    and deterministic); the failures, each with how to replay it."""
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else tmp_path  # a real file; tmpfs skips fsync cost
    with tempfile.TemporaryDirectory(dir=base) as d:
        template = make(Path(d))
        workers = min(4, os.cpu_count() or 1) if len(seeds) > parallel_above else 1
        if workers == 1:
            _worker_init(run, template, d)
            return _worker_run(seeds)
        chunks = [seeds[i::workers * 8] for i in range(workers * 8)]
        # forkserver, not fork: a test process may have threads (pytest-xdist's, a finished test's server) and a
        # forked copy of a lock one of them held never opens (the suite hung there under xdist)
        with multiprocessing.get_context("forkserver").Pool(workers, _worker_init, (run, template, d)) as pool:
            return [f for part in pool.map(_worker_run, chunks) for f in part]


__all__ = ["Template", "make_template", "open_copy", "reopen", "run_seeds", "seeds_from_env", "VendingService"]
