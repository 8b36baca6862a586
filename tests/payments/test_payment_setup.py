"""Setting up the payment providers (issue 17, 'Keys'): the merchant settings go to the owner-only secrets file
beside the site key and never into the database or the operation log (whose entry says which fields changed);
keys read back masked; only a holder of manage_secrets may read, save, test or remove them; a bad value is a clear
error that stores nothing; the connection test proves the key against the provider (the loopback stand-ins). The
command line takes keys only from files."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import PermissionDenied, UserError, ValidationError
from acrel_console.services.payment_config import configured, load_fields
from acrel_console.services.site_secrets import SECRETS_FILE, secrets_dir
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import SiteSettingRow
from tests.ledger.helpers import FakeClock
from tests.payments.standins import AlipayStandIn, WeChatStandIn, new_key
from tests.services.helpers import make_services
from tests.test_cli_reports import run


def _database_text(svc: Any) -> str:
    with svc.ctx.read() as s:
        rows = [f"{r.key}={r.value}" for r in s.execute(select(SiteSettingRow)).scalars()]
        rows += [f"{r.kind} {r.before_json} {r.after_json} {r.reason} {r.target}"
                 for r in s.execute(select(AuditRow)).scalars()]
    return "\n".join(rows)


def test_keys_beside_the_site_key_masked_logged_and_tested(sqlite_url: str) -> None:
    svc, admin = make_services(sqlite_url)
    svc.operators.add(admin, "boss", "supervisor", "boss-secret1")
    sup = svc.operators.login("boss", "boss-secret1")
    wechat = WeChatStandIn(FakeClock())
    try:
        fields = wechat.config_fields()
        with pytest.raises(PermissionDenied):
            svc.payment_config.save(sup, "wechat", fields)
        with pytest.raises(PermissionDenied):
            svc.payment_config.setup(sup, "wechat")
        # bad input: a clear error, nothing stored
        with pytest.raises(ValidationError, match="32 characters"):
            svc.payment_config.save(admin, "wechat", {**fields, "apiv3_key": "short"})
        with pytest.raises(ValidationError) as missing:
            svc.payment_config.save(admin, "wechat", {k: v for k, v in fields.items() if k != "private_key"})
        assert missing.value.field == "private_key"
        with pytest.raises(UserError):
            svc.payment_config.save(admin, "wechat", {**fields, "private_key": "not a key"})
        assert load_fields("wechat") == {} and configured() == ()

        setup = svc.payment_config.save(admin, "wechat", fields)
        assert setup.configured and setup.mode == "public_key" and configured() == ("wechat",)
        assert set(setup.secrets_set) == {"private_key", "apiv3_key"}
        assert "private_key" not in setup.fields and "apiv3_key" not in setup.fields
        assert setup.fields["mchid"] == fields["mchid"]
        secrets = secrets_dir() / SECRETS_FILE
        assert stat.S_IMODE(secrets.stat().st_mode) == 0o600 and fields["apiv3_key"] in secrets.read_text()
        text = _database_text(svc)
        assert fields["apiv3_key"] not in text and "PRIVATE KEY" not in text
        [entry] = [e for e in svc.audit.list(admin) if e.kind == "payment.setup"]
        assert "apiv3_key" in entry.after and "private_key" in entry.after and fields["apiv3_key"] not in entry.after

        # an empty key keeps the stored one; another field changes and only it is logged
        svc.payment_config.save(admin, "wechat", {"apiv3_key": "", "private_key": "", "mchid": "1230000109"})
        assert load_fields("wechat")["apiv3_key"] == fields["apiv3_key"]
        last = [e for e in svc.audit.list(admin) if e.kind == "payment.setup"][0]
        assert json.loads(last.after)["changed"] == ["mchid"]

        svc.payment_config.save(admin, "wechat", {"mchid": fields["mchid"]})
        assert "accepted the merchant key" in svc.payment_config.test_connection(admin, "wechat")
        with pytest.raises(UserError, match="connection test failed"):  # another merchant key: refused by WeChat
            svc.payment_config.test_connection(admin, "wechat", {"private_key": _other_pem()})
        assert load_fields("wechat")["private_key"] == fields["private_key"].strip()  # a test stores nothing

        svc.payment_config.remove(admin, "wechat")
        assert configured() == () and not svc.payment_config.setup(admin, "wechat").secrets_set
        assert {"payment.setup", "payment.test"} <= {e.kind for e in svc.audit.list(admin)}
    finally:
        wechat.stop()
        svc.close()


def _other_pem() -> str:
    from tests.payments.standins import private_pem

    return private_pem(new_key())


def test_cli_takes_keys_from_files_and_shows_them_masked(tmp_path: Path) -> None:
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en")
    run(env, "init", "--admin", "admin")
    alipay = AlipayStandIn(lambda: datetime.now(timezone.utc))  # the CLI runs on the real clock
    try:
        fields = alipay.config_fields()
        key_file = tmp_path / "app_private_key.pem"
        key_file.write_text(fields["app_private_key"])
        public_file = tmp_path / "alipay_public_key.pem"
        public_file.write_text(fields["alipay_public_key"])
        bad = run(env, "--user", "admin", "payment", "setup", "alipay", "--set", f"app_id={fields['app_id']}",
                  "--set", "app_private_key=MIIEv...", ok=False)
        assert bad.returncode != 0 and "--file app_private_key=PATH" in bad.stderr and "Traceback" not in bad.stderr
        args = ["--user", "admin", "payment", "setup", "alipay", "--set", f"app_id={fields['app_id']}",
                "--set", f"base_url={fields['base_url']}", "--file", f"app_private_key={key_file}",
                "--file", f"alipay_public_key={public_file}"]
        out = run(env, *args).stdout
        assert "app_private_key: ********" in out and "configured" in out and "PRIVATE" not in out
        shown = json.loads(run(env, "--json", "--user", "admin", "payment", "show", "alipay").stdout)
        assert shown["configured"] and shown["secrets_set"] == ["app_private_key"]
        assert shown["fields"]["alipay_public_key"] == "(PEM, set)"
        assert "accepted the app key" in run(env, "--user", "admin", "payment", "test", "alipay").stdout
        missing = run(env, "--user", "admin", "payment", "setup", "wechat", "--file", f"private_key={tmp_path}/none.pem",
                      ok=False)
        assert "Cannot read" in missing.stderr and "Traceback" not in missing.stderr
        assert "removed" in run(env, "--user", "admin", "payment", "remove", "alipay").stdout
        assert "not configured" in run(env, "--user", "admin", "payment", "show", "alipay").stdout
    finally:
        alipay.stop()
