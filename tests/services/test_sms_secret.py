"""The SMS gateway's credential lives beside the site key, never in the database or the operation log
(issue 11): set through Settings it goes to the owner-only secrets file and reads back masked, a template
carrying it literally is refused, one an older version stored is moved out at the service's start, and an
auditor reading settings or the log never sees it."""

from __future__ import annotations

import stat

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import ValidationError
from acrel_console.services import audit, sms_secrets
from acrel_console.services.site_secrets import SECRETS_FILE, secrets_dir
from acrel_console.services.site_settings import load_all
from acrel_console.services.sms_setup import sender_from
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import SiteSettingRow
from tests.services.helpers import make_services

KEY = "Zq81-SECRET-api-key"
URL = "https://sms.example.com/send?to={phone}&msg={text}&apikey={key}"


def _everything_in_the_database(svc) -> str:  # type: ignore[no-untyped-def]
    with svc.ctx.read() as s:
        rows = [f"{r.key}={r.value}" for r in s.execute(select(SiteSettingRow)).scalars()]
        rows += [f"{r.before_json} {r.after_json} {r.reason} {r.target}" for r in s.execute(select(AuditRow)).scalars()]
    return "\n".join(rows)


def test_the_key_set_in_settings_never_reaches_the_database(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.operators.add(admin, "audit1", "auditor", "audit-secret1")
    auditor = svc.operators.login("audit1", "audit-secret1")
    after = svc.settings.update(admin, {"sms_driver": "http", "sms_gateway_url": URL, "sms_gateway_key": KEY})
    assert after["sms_gateway_key"] == sms_secrets.MASK
    assert KEY not in _everything_in_the_database(svc)
    secrets = secrets_dir() / SECRETS_FILE
    assert KEY in secrets.read_text() and stat.S_IMODE(secrets.stat().st_mode) == 0o600
    shown = svc.settings.get_all(auditor)
    assert shown["sms_gateway_key"] == sms_secrets.MASK and KEY not in str(shown)
    assert all(KEY not in e.after + e.before for e in svc.audit.list(auditor))
    # leaving the mask as it is keeps the key; the sender fills {key} in
    svc.settings.update(admin, {"sms_gateway_key": sms_secrets.MASK, "sms_gateway_success": "OK"})
    with svc.ctx.read() as s:
        sender = sender_from(load_all(s))
    assert sender is not None
    request = sender.build_request("13800000000", "hi")  # type: ignore[attr-defined]
    assert f"apikey={KEY}" in request.full_url
    assert KEY not in repr(sender.config)  # type: ignore[attr-defined]
    svc.close()


@pytest.mark.parametrize("url, body", [
    ("https://sms.example.com/send?to={phone}&msg={text}&apikey=Zq81SECRET", ""),
    ("https://user:Zq81SECRET@sms.example.com/send?to={phone}&msg={text}", ""),
    ("https://sms.example.com/send", "to={phone}&msg={text}&password=Zq81SECRET"),
    ("https://sms.example.com/send", '{"to": "{phone}", "token": "Zq81SECRET", "text": "{text}"}'),
])
def test_a_template_carrying_a_credential_is_refused(sqlite_url: str, url: str, body: str) -> None:
    svc, admin = make_services(sqlite_url)
    with pytest.raises(ValidationError, match="carries a credential") as e:
        svc.settings.update(admin, {"sms_driver": "http", "sms_gateway_url": url, "sms_gateway_body": body,
                                    "sms_gateway_method": "POST" if body else "GET"})
    assert e.value.field in sms_secrets.TEMPLATE_KEYS
    assert "Zq81SECRET" not in _everything_in_the_database(svc)
    svc.close()


def test_key_placeholder_needs_a_key(sqlite_url: str) -> None:
    svc, admin = make_services(sqlite_url)
    with pytest.raises(ValidationError, match="no SMS gateway key"):
        svc.settings.update(admin, {"sms_driver": "http", "sms_gateway_url": URL})
    svc.close()


def test_a_key_stored_by_an_older_version_moves_out_at_the_service_start(db_url: str) -> None:
    from acrel_console.runtime import SiteRuntime
    from acrel_console.services.base import Actor

    svc, admin = make_services(db_url)
    old_url = "https://sms.example.com/send?to={phone}&msg={text}&apikey=" + KEY
    with svc.ctx.transaction() as s:  # what the previous release wrote: the URL and its log row, in clear
        s.add(SiteSettingRow(key="sms_driver", value="http"))
        s.add(SiteSettingRow(key="sms_gateway_url", value=old_url))
        audit.append(s, Actor(admin.id, admin.name, admin.role), "settings.update", "site",
                     before={"sms_gateway_url": ""}, after={"sms_gateway_url": old_url}, at=svc.ctx.clock())
    runtime = SiteRuntime(svc, maintenance=False)
    assert runtime.start()
    runtime.stop()
    with svc.ctx.read() as s:
        assert s.get(SiteSettingRow, "sms_gateway_url").value == URL  # type: ignore[union-attr]
        assert load_all(s)["sms_gateway_key"] == KEY
    svc.operators.add(admin, "audit1", "auditor", "audit-secret1")
    auditor = svc.operators.login("audit1", "audit-secret1")
    entries = svc.audit.list(auditor)
    assert any(e.kind == "settings.secret_moved" for e in entries)
    assert all(KEY not in e.after + e.before for e in entries)  # the old row is shown masked
    assert svc.audit.verify(admin).ok  # and stays chained as it was
    assert KEY not in str(svc.settings.get_all(auditor))
    svc.close()


def test_masking_and_extraction() -> None:
    text = "https://u:pw1@h/x?apikey=abc&to={phone}&sign=s1&msg={text}&key={key}"
    assert sms_secrets.mask_credentials(text) == "https://u:***@h/x?apikey=***&to={phone}&sign=***&msg={text}&key={key}"
    assert sms_secrets.find_credential("https://h/x?to={phone}&msg={text}&apikey={key}") is None
    new, values = sms_secrets.extract("https://h/x?to={phone}&apikey=abc")
    assert (new, values) == ("https://h/x?to={phone}&apikey={key}", ["abc"])
