"""A table with Add / Edit / Delete / Refresh / Export buttons over one kind of site record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.list_export import ListExport, shown_records
from acrel_console.ui.record_model import Column, RecordTableModel
from acrel_console.ui.screen_table import ScreenColumn, filter_text, filters_of, table_model
from acrel_console.ui.tasks import TaskFailure


class CrudTable(QWidget):
    """Shows records the owner loads (`reload()` asks it to); opens dialogs for add/edit; deletes after asking."""

    changed = Signal()  # something was added, edited or deleted

    def __init__(self, ui: UiContext, columns: Sequence[Column] | Sequence[ScreenColumn], reload: Callable[[], None],
                 make_dialog: Callable[[Any | None], QDialog], delete: Callable[[Any], None],
                 describe: Callable[[Any], str], can_edit: bool, parent: QWidget | None = None, *,
                 sheet_title: Callable[[], str] | None = None) -> None:
        """Columns given as ScreenColumns (and a `sheet_title`) give the table an Export of the rows shown."""
        super().__init__(parent)
        self.ui = ui
        self._reload, self._make_dialog, self._delete, self._describe = reload, make_dialog, delete, describe
        self.dialog: QDialog | None = None  # the last dialog opened (tests drive it)
        screen = [c for c in columns if isinstance(c, ScreenColumn)]
        self.model = (table_model(screen, lambda at: ui.clock.text(at), self) if screen
                      else RecordTableModel(columns, self))  # type: ignore[arg-type]
        self.proxy = QSortFilterProxyModel(self)  # search box and sorting by a header click
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until a click
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setObjectName("tableSearch")
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        bar.addWidget(self.search)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.export: ListExport | None = None
        if screen and sheet_title is not None:
            self.export = ListExport(self, ui, sheet_title, sheet_title, lambda: screen, self.shown_records,
                                     filters=self._filters)
            bar.addWidget(self.export.button)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.view)
        self._can_edit = can_edit
        self.add_button.setEnabled(can_edit)
        for b in (self.add_button, self.edit_button, self.delete_button):
            if not can_edit:
                b.setToolTip(self.tr("Your role may not change the site configuration."))
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self._can_edit and self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def refresh(self) -> None:
        self._reload()

    def set_records(self, records: list[Any]) -> None:
        show_error(self.error, "")
        self.model.set_records(records)
        self._count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def shown_records(self) -> list[Any]:
        """The records on screen: after the search box, in the order of the clicked header."""
        return shown_records(self.proxy, self.model)

    def _filters(self) -> tuple[tuple[str, str], ...]:
        return filters_of(filter_text(self.tr("Search"), self.search.text().strip()))

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("Rows: {n}").format(n=total) if shown == total else
                                 self.tr("Rows: {shown} of {n}").format(shown=shown, n=total))

    def show_failure(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and self._can_edit:
            self._open(record)

    def _open(self, record: Any | None) -> None:
        dialog = self._make_dialog(record)
        self.dialog = dialog
        dialog.accepted.connect(self._after_change)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete_selected(self) -> None:
        from acrel_console.ui.confirm import ask

        record = self.selected()
        if record is None:
            return
        ask(self, self.tr("Delete"), self.tr("Delete {name}?").format(name=self._describe(record)),
            lambda: self.ui.tasks.run(lambda: self._delete(record), lambda _r: self._after_change(),
                                      self.show_failure, owner=self))

    def _after_change(self) -> None:
        self.changed.emit()
