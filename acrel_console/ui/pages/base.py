"""The page interface every main-window page follows (see ui/README.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from acrel_console.ui.context import UiContext


class Page(QWidget):
    """A main-window page. Subclasses set `page_id`, implement `title()` and load data in `activated()`.

    - `page_id`: stable identifier (used by tests and to remember the last page).
    - `title()`: translated navigation title; use self.tr() in the subclass.
    - `activated()`: called every time the page is shown; start service calls through self.ui.tasks there.
    - `deactivated()`: called when the user leaves the page; stop timers there.
    """

    page_id: str = ""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName(f"page_{self.page_id}")

    def title(self) -> str:
        raise NotImplementedError

    def activated(self) -> None:
        """The page became visible; refresh what it shows (default: nothing)."""

    def deactivated(self) -> None:
        """Another page was chosen; stop periodic work (default: nothing)."""


class PlaceholderPage(Page):
    """A page that a later issue fills: it says so plainly and shows no invented content.

    Subclasses implement `title()` and `explanation()` with self.tr().
    """

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(self.title())
        heading.setObjectName("placeholderHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(self.explanation())
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        note = QLabel(QCoreApplication.translate("PlaceholderPage", "This page is not built yet."))
        note.setObjectName("placeholderNote")
        for w in (heading, text, note):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(w)
        layout.addStretch(1)

    def explanation(self) -> str:
        raise NotImplementedError


class BrokenPage(Page):
    """Stands in for a page whose module failed to load; names the error instead of hiding it."""

    def __init__(self, ui: UiContext, page_id: str, error: str, parent: QWidget | None = None) -> None:
        self.page_id = page_id
        super().__init__(ui, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        text = QLabel(QCoreApplication.translate("BrokenPage", "This page could not be loaded: {error}").format(
            error=error))
        text.setWordWrap(True)
        text.setObjectName("brokenText")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        layout.addStretch(1)

    def title(self) -> str:
        return self.page_id
