"""Custom roles from the command line (issue 14 had them only in the GUI's role editor): `role copy`, `grant`,
`revoke`, `rename`, `delete` and `list` with text and --json; a built-in role, an unknown permission and a role
still held are one translated line on stderr with nothing changed; every change is in the operation log."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.test_cli_reports import run


def test_role_commands(tmp_path: Path) -> None:
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en",
               ACREL_NEW_PASSWORD="night-pw1")
    run(env, "init", "--admin", "admin")
    admin = ("--user", "admin")
    out = run(env, *admin, "role", "copy", "cashier", "Night desk").stdout
    assert out.strip() == "role Night desk (custom:1): sell,view created from cashier"
    granted = json.loads(run(env, "--json", *admin, "role", "grant", "Night desk", "ack_alarms", "sell").stdout)
    assert (granted["key"], sorted(granted["permissions"])) == ("custom:1", ["ack_alarms", "sell", "view"])
    out = run(env, *admin, "role", "revoke", "custom:1", "sell").stdout
    assert out.strip() == "role Night desk (custom:1): ack_alarms,view"
    bad = run(env, *admin, "role", "grant", "cashier", "maintain", ok=False)
    assert bad.returncode == 2 and bad.stderr.strip().endswith(
        "The built-in role Cashier cannot be changed: copy it and change the copy.") and "Traceback" not in bad.stderr
    bad = run(dict(env, ACREL_LANG="zh_CN"), *admin, "role", "grant", "Night desk", "view", "fly", ok=False)
    assert bad.returncode == 2 and "未知权限“fly”" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    run(env, *admin, "role", "rename", "Night desk", "Night shift")
    run(env, *admin, "operator", "add", "night1", "--role", "Night shift")
    bad = run(env, *admin, "role", "delete", "Night shift", ok=False)
    assert bad.returncode == 2 and "held by night1" in bad.stderr
    roles = {r["name"]: r for r in json.loads(run(env, "--json", *admin, "role", "list").stdout)}
    night = roles["Night shift"]
    assert (night["builtin"], night["operators"], night["based_on"], sorted(night["permissions"])) == \
        (False, 1, "cashier", ["ack_alarms", "view"])  # the refused 'fly' changed nothing
    assert roles["Cashier"]["builtin"] and "Night desk" not in roles
    run(env, *admin, "operator", "role", "night1", "auditor")
    assert run(env, *admin, "role", "delete", "custom:1").stdout.strip() == "role custom:1 deleted"
    listed = run(env, *admin, "role", "list").stdout
    assert "Night shift" not in listed and "administrator" in listed
    log = json.loads(run(env, "--json", *admin, "audit", "list", "--limit", "20").stdout)
    kinds = [r["kind"] for r in log if r["kind"].startswith("role.")]
    assert sorted(kinds) == ["role.copy", "role.delete", "role.permissions", "role.permissions", "role.rename"]
    assert run(env, *admin, "audit", "verify").returncode == 0
