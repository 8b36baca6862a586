"""Meter and delivery errors in the interface language.

The poller and the dispatcher store short English descriptions of what went wrong on a line (meter_state's
last error, a command's error: 'timeout: no reply from unit 5', 'meter unreachable: MeterTimeout', 'meter
purchase count 7, expected 4 or 5'): stable text for logs and support. A person reads them through
`error_words`, which recognises each known form and says it in the current language, keeping the figures
and the technical detail; a text it does not know is looked up as an 'errors' message, else shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "meter_errors"

# (pattern over the stored text, translatable template using the pattern's named groups)
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.DOTALL), t) for p, t in (
    (r"^timeout: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "No reply in time ({detail})")),
    (r"^crc: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "Damaged reply, CRC check failed ({detail})")),
    (r"^exception: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "The meter refused the request ({detail})")),
    (r"^unavailable: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "The line cannot be reached ({detail})")),
    (r"^frame: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "Unreadable reply ({detail})")),
    (r"^meter unreachable: ?(?P<detail>.*)$",
     QT_TRANSLATE_NOOP("meter_errors", "The meter does not answer ({detail}); the credit waits")),
    (r"^waiting for an earlier delivery to this meter$",
     QT_TRANSLATE_NOOP("meter_errors", "Waiting for an earlier delivery to this meter")),
    (r"^not sent by this process: ?(?P<detail>.*)$",
     QT_TRANSLATE_NOOP("meter_errors", "Not sent from this computer: {detail}")),
    (r"^no read-back \((?P<detail>[^)]*)\).*$",
     QT_TRANSLATE_NOOP("meter_errors", "Sent, but the meter could not be read back ({detail}); it is read first "
                                       "next time")),
    (r"^not applied after a resend.*$",
     QT_TRANSLATE_NOOP("meter_errors", "Not applied after a resend; tried again at the next run")),
    (r"^meter purchase count (?P<count>-?\d+), expected (?P<a>-?\d+) or (?P<b>-?\d+)$",
     QT_TRANSLATE_NOOP("meter_errors", "The meter's purchase count is {count}, {a} or {b} was expected: "
                                       "check the meter before anything is resent")),
    (r"^meter purchase count (?P<count>-?\d+) after sending (?P<sent>-?\d+)$",
     QT_TRANSLATE_NOOP("meter_errors", "The meter shows purchase count {count} after purchase {sent} was sent")),
    (r"^restored database: .*purchase count (?P<count>-?\d+) where this delivery expects (?P<a>-?\d+).*$",
     QT_TRANSLATE_NOOP("meter_errors", "Restored database: the meter shows purchase count {count} where this "
                                       "delivery expects {a}; it may have been delivered after the backup "
                                       "(check the meter)")),
    (r"^meter refused: taking (?P<fen>\d+) fen back.*$",
     QT_TRANSLATE_NOOP("meter_errors", "The meter refused: taking {yuan} yuan back would leave it below zero")),
    (r"^invalid request: ?(?P<detail>.*)$", QT_TRANSLATE_NOOP("meter_errors", "Invalid request: {detail}")),
    (r"^read-back differs: ?(?P<detail>.*)$",
     QT_TRANSLATE_NOOP("meter_errors", "The meter reads back other values: {detail}")),
    (r"^MAC (mismatch|does not match).*$",
     QT_TRANSLATE_NOOP("meter_errors", "The command's signature does not match: refused, nothing sent")),
    (r"^replayed row.*$",
     QT_TRANSLATE_NOOP("meter_errors", "An older copy of this command was put back: refused, nothing sent")),
))


def error_words(text: str | None) -> str:
    """A stored meter or delivery error as a person reads it, in the interface language ('' for none)."""
    if not text:
        return ""
    for pattern, template in PATTERNS:
        m = pattern.match(text.strip())
        if m is not None:
            values = {k: v for k, v in m.groupdict().items() if v is not None}
            if "fen" in values:
                fen = int(values["fen"])
                values["yuan"] = f"{fen // 100}.{fen % 100:02d}"
            return QCoreApplication.translate(CONTEXT, template).format(**values)
    return QCoreApplication.translate("errors", text)
