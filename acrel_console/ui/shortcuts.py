"""Keyboard shortcuts as QActions, so that every one of them is listed in a menu.

A page declares its keys with `page_action(page, text, keys, slot)`: the shortcut works while the focus is
inside the page (another page may use the same key), and the main window lists the current page's actions
in a menu named after the page, with their keys. Navigation keys (F2 for 售电 …) live in the Go menu.
`menu_text` is how a key is shown (native text: Ctrl+F, F5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def page_action(page: QWidget, text: str, keys: str | Sequence[str], slot: Callable[[], object]) -> QAction:
    """A page's keyboard action: active while the focus is in the page, listed in the page's menu."""
    action = QAction(text, page)
    sequences = [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
    action.setShortcuts(sequences)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action


def keyed_actions(widget: QWidget) -> list[QAction]:
    """The widget's own actions that carry a shortcut, in the order they were added."""
    return [a for a in widget.actions() if not a.shortcut().isEmpty()]


def menu_text(action: QAction) -> str:
    """'Sell (Ctrl+1)': the action's text with its keys, as shown in help texts."""
    keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
    return f"{action.text()} ({keys})" if keys else action.text()
