"""权限管理 in the GUI (issue 14): built-in roles shown read-only, copy one, tick its permission tree, save,
assign it to a new operator from the Operators tab; the service checks and logs each step. Screenshots in
zh_CN and en."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from acrel_console.domain.roles import ROLE_PERMISSIONS, Permission, Role
from acrel_console.ui.operator_dialogs import AddOperatorDialog
from acrel_console.ui.pages.operators_page import OperatorsPage
from acrel_console.ui.roles_panel import RoleNameDialog
from tests.ui.conftest import settle, type_text
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot, shown_page


def _page(qtbot, ui) -> OperatorsPage:  # type: ignore[no-untyped-def]
    page = shown_page(qtbot, ui, OperatorsPage, (1100, 640))
    page.tabs.setCurrentWidget(page.roles)
    return page


def _tick(panel, permission: Permission, on: bool) -> None:  # type: ignore[no-untyped-def]
    panel._items[permission].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_copy_tick_save_and_assign_a_role(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    panel = page.roles
    assert [panel.list.item(i).text() for i in range(3)] == ["Administrator (built-in)", "Operator (built-in)",
                                                             "Cashier (built-in)"]
    panel.select_role("cashier")
    assert panel.ticked() == ROLE_PERMISSIONS[Role.CASHIER]
    assert not panel._items[Permission.SELL].flags() & Qt.ItemFlag.ItemIsEnabled  # read-only
    assert not panel.save_button.isEnabled() and not panel.delete_button.isEnabled()
    panel.copy_selected()
    dialog = panel.dialog
    assert isinstance(dialog, RoleNameDialog) and dialog.name.text() == "Copy of Cashier"
    type_text(qtbot, dialog.name, "cashier")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)
    assert dialog.isVisible() and "built-in role" in dialog.general_error.text() + dialog._errors["name"].text()
    type_text(qtbot, dialog.name, "Night cashier")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)
    chosen = panel.selected()
    assert chosen is not None and chosen.name == "Night cashier" and not chosen.builtin
    assert panel._items[Permission.SELL].flags() & Qt.ItemFlag.ItemIsEnabled
    _tick(panel, Permission.APPROVE_REVERSAL, True)
    _tick(panel, Permission.SELL, False)
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    settle(ui)
    [info] = [r for r in services.roles.list_roles(admin) if r.name == "Night cashier"]
    assert info.permissions == {Permission.VIEW, Permission.APPROVE_REVERSAL}
    assert [e.kind for e in services.audit.list(admin) if e.kind.startswith("role.")] == ["role.permissions",
                                                                                           "role.copy"]
    # assign it to a new operator on the Operators tab
    page.tabs.setCurrentWidget(page.operators)
    settle(ui)
    page.operators.add_button.click()
    add = page.operators.dialog
    assert isinstance(add, AddOperatorDialog)
    add.role.setCurrentIndex(add.role.findData(info.key))
    type_text(qtbot, add.name, "night1")
    type_text(qtbot, add.password, "night-pass")
    type_text(qtbot, add.again, "night-pass")
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)
    assert services.operators.login("night1", "night-pass").permissions == info.permissions
    row = [o.name for o in page.operators.model.records()].index("night1")
    assert page.operators.model.data(page.operators.model.index(row, 2)) == "Night cashier"
    for code in LANGUAGES:
        with language(code):
            shown = _page(qtbot, ui)
            shown.roles.select_role(info.key)
            tree = shown.roles.tree
            texts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] + \
                [item.text(0) for item in shown.roles._items.values()] + [shown.roles.note.text()]
            assert missing_glyphs(tree, texts) == []
            if code == "zh_CN":
                assert shown.tabs.tabText(1) == "权限管理" and "售电员（内置）" in [
                    shown.roles.list.item(i).text() for i in range(shown.roles.list.count())]
            shot(shown, f"roles-editor-{code}", tmp_path)
            shown.close()
