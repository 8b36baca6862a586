"""This workstation's preferences: interface language and status palette (stored with QSettings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from acrel_console.i18n import LANGUAGES
from acrel_console.ui.context import UiContext
from acrel_console.ui.theme import palette_label, palette_names, set_palette, theme


class WorkstationForm(QWidget):
    """Language applies at the next start (the whole UI is built once in one language); the palette at once."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Follow the system"), "")
        names = {"zh_CN": "简体中文", "en": "English"}
        for code in LANGUAGES:
            self.language.addItem(names.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(ui.prefs.language)))
        self.language_note = QLabel(self.tr("The new language applies the next time the console starts."))
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.palette = QComboBox()
        self.palette.setObjectName("paletteCombo")
        for name in palette_names():
            self.palette.addItem(palette_label(name), name)
        self.palette.setCurrentIndex(max(0, self.palette.findData(theme().palette)))
        self.legend = QHBoxLayout()
        self._legend_widgets: list[QWidget] = []
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Status colours"), self.palette)
        legend_box = QWidget()
        legend_box.setLayout(self.legend)
        form.addRow(self.tr("Legend"), legend_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self._fill_legend()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.palette.currentIndexChanged.connect(self._palette_chosen)

    def _language_chosen(self) -> None:
        self.ui.prefs.language = self.language.currentData()
        self.language_note.setVisible(True)

    def _palette_chosen(self) -> None:
        name = self.palette.currentData()
        self.ui.prefs.palette = name
        set_palette(name)
        self._fill_legend()
        self.ui.events.palette_changed.emit(name)

    def _fill_legend(self) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self._legend_widgets = []
        for style in theme().styles():
            chip = QLabel()
            chip.setPixmap(style.icon(18).pixmap(18, 18))
            text = QLabel(style.label())
            text.setAlignment(Qt.AlignmentFlag.AlignVCenter)
            for w in (chip, text):
                self.legend.addWidget(w)
                self._legend_widgets.append(w)
        self.legend.addStretch(1)
