"""zh_CN is complete (every string of the package has a translation) and the shipped .qm is used."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from acrel_console import i18n

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert i18n.install_translator("zh_CN"), "resources/translations/acrel_zh_CN.qm is missing: run scripts/build_translations.py"
    yield
    i18n.install_translator("en")


def test_every_zh_cn_string_is_translated() -> None:
    """Extracts the strings afresh with pyside6-lupdate; add missing ones to your area's glossary .tsv."""
    missing = _script().unfinished_zh_cn()
    listing = "\n".join(str(m) for m in missing)
    assert not missing, f"{len(missing)} zh_CN string(s) without a translation:\n{listing}"


def test_lupdate_sees_qt_translate_noop_in_domain_and_services() -> None:
    import xml.etree.ElementTree as ET

    ts = ET.parse(ROOT / "resources" / "translations" / "acrel_zh_CN.ts")
    keys = {(c.findtext("name"), m.findtext("source")) for c in ts.getroot().iter("context") for m in c.iter("message")}
    assert ("status", "Offline") in keys  # domain/status.py
    assert ("errors", "Wrong operator name or password.") in keys  # services/operators.py
    assert ("settings", "Alarm 1 amount (yuan)") in keys  # services/site_settings.py
    assert ("MainWindow", "Operator: {name} ({role})") in keys  # self.tr in ui/


def test_glossary_placeholders_match_their_source() -> None:
    import re

    for (context, source), text in _script().load_glossary().items():
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), (context, source)


def test_shipped_qm_translates_core_and_ui_strings(zh_cn) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("status", "Offline") == "失联"
    assert QCoreApplication.translate("roles", "Cashier") == "售电员"
    assert QCoreApplication.translate("SettingsPage", "Settings") == "系统设置"


def test_window_and_messages_in_chinese(qtbot, ui, zh_cn) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.messages import error_message

    window = MainWindow(ui)
    qtbot.addWidget(window)
    from acrel_console.ui.pages.base import PlaceholderPage

    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[-2:] == ["系统设置", "操作员与日志"]
    placeholders = [p.title() for p in window.pages if isinstance(p, PlaceholderPage)]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in placeholders), placeholders
    assert window.operator_label.text() == "操作员：admin（管理员）"
    err = ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="name", label="Gateway name")
    assert error_message(err) == "网关编号为必填项。"


def test_tr_helpers_with_a_context_argument_are_understood() -> None:
    """lupdate reads tr("ctx", "text") outside a class as source "ctx", comment "text", empty context."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(
        "<TS><context><name></name>"
        "<message><location filename='a.py' line='3'/><source>export</source><comment>yes</comment>"
        "<translation type='unfinished'/></message>"
        "<message><source>reports</source><translation type='unfinished'/></message>"
        "<message><source>Yes</source><translation type='unfinished'/></message>"
        "</context><context><name>export</name><message><source>Total</source><translation/></message></context>"
        "<context><name>reports</name><message><source>Room</source><translation/></message></context></TS>")
    _script().resolve_context_calls(root)
    found = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    # tr("export", "yes") moved; tr("reports", variable) dropped; a module-level tr("Yes") stays to be reported
    assert found == {("export", "Total"), ("export", "yes"), ("reports", "Room"), ("", "Yes")}

