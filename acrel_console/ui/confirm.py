"""Non-blocking confirmation: a window-modal question that calls back on Yes (no nested event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Show a Yes/No question; call on_yes if the user confirms. Returns the box (tests click it)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(QCoreApplication.translate("confirm", "Yes"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("confirm", "No"), QMessageBox.ButtonRole.NoRole)
    box.setObjectName("confirmBox")

    def finished() -> None:
        if box.clickedButton() is yes:
            on_yes()
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str, error: bool = False) -> QMessageBox:
    """Show a message without blocking."""
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("confirm", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setObjectName("informBox")
    box.finished.connect(box.deleteLater)
    box.open()
    return box
