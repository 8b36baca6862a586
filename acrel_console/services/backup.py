"""Backups and restore: SQLite through the online backup API (verified, rotated); PostgreSQL through
pg_dump/pg_restore. A restore checks the file before anything is overwritten."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError
from acrel_console.domain.roles import Permission
from acrel_console.services import audit, restore_mark, site_anchor
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_secrets import make_private, write_private
from acrel_console.storage.engine import data_dir

KEEP_BACKUPS = 14
REQUIRED_TABLES = ("alembic_version", "operators", "audit_log", "meters")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: str
    size_bytes: int
    verified: bool
    removed_old: tuple[str, ...] = ()


def backup_dir() -> Path:
    return data_dir() / "backups"


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database:
        raise UserError(QT_TRANSLATE_NOOP("errors", "This database has no file to back up."))
    return Path(database)


def verify_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an intact Acrel Console SQLite database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "{path} is not a readable database: {reason}"),
                        path=str(path), reason=str(exc)) from None
    if not ok or ok[0] != "ok":
        raise UserError(QT_TRANSLATE_NOOP("errors", "{path} failed the integrity check: {reason}"),
                        path=str(path), reason=ok[0] if ok else "?")
    missing = [t for t in REQUIRED_TABLES if t not in names]
    if missing:
        raise UserError(QT_TRANSLATE_NOOP("errors", "{path} is not an Acrel Console database (missing {tables})."),
                        path=str(path), tables=", ".join(missing))


def _disk_error(exc: OSError, path: Path) -> UserError:
    if exc.errno == errno.ENOSPC:
        return UserError(QT_TRANSLATE_NOOP("errors", "The disk is full: the backup {path} was not written; "
                                                     "older backups are kept."), path=str(path))
    return UserError(QT_TRANSLATE_NOOP("errors", "The backup {path} could not be written: {reason}"),
                     path=str(path), reason=exc.strerror or str(exc))


def sqlite_backup(source: Path, target: Path) -> None:
    """Online copy with the sqlite3 backup API into a temporary file, verified, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(tmp)
        try:
            with dst:
                src.backup(dst)  # one step: a WAL snapshot, not restarted by concurrent commits
        finally:
            dst.close()
            src.close()
        verify_sqlite_file(tmp)
        make_private(tmp)
        os.replace(tmp, target)
    except sqlite3.OperationalError as exc:
        tmp.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise _disk_error(OSError(errno.ENOSPC, "disk full"), target) from None
        raise UserError(QT_TRANSLATE_NOOP("errors", "The backup {path} could not be written: {reason}"),
                        path=str(target), reason=str(exc)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _disk_error(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".manifest.json")


def sqlite_log_head(path: Path) -> site_anchor.Head:
    """The operation log's head inside a SQLite backup file."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        count = int(con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
        last = con.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return site_anchor.Head(count, last[0] if last else "")


def check_manifest(path: Path) -> None:
    """Refuse a SQLite backup whose operation log no longer matches its manifest (cut or rewritten)."""
    manifest = manifest_path(path)
    if not manifest.exists():
        return
    data = json.loads(manifest.read_text(encoding="utf-8"))
    head = sqlite_log_head(path)
    if head.count != int(data.get("log_rows", -1)) or head.last_hash != data.get("log_last_hash"):
        raise UserError(QT_TRANSLATE_NOOP("errors", "The backup {path} does not match its manifest: its operation "
                                                    "log was cut or rewritten after it was taken."), path=str(path))


def rotate(directory: Path, keep: int) -> tuple[str, ...]:
    """Remove the oldest automatic backups beyond `keep`."""
    files = sorted(directory.glob("acrel-*.backup"), key=lambda p: p.name)
    old = files[:-keep] if keep > 0 else []
    for f in old:
        f.unlink(missing_ok=True)
        manifest_path(f).unlink(missing_ok=True)
    return tuple(f.name for f in old)


class BackupService:
    """Take, verify, rotate and restore backups of the site database."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.MAINTAIN)
    def backup(self, actor: Actor, target: str | Path | None = None, keep: int = KEEP_BACKUPS) -> BackupInfo:
        automatic = target is None
        stamp = self.ctx.clock().strftime("%Y%m%dT%H%M%SZ")
        path = Path(target) if target else backup_dir() / f"acrel-{stamp}.backup"
        # The database's identity names its anchor: a copy made before it existed could be put back unnoticed
        # (its anchor unknown), and its delivered sales renumbered and sent again.
        site_anchor.ensure_uid(self.ctx)
        if _is_sqlite(self.ctx.db_url):
            sqlite_backup(_sqlite_path(self.ctx.db_url), path)
        else:
            self._pg_dump(path)
        make_private(path)
        head = self._write_manifest(path)
        removed = rotate(path.parent, keep) if automatic else ()
        with self.ctx.transaction() as s:
            audit.append(s, actor, "maintenance.backup", str(path), after={"size": path.stat().st_size,
                                                                           "log_rows": head.count},
                         at=self.ctx.clock())
        site_anchor.advance(self.ctx)
        return BackupInfo(str(path), path.stat().st_size, True, removed)

    def _write_manifest(self, path: Path) -> site_anchor.Head:
        """Beside the backup: the operation log's head it holds (count, last hash), owner-only. A backup
        whose log was cut or rewritten later no longer matches it."""
        if _is_sqlite(self.ctx.db_url):
            head = sqlite_log_head(path)
        else:
            with self.ctx.read() as s:
                head = site_anchor.current_head(s)
        write_private(manifest_path(path), json.dumps({"log_rows": head.count, "log_last_hash": head.last_hash,
                                                       "taken_at": self.ctx.clock().isoformat()}) + "\n")
        return head

    @requires(Permission.MAINTAIN)
    def list_backups(self, actor: Actor) -> list[BackupInfo]:
        return [BackupInfo(str(p), p.stat().st_size, False) for p in sorted(backup_dir().glob("acrel-*.backup"))]

    @requires(Permission.MAINTAIN)
    def check_file(self, actor: Actor, source: str | Path) -> None:
        """Verify a backup file without restoring it."""
        path = Path(source)
        if not path.is_file():
            raise UserError(QT_TRANSLATE_NOOP("errors", "No such backup file: {path}"), path=str(path))
        if _is_sqlite(self.ctx.db_url):
            verify_sqlite_file(path)
            check_manifest(path)
        else:
            self._pg_check(path)

    @requires(Permission.MAINTAIN)
    def restore(self, actor: Actor, source: str | Path) -> None:
        """Replace the database with a verified backup (the caller has confirmed). Logged afterwards."""
        self.check_file(actor, source)
        path = Path(source)
        if _is_sqlite(self.ctx.db_url):
            self.ctx.engine.dispose()
            target = _sqlite_path(self.ctx.db_url)
            src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            dst = sqlite3.connect(target)
            try:
                with dst:
                    src.backup(dst)
            finally:
                dst.close()
                src.close()
        else:
            self._pg_restore(path)
        with self.ctx.transaction() as s:
            audit.append(s, actor, "maintenance.restore", str(path), at=self.ctx.clock())
            restore_mark.mark_restored(s, f"restore of {path.name}")
        site_anchor.rebase(self.ctx)  # the restore itself is logged; its deliveries are reconciled before sending

    # --- PostgreSQL ------------------------------------------------------------------------------
    def _pg_env(self) -> tuple[list[str], dict[str, str]]:
        u = make_url(self.ctx.db_url)
        env = dict(os.environ)
        if u.password:
            env["PGPASSWORD"] = str(u.password)
        args = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
        return args, env

    def _tool(self, name: str) -> str:
        found = shutil.which(name)
        if not found:
            raise UserError(QT_TRANSLATE_NOOP("errors", "{tool} is not installed; it is needed for PostgreSQL backups."),
                            tool=name)
        return found

    def _pg_dump(self, path: Path) -> None:
        args, env = self._pg_env()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        u = make_url(self.ctx.db_url)
        proc = subprocess.run([self._tool("pg_dump"), *args, "-Fc", "-f", str(tmp), u.database or ""], env=env,
                              capture_output=True, text=True, timeout=3600)
        if proc.returncode != 0:
            tmp.unlink(missing_ok=True)
            raise UserError(QT_TRANSLATE_NOOP("errors", "pg_dump failed: {reason}"), reason=proc.stderr.strip()[-300:])
        self._pg_check(tmp)
        make_private(tmp)
        os.replace(tmp, path)

    def _pg_check(self, path: Path) -> None:
        proc = subprocess.run([self._tool("pg_restore"), "--list", str(path)], capture_output=True, text=True,
                              timeout=600)
        if proc.returncode != 0 or "audit_log" not in proc.stdout:
            raise UserError(QT_TRANSLATE_NOOP("errors", "{path} is not a usable PostgreSQL backup."), path=str(path))

    def _pg_restore(self, path: Path) -> None:
        """Replace the database's schemas by the backup's in ONE transaction (psql --single-transaction):
        a restore that fails leaves the database as it was. `pg_restore --clean` is not used: it drops the
        readings partitions' inherited constraints one by one, which PostgreSQL refuses."""
        args, env = self._pg_env()
        u = make_url(self.ctx.db_url)
        listing = subprocess.run([self._tool("pg_restore"), "--list", str(path)], capture_output=True, text=True,
                                 timeout=600)
        if listing.returncode != 0:
            raise UserError(QT_TRANSLATE_NOOP("errors", "{path} is not a usable PostgreSQL backup."), path=str(path))
        created, used = _dump_schemas(listing.stdout)
        prelude = "".join(f'DROP SCHEMA IF EXISTS "{name}" CASCADE;\n'
                          + ("" if name in created else f'CREATE SCHEMA "{name}";\n') for name in sorted(used))
        self.ctx.engine.dispose()
        psql = self._tool("psql")
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "restore.sql"
            with script.open("w", encoding="utf-8") as f:
                f.write(prelude)
                f.flush()
                dump = subprocess.run([self._tool("pg_restore"), "--no-owner", "-f", "-", str(path)], stdout=f,
                                      stderr=subprocess.PIPE, text=True, timeout=3600)
            if dump.returncode != 0:
                raise UserError(QT_TRANSLATE_NOOP("errors", "pg_restore failed: {reason}"),
                                reason=dump.stderr.strip()[-300:])
            proc = subprocess.run([psql, *args, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                                   "-d", u.database or "", "-f", str(script)], env=env, capture_output=True,
                                  text=True, timeout=3600)
        if proc.returncode != 0:
            raise UserError(QT_TRANSLATE_NOOP("errors", "pg_restore failed: {reason}"), reason=proc.stderr.strip()[-300:])


def _dump_schemas(listing: str) -> tuple[set[str], set[str]]:
    """From `pg_restore --list`: the schemas the dump creates, and every schema its tables live in."""
    created: set[str] = set()
    used: set[str] = set()
    for line in listing.splitlines():
        if line.startswith(";") or "; " not in line:
            continue
        words = line.split("; ", 1)[1].split()
        if len(words) >= 5 and words[2] == "SCHEMA":
            created.add(words[4])
        elif len(words) >= 4 and words[2] == "TABLE":
            used.add(words[3])
    return created, used


def backup_name_for(at: datetime) -> str:
    return f"acrel-{at.strftime('%Y%m%dT%H%M%SZ')}.backup"
