"""Qt's own words that Qt's zh_CN translation (qtbase_zh_CN.qm of Qt 6.11) lacks, translated with ours.

Qt 6 added mnemonics to the file dialog's labels ('&Look in:', 'Files of &type:') and its file type words carry
a disambiguation; the shipped Chinese file still has the old texts, so a Chinese file dialog read English.
Marked here so that lupdate puts them in acrel_zh_CN.ts under Qt's own contexts; our translator then
answers Qt's lookups (zh_CN entries in resources/translations/glossary/counter.tsv). Nothing imports this.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),  # Qt asks with a comment; a plain entry answers it
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Page &Set:"),
)
