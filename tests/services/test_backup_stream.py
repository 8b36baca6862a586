"""A backup taken while cashiers keep selling restores to a sound database (ledger invariants and the
operation-log chain hold), through the scheduled-backup job; and the job's failure path and schedule.

Sales happen *during* the backup deterministically: the sqlite3 module the backup service uses is wrapped so
that the backup's progress callback lets the seller threads commit sales between the backup's steps (no
sleeps, no timing)."""

from __future__ import annotations

import errno
import sqlite3
import threading
import types
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select, text

from acrel_console.app import build_services
from acrel_console.services import backup as backup_module
from acrel_console.services.backup import BackupService, backup_dir
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.integrity import check_integrity
from acrel_console.services.maintenance_jobs import (BACKUP_FAILED_KIND, BACKUP_JOB_ID, INTEGRITY_JOB_ID,
                                                     add_maintenance_jobs, scheduled_backup)
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.operators import AuditRow
from tests.ledger.helpers import World, make_world

PAGE = 4096


class Sellers:
    """Two cashier threads; each sale (plus a delivery pass over the cashier's meters) happens on a permit."""

    def __init__(self, w: World) -> None:
        self.w = w
        self.permits = threading.Semaphore(0)
        self.done = threading.Semaphore(0)
        self.stop = False
        self.errors: list[BaseException] = []
        self.sold = 0
        self._lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run, args=(actor, meters), daemon=True)
                        for actor, meters in ((w.cashier, w.meters[:2]), (w.cashier2, w.meters[2:]))]
        for t in self.threads:
            t.start()

    def _run(self, actor: Any, meters: list[int]) -> None:
        k = 0
        while True:
            self.permits.acquire()
            if self.stop:
                return
            try:
                self.w.vending.sell(actor, meters[k % 2], "1.25", "cash")
                deliver_all(self.w.ctx, self.w.bus, set(meters))
                with self._lock:
                    self.sold += 1
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                self.errors.append(exc)
            k += 1
            self.done.release()

    def sell(self, n: int) -> None:
        """Let n sales happen (spread over both cashiers) and wait until all n are committed."""
        for _ in range(n):
            self.permits.release()
        for _ in range(n):
            assert self.done.acquire(timeout=60), "a seller thread is stuck"
        assert self.errors == []

    def close(self) -> None:
        self.stop = True
        for _ in self.threads:
            self.permits.release()
        for t in self.threads:
            t.join(10)


def _sqlite_during(on_step: Any) -> types.SimpleNamespace:
    """The sqlite3 module, except that Connection.backup calls on_step(remaining, total) after each step."""

    class Conn:
        def __init__(self, real: sqlite3.Connection) -> None:
            self._real = real

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

        def __enter__(self) -> Any:
            return self._real.__enter__()

        def __exit__(self, *exc: Any) -> Any:
            return self._real.__exit__(*exc)

        def backup(self, target: Any, **kwargs: Any) -> None:
            real_target = target._real if isinstance(target, Conn) else target
            self._real.backup(real_target, progress=lambda _st, remaining, total: on_step(remaining, total),
                              **kwargs)

    def connect(*args: Any, **kwargs: Any) -> Conn:
        return Conn(sqlite3.connect(*args, **kwargs))

    names = {k: getattr(sqlite3, k) for k in dir(sqlite3) if not k.startswith("__")}
    names["connect"] = connect
    return types.SimpleNamespace(**names)


@pytest.fixture
def w(tmp_path: Path) -> World:
    world = make_world(f"sqlite:///{tmp_path / 'site.sqlite3'}", n_meters=4)
    world.ctx.clock = lambda: datetime.now(timezone.utc)
    for i, m in enumerate(world.meters):
        world.accounts.open_account(world.cashier, f"Tenant {i}", f"R{i}", [m], opening_credit="10")
    deliver_all(world.ctx, world.bus)
    yield world
    world.svc.close()


def _ops(ctx: Any) -> int:
    with ctx.read() as s:
        return int(s.execute(select(func.count()).select_from(OperationRow)).scalar_one())


