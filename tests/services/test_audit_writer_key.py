"""A process without the site key, or with another site's key, may not write a keyed operation log
(issue 11): it is refused with a clear error and nothing changes, instead of appending rows that make
`audit verify` fail for everyone later. A site that never had a key keeps its plain chain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from acrel_console.app import build_services
from acrel_console.ledger.mac import generate_site_key
from acrel_console.services.audit import LogKeyRefused
from tests.ledger.helpers import SITE_KEY
from tests.services.helpers import ADMIN_PASSWORD, make_services


def test_workstation_without_the_key_is_refused_and_nothing_changes(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.ctx.site_key = SITE_KEY
    svc.site.add_building(admin, "A栋")
    other = build_services(db_url)  # no ACREL_SITE_KEY, no site.key beside the data: a bare workstation
    assert other.ctx.site_key is None
    with pytest.raises(LogKeyRefused, match="no site key") as e:
        other.site.add_building(admin, "B栋")
    assert "site.key" in str(e.value)
    with pytest.raises(LogKeyRefused):
        other.operators.login("admin", ADMIN_PASSWORD)  # a sign-in is logged too
    assert [b.name for b in svc.site.list_buildings(admin)] == ["A栋"]
    report = svc.audit.verify(admin)
    assert report.ok, report.problem
    other.close()
    svc.close()


def test_workstation_with_another_key_is_refused(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.ctx.site_key = SITE_KEY
    svc.site.add_building(admin, "A栋")
    other = build_services(db_url)
    other.ctx.site_key = generate_site_key()
    with pytest.raises(LogKeyRefused, match="not the site's"):
        other.site.add_building(admin, "B栋")
    assert svc.audit.verify(admin).ok
    other.close()
    svc.close()


def test_a_site_without_a_key_keeps_its_plain_chain(sqlite_url: str) -> None:
    svc, admin = make_services(sqlite_url)
    for name in ("A", "B"):
        svc.site.add_building(admin, name)
    assert svc.audit.verify(admin).ok
    svc.ctx.site_key = SITE_KEY  # the key arrives: keyed rows follow the plain ones
    svc.site.add_building(admin, "C")
    assert svc.audit.verify(admin).ok
    svc.close()


def test_cli_without_the_key_is_one_line(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("acrel-console")
    data = tmp_path / "d"
    env = dict(os.environ, ACREL_DATA_DIR=str(data), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en")
    env.pop("ACREL_SITE_KEY", None)
    env.pop("ACREL_SECRETS_DIR", None)
    assert subprocess.run([str(exe), "init", "--admin", "admin"], env=env, capture_output=True).returncode == 0
    (data / "site.key").unlink()  # the database stays, its keyed log too; the key is gone
    proc = subprocess.run([str(exe), "--user", "admin", "building", "add", "C栋"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "no site key" in proc.stderr and "Traceback" not in proc.stderr
