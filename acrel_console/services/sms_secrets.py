"""The SMS gateway's credential (API key, password, signing secret): kept beside the site key
(services.site_secrets), never in the database or the operation log; the URL and body templates carry
{key} where it goes. Finds a credential typed into a template, moves one an older version stored in the
database out of it, and masks credentials wherever settings or old log rows are shown."""

from __future__ import annotations

import re
from typing import Any

from acrel_console.services import site_secrets

SECRET_NAME = "sms_gateway_key"
MASK = "********"
TEMPLATE_KEYS = ("sms_gateway_url", "sms_gateway_body")
# name=value / "name": "value" where the name says credential, and http://user:password@host
_NAMED = re.compile(r"(?i)(?P<name>[A-Za-z0-9_\-]*(?:key|token|secret|passw(?:or)?d|pwd|sign|signature)"
                    r"[\"']?)(?P<sep>\s*[=:]\s*[\"']?)(?P<value>[^&\"'{}\s,;]+)")
_USERINFO = re.compile(r"(?P<name>https?://[^:/@\s]+)(?P<sep>:)(?P<value>[^@/\s{}]+)(?=@)")


def _matches(text: str) -> list[re.Match[str]]:
    return [m for rx in (_USERINFO, _NAMED) for m in rx.finditer(text or "")]


def find_credential(text: str) -> str | None:
    """The name of the first credential written literally in a template (None when there is none)."""
    found = _matches(text)
    return found[0].group("name").strip("\"'") if found else None


def mask_credentials(text: str) -> str:
    """`text` with every literal credential value replaced by a mask (for settings, logs and old rows)."""
    if not text:
        return text
    for rx in (_USERINFO, _NAMED):
        text = rx.sub(lambda m: m.group("name") + m.group("sep") + "***", text)
    return text


def extract(text: str) -> tuple[str, list[str]]:
    """`text` with its literal credentials replaced by {key}, and the values taken out."""
    values: list[str] = []

    def take(m: re.Match[str]) -> str:
        values.append(m.group("value"))
        return m.group("name") + m.group("sep") + "{key}"

    for rx in (_USERINFO, _NAMED):
        text = rx.sub(take, text)
    return text, values


def gateway_key() -> str:
    """The SMS gateway's credential on this computer ('' when none is set)."""
    return site_secrets.secret(SECRET_NAME)


def move_out_of_database(ctx: Any) -> list[str]:
    """Upgrade step for the process that sends texts: a credential an older version kept in the URL/body
    settings goes beside the site key and {key} takes its place; logged (without the value). Returns the
    settings rewritten (empty when there was nothing to move, or two different credentials were found)."""
    from acrel_console.services import audit
    from acrel_console.services.base import Actor
    from acrel_console.storage.tables.site import SiteSettingRow

    with ctx.transaction() as s:
        rows = {k: s.get(SiteSettingRow, k) for k in TEMPLATE_KEYS}
        rewritten: dict[str, str] = {}
        values: set[str] = set()
        for key, row in rows.items():
            if row is None or not row.value:
                continue
            text, found = extract(row.value)
            if found:
                rewritten[key] = text
                values.update(found)
        stored = gateway_key()
        if not values or len(values) > 1 or (stored and stored not in values):
            return []  # nothing to move, or not one credential: Settings refuses the template until fixed
        for key, text in rewritten.items():
            row = rows[key]
            assert row is not None
            row.value = text
        audit.append(s, Actor.system(), "settings.secret_moved", SECRET_NAME,
                     after={"settings": sorted(rewritten), "to": "secrets beside the site key"},
                     reason="the SMS gateway credential left the database", at=ctx.clock())
        site_secrets.store_secret(SECRET_NAME, values.pop())
        return sorted(rewritten)