def _restored_report(w: World, backup_file: str, tmp_path: Path) -> tuple[Any, int]:
    """Restore the file into a fresh database through BackupService.restore; its integrity report and ops."""
    other = build_services(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    other.ctx.site_key = w.ctx.site_key  # the same site: its log rows are keyed with the site key (issue 11)
    try:
        BackupService(other.ctx).restore(w.admin, backup_file)
        return check_integrity(other.ctx), _ops(other.ctx)
    finally:
        other.close()


def test_backup_during_a_stream_of_sales_restores_sound(w: World, tmp_path: Path) -> None:
    sellers = Sellers(w)
    try:
        sellers.sell(20)
        at_start = _ops(w.ctx)
        steps: list[int] = []

        def during(remaining: int, total: int) -> None:
            steps.append(remaining)
            sellers.sell(6)  # six sales commit while the backup is in flight

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(backup_module, "sqlite3", _sqlite_during(during))
            outcome = scheduled_backup(w.ctx, keep=3)
        at_end = _ops(w.ctx)
        sellers.sell(20)
    finally:
        sellers.close()
    assert outcome.ok, outcome.error
    assert steps and at_end >= at_start + 6  # sales really happened during the backup
    assert Path(outcome.info.path).parent == backup_dir()
    live = check_integrity(w.ctx)
    assert live.ok, live.summary()
    report, restored_ops = _restored_report(w, outcome.info.path, tmp_path)
    assert report.ok, report.summary()
    assert report.ledger_ok and report.audit_ok and report.database_ok
    assert at_start <= restored_ops <= at_end  # a consistent snapshot from inside the stream


def _pad(w: World, megabytes: int) -> None:
    """Make the file bigger than one backup step (1024 pages) with inert rows."""
    with w.ctx.transaction() as s:
        s.execute(text("INSERT INTO buildings (name, floor, area, notes) VALUES (:n, '', '', :notes)"),
                  [{"n": f"pad-{i}", "notes": "x" * 8000} for i in range(megabytes * 128)])


def test_backup_of_a_large_database_completes_under_continuous_sales(w: World, tmp_path: Path) -> None:
    _pad(w, 6)
    size = Path(tmp_path / "site.sqlite3").stat().st_size
    assert size > 1024 * PAGE
    sellers = Sellers(w)
    calls = [0]
    limit = 3 * (size // (1024 * PAGE) + 1)

    def during(remaining: int, total: int) -> None:
        calls[0] += 1
        if calls[0] > limit:
            raise RuntimeError(f"backup restarted {calls[0]} times")
        if remaining:
            sellers.sell(1)  # one sale commits between two steps, as a busy counter does

    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(backup_module, "sqlite3", _sqlite_during(during))
            outcome = scheduled_backup(w.ctx, keep=3)
    finally:
        sellers.close()
    assert outcome.ok, outcome.error
    report, _ = _restored_report(w, outcome.info.path, tmp_path)
    assert report.ok


def test_failed_scheduled_backup_is_recorded_and_keeps_older_backups(w: World,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = scheduled_backup(w.ctx)
    assert first.ok

    def disk_full(source: Path, target: Path) -> None:
        raise backup_module._disk_error(OSError(errno.ENOSPC, "No space left on device"), target)

    monkeypatch.setattr(backup_module, "sqlite_backup", disk_full)
    second = scheduled_backup(w.ctx)
    assert not second.ok and "disk is full" in second.error
    assert [p.name for p in backup_dir().glob("acrel-*.backup")] == [Path(first.info.path).name]
    with w.ctx.read() as s:
        last = s.execute(select(AuditRow.kind, AuditRow.reason).order_by(AuditRow.id.desc()).limit(1)).one()
    assert last.kind == BACKUP_FAILED_KIND and "disk is full" in last.reason
    assert check_integrity(w.ctx).ok


def test_maintenance_jobs_are_nightly_in_the_site_time_zone(w: World) -> None:
    sched = BackgroundScheduler(timezone=timezone.utc)
    ids = add_maintenance_jobs(sched, w.ctx, timezone="Asia/Shanghai", backup_at=(2, 30), integrity_at=(3, 15))
    assert ids == [BACKUP_JOB_ID, INTEGRITY_JOB_ID]
    sched.start(paused=True)
    try:
        job = sched.get_job(BACKUP_JOB_ID)
        nxt = job.trigger.get_next_fire_time(None, datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc))
        assert nxt.astimezone(timezone.utc) == datetime(2026, 3, 1, 18, 30, tzinfo=timezone.utc)  # 02:30 +08:00
        assert job.max_instances == 1 and job.coalesce
        assert sched.get_job(INTEGRITY_JOB_ID).func.__name__ == "scheduled_integrity_check"
    finally:
        sched.shutdown(wait=True)
