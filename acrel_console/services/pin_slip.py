"""The tenant's PIN slip (用户查询密码单): its words and lines, one source for the CLI's text and the counter's print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.services.tenant_access import PinSlip

SLIP_WORDS = {
    "title": QT_TRANSLATE_NOOP("slip", "Tenant service: your sign-in"),
    "account_no": QT_TRANSLATE_NOOP("slip", "Account no."),
    "name": QT_TRANSLATE_NOOP("slip", "Name"),
    "room": QT_TRANSLATE_NOOP("slip", "Room"),
    "pin": QT_TRANSLATE_NOOP("slip", "PIN"),
    "set": QT_TRANSLATE_NOOP("slip", "Set at"),
    "by": QT_TRANSLATE_NOOP("slip", "Operator"),
    "change": QT_TRANSLATE_NOOP("slip", "Please change the PIN after your first sign-in. Keep this slip private."),
}

Translate = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class PinSlipLines:
    """The slip as site name, title, label/value rows and the closing advice (translated)."""

    site_name: str
    title: str
    rows: tuple[tuple[str, str], ...]
    footer: str


def pin_slip_lines(slip: PinSlip, zone: str, translate: Translate) -> PinSlipLines:
    """The slip's lines in the language of `translate` (times in the site's zone)."""
    w = {k: translate("slip", v) for k, v in SLIP_WORDS.items()}
    at = slip.set_at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    rows = ((w["account_no"], slip.account_no), (w["name"], slip.tenant_name), (w["room"], slip.room),
            (w["pin"], slip.pin), (w["set"], at), (w["by"], slip.set_by))
    return PinSlipLines(slip.site_name, w["title"], rows, w["change"])


def pin_slip_text(slip: PinSlip, zone: str, translate: Translate) -> str:
    """The slip as plain text lines (the command line's output)."""
    lines = pin_slip_lines(slip, zone, translate)
    return "\n".join([lines.site_name, lines.title, "-" * 32, *(f"{k}: {v}" for k, v in lines.rows), "-" * 32,
                      lines.footer])
