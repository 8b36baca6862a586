"""Every visible text of the foundation's widgets goes through tr(): under a pseudo translator it is bracketed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QMainWindow, QTabWidget,
                               QWidget)

from tests.ui.conftest import settle

WORDS = re.compile(r"[A-Za-z]{2,}")


class Pseudo(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]  # noqa: ANN001
        return f"[{source}]" if source else source

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


@pytest.fixture
def pseudo(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of labels, buttons, group titles, tab titles and column headers under root."""
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel) and not w.pixmap().isNull():
            continue
        if isinstance(w, QLabel):
            yield f"QLabel {w.objectName()}", w.text()
        elif isinstance(w, QAbstractButton):
            yield f"button {w.objectName()}", w.text()
        elif isinstance(w, QGroupBox):
            yield "group", w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield "tab", w.tabText(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model (QListWidget): one column, no header of its own
                columns = 0
            for c in range(columns):
                yield "header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        if isinstance(w, QMainWindow) or w.isWindow():
            yield "window title", w.windowTitle()


def untranslated(root: QWidget, data: set[str]) -> list[str]:
    bad = []
    for where, text in visible_texts(root):
        text = text.replace("&", "")
        if not text or not WORDS.search(text) or text in data:
            continue
        if not (text.startswith("[") or text.startswith("&[")):
            bad.append(f"{where}: {text!r}")
    return bad


def test_foundation_widgets_translate_every_text(qtbot, ui, services, admin, pseudo) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.first_admin_dialog import FirstAdminDialog
    from acrel_console.ui.login_dialog import LoginDialog
    from acrel_console.ui.operator_dialogs import AddOperatorDialog, ChangeOwnPasswordDialog
    from acrel_console.ui.pages.operators_page import OperatorsPage
    from acrel_console.ui.pages.settings_page import SettingsPage

    services.site.add_building(admin, "Main")
    services.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    data = {"Main", "GW1", "admin", "Modbus", "Acrel Console"}
    settings, operators = SettingsPage(ui), OperatorsPage(ui)
    widgets: list[QWidget] = [settings, operators, FirstAdminDialog(services, ui.tasks),
                              LoginDialog(services, ui.tasks, name="admin"), AddOperatorDialog(ui),
                              ChangeOwnPasswordDialog(ui)]
    for w in widgets:
        qtbot.addWidget(w)
        w.show()
    settings.activated()
    operators.activated()
    settle(ui)
    for table in (settings.buildings, settings.gateways, settings.meters):
        table.add()
        widgets.append(table.dialog)
    bad = [f"{type(w).__name__}: {item}" for w in widgets for item in untranslated(w, data)]
    assert not bad, "texts that bypass tr():\n" + "\n".join(bad)
