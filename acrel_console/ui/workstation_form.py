"""This workstation's preferences: interface language and status palette (stored with QSettings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acrel_console.i18n import LANGUAGES, system_language
from acrel_console.ui.context import UiContext
from acrel_console.ui.theme import palette_label, palette_names, set_palette, theme


class WorkstationForm(QWidget):
    """The palette applies at once. A new language applies at the next start, or at once with "Apply now",
    which rebuilds the main window in that language (pages reload; dialogs in progress are closed)."""

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
        self.apply_language_button = QPushButton(self.tr("Apply now"))
        self.apply_language_button.clicked.connect(self._apply_language)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.language_note, 1)
        note_row.addWidget(self.apply_language_button)
        self.note_box = QWidget()
        self.note_box.setLayout(note_row)
        self.note_box.setVisible(False)
        self.palette = QComboBox()
        self.palette.setObjectName("paletteCombo")
        for name in palette_names():
            self.palette.addItem(palette_label(name), name)
        self.palette.setCurrentIndex(max(0, self.palette.findData(theme().palette)))
        self.legend = QHBoxLayout()
        self._legend_widgets: list[QWidget] = []
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.note_box)
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
        self.note_box.setVisible(True)

    def _apply_language(self) -> None:
        self.ui.events.language_chosen.emit(self.ui.prefs.language or system_language())

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
