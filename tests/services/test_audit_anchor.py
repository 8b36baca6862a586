"""The keyed operation log and its anchored head (issue 11): deleting the newest rows, editing a row and
recomputing the later hashes (without the key, and with it), and a backup whose log was cut are all
detected; the database, its backups, manifests and anchors are owner-only files."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from acrel_console.ledger.mac import derive_key
from acrel_console.services import audit, site_anchor
from acrel_console.services.site_secrets import secrets_dir
from tests.ledger.helpers import SITE_KEY
from tests.services.helpers import make_services


def _world(db_url: str):  # type: ignore[no-untyped-def]
    svc, admin = make_services(db_url)
    svc.ctx.site_key = SITE_KEY
    for i in range(6):
        svc.site.add_building(admin, f"B{i}", floor=str(i))
    assert site_anchor.advance(svc.ctx) is not None
    return svc, admin


def _recompute_from(svc, first_id: int, key: bytes | None) -> None:  # type: ignore[no-untyped-def]
    """What someone holding the database file does after editing row `first_id`: rewrite the later hashes."""
    with svc.ctx.engine.begin() as conn:
        rows = conn.execute(text("SELECT id, at, operator_name, kind, target, before_json, after_json, reason, "
                                 "prev_hash FROM audit_log ORDER BY id")).all()
        prev = None
        for r in rows:
            if r.id < first_id:
                prev = conn.execute(text("SELECT hash FROM audit_log WHERE id = :i"), {"i": r.id}).scalar()
                continue
            at = r.at if not isinstance(r.at, str) else __import__("datetime").datetime.fromisoformat(r.at)
            if at.tzinfo is None:
                at = at.replace(tzinfo=__import__("datetime").timezone.utc)
            material = "\x1f".join([prev, at.isoformat(timespec="microseconds"), r.operator_name, r.kind, r.target,
                                    r.before_json, r.after_json, r.reason]).encode()
            h = (hashlib.sha256(material).hexdigest() if key is None
                 else "k:" + hmac.new(key, material, "sha256").hexdigest()[:62])
            conn.execute(text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": prev, "h": h, "i": r.id})
            prev = h


def test_rows_are_keyed_and_intact(db_url: str) -> None:
    svc, admin = _world(db_url)
    assert svc.audit.verify(admin).ok
    svc.ctx.site_key = None  # a process without the key checks links and the anchor only, and says so
    report = svc.audit.verify(admin)
    assert report.ok and report.problem.startswith("links only")
    svc.close()


def test_deleting_the_newest_rows_is_detected(db_url: str) -> None:
    svc, admin = _world(db_url)
    with svc.ctx.engine.begin() as conn:
        top = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        conn.execute(text("DELETE FROM audit_log WHERE id >= :t"), {"t": top - 1})
    report = svc.audit.verify(admin)
    assert not report.ok and report.problem.startswith("tail")
    svc.close()


@pytest.mark.parametrize("with_key", [False, True])
def test_edit_and_recomputed_chain_is_detected(db_url: str, with_key: bool) -> None:
    svc, admin = _world(db_url)
    with svc.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = 'forged' WHERE id = 3"))
    _recompute_from(svc, 3, derive_key(SITE_KEY, "operation-log") if with_key else None)
    report = svc.audit.verify(admin)
    assert not report.ok
    assert report.problem.startswith("anchor" if with_key else "hash")
    svc.close()


def test_backup_manifest_and_private_files(sqlite_url: str, tmp_path: Path) -> None:
    svc, admin = _world(sqlite_url)
    info = svc.backup.backup(admin, tmp_path / "b" / "one.backup")
    backup = Path(info.path)
    manifest = backup.with_name(backup.name + ".manifest.json")
    db_file = Path(sqlite_url.split("///", 1)[1])
    anchors = list((secrets_dir() / "anchors").glob("*.json"))
    for path in (db_file, backup, manifest, *anchors):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    svc.backup.check_file(admin, backup)
    import sqlite3

    con = sqlite3.connect(backup)
    with con:
        con.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    con.close()
    with pytest.raises(Exception, match="manifest"):
        svc.backup.check_file(admin, backup)
    svc.close()


def test_key_file_is_owner_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from acrel_console.app import ensure_site_key

    monkeypatch.delenv("ACREL_SITE_KEY", raising=False)
    path, created = ensure_site_key()
    assert created and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert audit.GENESIS  # the module is the one under test above
