"""Backups: verified online copy with rotation; restore refuses a corrupt file before overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from acrel_console.domain.errors import UserError
from acrel_console.services.backup import BackupService, backup_dir
from tests.services.helpers import make_services


def test_backup_verify_rotate_restore(sqlite_url: str, tmp_path: Path) -> None:
    svc, admin = make_services(sqlite_url)
    service = BackupService(svc.ctx)
    svc.site.add_building(admin, "before")
    from datetime import datetime, timedelta, timezone

    t = [datetime(2026, 1, 1, tzinfo=timezone.utc)]
    svc.ctx.clock = lambda: t[0]
    infos = []
    for _ in range(4):
        infos.append(service.backup(admin, keep=3))
        t[0] += timedelta(hours=1)
    assert len(list(backup_dir().glob("acrel-*.backup"))) == 3
    assert infos[-1].removed_old == (Path(infos[0].path).name,)
    svc.site.add_building(admin, "after")
    service.restore(admin, infos[-1].path)
    names = [b.name for b in svc.site.list_buildings(admin)]
    assert names == ["before"]
    assert svc.audit.verify(admin).ok
    svc.close()


def test_corrupt_file_refused_before_overwrite(sqlite_url: str, tmp_path: Path) -> None:
    svc, admin = make_services(sqlite_url)
    svc.site.add_building(admin, "keep me")
    bad = tmp_path / "bad.backup"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(UserError):
        BackupService(svc.ctx).restore(admin, bad)
    other = tmp_path / "other.sqlite3"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(UserError, match="not an Acrel Console database"):
        BackupService(svc.ctx).restore(admin, other)
    assert [b.name for b in svc.site.list_buildings(admin)] == ["keep me"]
    svc.close()


def test_full_disk_keeps_old_backups(sqlite_url: str, tmp_path: Path) -> None:
    """A tiny tmpfs is not available unprivileged everywhere; /dev/full gives ENOSPC on write."""
    svc, admin = make_services(sqlite_url)
    service = BackupService(svc.ctx)
    first = service.backup(admin)
    target_dir = tmp_path / "full"
    target_dir.mkdir()
    target = target_dir / "x.backup"
    os.symlink("/dev/full", target.with_name("x.backup.part"))
    with pytest.raises(UserError):
        service.backup(admin, target)
    assert Path(first.path).exists() and not target.exists()
    svc.close()


def test_cli_restore_needs_yes(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("acrel-console")
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1")
    run = lambda *a: subprocess.run([str(exe), *a], env=env, capture_output=True, text=True, timeout=60)  # noqa: E731
    assert run("init", "--admin", "admin").returncode == 0
    b = run("--user", "admin", "backup", str(tmp_path / "b.backup"))
    assert b.returncode == 0, b.stderr
    r = run("--user", "admin", "restore", str(tmp_path / "b.backup"))
    assert r.returncode == 2 and "--yes" in r.stderr
    r = run("--user", "admin", "restore", str(tmp_path / "b.backup"), "--yes")
    assert r.returncode == 0, r.stderr
    (tmp_path / "junk").write_text("junk")
    r = run("--user", "admin", "restore", str(tmp_path / "junk"), "--yes")
    assert r.returncode == 2
