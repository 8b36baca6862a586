"""Every kind of operation-log row the services write has a readable, translated name (issue 13: rows read
'delivery.sending' in the zh_CN log); plain targets ('site') read as words."""

from __future__ import annotations

import re
from pathlib import Path

from acrel_console.ui.audit_kinds import KIND_LABELS, kind_label
from acrel_console.ui.audit_log_panel import target_text
from tests.ui.screens import language

PACKAGE = Path(__file__).resolve().parents[2] / "acrel_console"
LITERAL = re.compile(r'audit\.append\(\s*\w+,\s*[^,]+,\s*"([a-z_]+\.[a-z_.]+)"')
CONSTANT = re.compile(r'^(SENT_KIND|ALARM_AUDIT_KIND)\s*=\s*"([a-z_.]+)"', re.M)


def _written_kinds() -> set[str]:
    kinds: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        kinds |= set(LITERAL.findall(text)) | {k for _n, k in CONSTANT.findall(text)}
    return kinds


def test_every_logged_kind_has_a_name(qapp) -> None:  # type: ignore[no-untyped-def]
    kinds = _written_kinds()
    assert "delivery.sending" in kinds and len(kinds) > 40
    assert sorted(k for k in kinds if k not in KIND_LABELS) == []
    with language("zh_CN"):
        assert [k for k in kinds if kind_label(k).isascii()] == []
        assert target_text("site", {}) == "站点"
