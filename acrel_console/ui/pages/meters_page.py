"""Meters page (电表监控 / 电表批量操作): live colour-coded grid or table of every meter, legend with counts,
search, building/gateway tree and Acrel's filter boxes, detail panel, and the remote-control toolbar.

Live updates: the app hands the page its poller with `attach_poller(poller)` (or, when UiContext has a
`poller` attribute, the page attaches itself). Each SweepResult reaches `apply_sweep` on the GUI thread
through a queued signal (ui.meters.poller_bridge) and updates exactly the rows it changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListView, QMenu, QSplitter, QStackedWidget, QTableView, QToolBar, QToolButton,
                               QVBoxLayout, QWidget)

from acrel_console.domain.roles import Permission
from acrel_console.services.meter_views import MeterDetail, MeterLive, MeterViewService
from acrel_console.ui.confirm import inform
from acrel_console.ui.context import UiContext
from acrel_console.ui.meters import formatting as fmt
from acrel_console.ui.meters.batch_dialog import BatchDialog
from acrel_console.ui.meters.control_actions import ACTIONS, ControlAction
from acrel_console.ui.meters.control_dialog import ControlDialog
from acrel_console.ui.meters.bus_health_panel import BusHealthPanel
from acrel_console.ui.meters.detail_panel import DetailPanel
from acrel_console.ui.meters.filter_boxes import FilterBoxes
from acrel_console.ui.meters.filter_proxy import MeterFilterProxy
from acrel_console.ui.meters.legend import Legend, MarkerKey, StatusCounts
from acrel_console.ui.meters.live_model import METER_ROLE, MeterLiveModel
from acrel_console.ui.meters.meter_filter import MeterFilter, search_key
from acrel_console.ui.meters.poller_bridge import PollerBridge, SweepSource
from acrel_console.ui.meters.site_tree import SiteTree
from acrel_console.ui.meters.tile_delegate import TileDelegate
from acrel_console.services.export import ExportCancelled, ExportResult
from acrel_console.ui.export_runner import ExportRunner
from acrel_console.ui.meters.readings_export import filter_lines, readings_sheet
from acrel_console.ui.pages.base import Page
from acrel_console.ui.screen_table import run_export
from acrel_console.ui.shortcuts import page_action
from acrel_console.ui.tasks import TaskFailure, failure_text

GRID, TABLE = 0, 1
# Without a poller in this process (a workstation of a site, design §2) the page re-reads the live values
# this often while it is visible, and applies them incrementally like a sweep.
DB_REFRESH_MS = 20_000
# While a meter shows a pending command (the hourglass), its row is re-read this often: a command that ends
# without changing any reading never reaches the page through a sweep, and the hourglass stayed for good.
PENDING_REFRESH_MS = 2_000


def meter_service(ui: UiContext) -> MeterViewService:
    """The app's MeterViewService (Services.meters), or one over the same context."""
    svc = getattr(ui.services, "meters", None)
    return svc if svc is not None else MeterViewService(ui.services.ctx)


def control_service(ui: UiContext) -> Any:
    """The app's RemoteControlService (Services.control), or one over the same context."""
    svc = getattr(ui.services, "control", None)
    if svc is None:
        from acrel_console.services.remote_control import RemoteControlService

        svc = RemoteControlService(ui.services.ctx)
    return svc


class MetersPage(Page):
    page_id = "meters"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.meters_service = meter_service(ui)
        self.control = control_service(ui)
        self.model = MeterLiveModel(self)
        self.proxy = MeterFilterProxy(self.model, self)
        self.counts = StatusCounts()
        self.bridge = PollerBridge(self)
        self.bridge.sweep_received.connect(self.apply_sweep)
        self._poller: SweepSource | None = None
        self._loaded = False
        self._loading = False
        self._columns_sized = False  # the table fits its columns when it first shows meters
        self._detail_pending: int | None = None
        self.health: dict[int, Any] = {}  # gateway id -> BusHealth (poller sweeps or bus_health.list)
        self._detail_busy = False
        self.last_update: datetime | None = None
        self.dialog: Any = None  # the last dialog opened (tests drive it)
        self.batch_dialogs: list[BatchDialog] = []
        self.exporter = ExportRunner(self)
        self.exporter.finished.connect(self._exported)
        self.last_export_result: ExportResult | None = None
        self.site_name = ""
        self._build()
        self._connect()
        self._set_controls_enabled()
        poller = getattr(ui, "poller", None)
        if poller is not None:
            self.attach_poller(poller)
        sweep_signal = getattr(ui.events, "sweep_completed", None)
        if sweep_signal is not None:
            sweep_signal.connect(self.apply_sweep)
        ui.events.site_changed.connect(self.reload)
        ui.events.palette_changed.connect(self._palette_changed)

    def title(self) -> str:
        return self.tr("Meters")

    # ---- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(4)
        # row 1: remote control in the Acrel order (a QToolBar: what does not fit goes to its » menu) and
        # search; row 2: the legend and the view switch
        bar = QHBoxLayout()
        bar.setSpacing(3)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("metersToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setFloatable(False)
        self.toolbar.setMovable(False)
        self.actions_by_key: dict[str, QAction] = {}
        self.action_buttons: dict[str, QToolButton] = {}
        for action in ACTIONS:
            qa = QAction(action.label(), self)
            qa.setObjectName(f"action_{action.key}")
            qa.setToolTip(action.tooltip())
            qa.triggered.connect(lambda _c=False, a=action: self.start_action(a))
            self.toolbar.addAction(qa)
            button = self.toolbar.widgetForAction(qa)
            assert isinstance(button, QToolButton)
            button.setObjectName(f"action_{action.key}")
            button.setAutoRaise(False)  # framed: these send commands, they should look like buttons
            self.actions_by_key[action.key] = qa
            self.action_buttons[action.key] = button
        bar.addWidget(self.toolbar)
        self.search = QLineEdit()
        self.search.setObjectName("metersSearch")
        self.search.setPlaceholderText(self.tr("Search room, meter no., address, tenant"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search.setMaximumWidth(320)
        bar.addWidget(self.search, 1)
        views = QHBoxLayout()  # beside the legend, so that the toolbar row keeps room for every action
        views.setSpacing(3)
        self.view_group = QButtonGroup(self)
        self.grid_button = QToolButton()
        self.grid_button.setObjectName("viewGrid")
        self.table_button = QToolButton()
        self.table_button.setObjectName("viewTable")
        for i, (b, text) in enumerate(((self.grid_button, self.tr("Tiles")), (self.table_button, self.tr("Table")))):
            b.setText(text)
            b.setCheckable(True)
            self.view_group.addButton(b, i)
            views.addWidget(b)
        self.grid_button.setChecked(True)
        self.compact_button = QToolButton()
        self.compact_button.setObjectName("viewCompact")
        self.compact_button.setText(self.tr("Compact"))
        self.compact_button.setToolTip(self.tr("Small tiles: room and remaining amount only, more meters per screen"))
        self.compact_button.setCheckable(True)
        self.compact_button.toggled.connect(self.set_compact)
        views.addWidget(self.compact_button)
        outer.addLayout(bar)
        self.legend = Legend()
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        legend_row.addLayout(views)
        outer.addLayout(legend_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("metersSplitter")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.tree = SiteTree()
        lv.addWidget(self.tree, 1)
        self.bus_panel = BusHealthPanel()
        lv.addWidget(self.bus_panel)
        self.filters = FilterBoxes()
        lv.addWidget(self.filters)
        self.marker_key = MarkerKey()
        lv.addWidget(self.marker_key)
        split.addWidget(left)

        center = QWidget()
        cv = QVBoxLayout(center)
        cv.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.grid = QListView()
        self.grid.setObjectName("metersGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setFlow(QListView.Flow.LeftToRight)
        self.grid.setWrapping(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setLayoutMode(QListView.LayoutMode.Batched)
        self.grid.setBatchSize(400)  # each layout step short: 20,000 tiles never stall the GUI (issue 15)
        self.grid.setSpacing(0)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setDragEnabled(False)
        self.delegate = TileDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(self.proxy)
        self.grid.setModelColumn(0)
        self.table = QTableView()
        self.table.setObjectName("metersTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionModel(self.grid.selectionModel())  # one selection for both views
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(0)  # the rows on screen only: 20,000 stay cheap
        self.table.setWordWrap(False)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        cv.addWidget(self.stack, 1)
        self.status_line = QLabel()
        self.status_line.setObjectName("metersStatusLine")
        cv.addWidget(self.status_line)
        split.addWidget(center)

        self.detail = DetailPanel()
        split.addWidget(self.detail)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        split.setSizes([210, 800, 290])
        split.setCollapsible(1, False)
        outer.addWidget(split, 1)
        self.db_timer = QTimer(self)
        self.db_timer.setInterval(DB_REFRESH_MS)
        self.db_timer.timeout.connect(self.refresh_live)
        self.pending_timer = QTimer(self)
        self.pending_timer.setInterval(PENDING_REFRESH_MS)
        self.pending_timer.timeout.connect(self.refresh_pending)
        self._pending_busy = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        page_action(self, self.tr("Find a meter"), QKeySequence(QKeySequence.StandardKey.Find).toString(),
                    self.search.setFocus)

    def _connect(self) -> None:
        self.legend.statuses_chosen.connect(lambda s: self.set_filter(self.proxy.meter_filter.with_(statuses=s)))
        self.tree.scope_chosen.connect(
            lambda b, g: self.set_filter(self.proxy.meter_filter.with_(building_id=b, gateway_id=g)))
        self.tree.scope_chosen.connect(lambda _b, _g: self._show_bus_health())
        self.filters.changed.connect(lambda v: self.set_filter(self.proxy.meter_filter.with_(**v)))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._search_now)
        self.view_group.idClicked.connect(self.set_view)
        for view in (self.grid, self.table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self.context_menu().popup(v.viewport().mapToGlobal(pos)))
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._update_status_line)
        self.proxy.rowsRemoved.connect(self._update_status_line)
        self.proxy.modelReset.connect(self._update_status_line)
        self.proxy.layoutChanged.connect(self._update_status_line)

    def _set_controls_enabled(self) -> None:
        can_control = self.ui.can(Permission.CONTROL_METERS)
        for action in ACTIONS:
            qa = self.actions_by_key[action.key]
            allowed = self.ui.can(action.permission)
            qa.setEnabled(allowed)
            if not allowed:
                qa.setToolTip(self.tr("Your role may not do this."))
        self.can_control = can_control

    # ---- loading and live updates ------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            settings, actor = getattr(self.ui.services, "settings", None), self.ui.actor
            if settings is not None:  # the site's name heads 抄表导出
                self.ui.tasks.run(lambda: str(settings.get_all(actor)["site_name"]),
                                  lambda name: setattr(self, "site_name", name), owner=self, quiet=True)
            self.reload()
        elif self._poller is None:
            self.refresh_live()
        if self._poller is None and self.isVisible():
            self.db_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._poller is None:
            self.db_timer.start()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.db_timer.stop()
        super().hideEvent(event)

    def refresh_live(self) -> None:
        """Re-read every meter's live values and apply only what changed (no reset unless meters went away)."""
        if self._loading or not self._loaded:
            return
        self.refresh_health()
        self._loading = True
        svc, actor = self.meters_service, self.ui.actor

        def done(meters: list[MeterLive]) -> None:
            self._loading = False
            if {m.meter_id for m in meters} >= {m.meter_id for m in self.model.meters()}:
                self.apply_meters(meters)
            else:  # a meter was retired or removed: rebuild
                self._loaded_meters(meters)

        self.ui.tasks.run(lambda: svc.list_live(actor), done, self._load_failed, owner=self, quiet=True)

    def refresh_pending(self, meter_ids: Sequence[int] | None = None) -> None:
        """Re-read the meters with a pending command (or `meter_ids`) and apply what changed; the timer stops
        once no meter shows one."""
        ids = list(meter_ids) if meter_ids is not None else [m.meter_id for m in self.model.meters()
                                                              if m.pending_commands]
        if not ids:
            self.pending_timer.stop()
            return
        if self._pending_busy:
            return
        self._pending_busy = True
        svc, actor = self.meters_service, self.ui.actor

        def done(meters: list[MeterLive]) -> None:
            self._pending_busy = False
            self.apply_meters(meters)

        def failed(_f: TaskFailure) -> None:
            self._pending_busy = False

        self.ui.tasks.run(lambda: svc.list_live(actor, ids), done, failed, owner=self, quiet=True)

    def _follow_pending(self) -> None:
        if not self.pending_timer.isActive() and any(m.pending_commands for m in self.model.meters()):
            self.pending_timer.start()

    def deactivated(self) -> None:
        """The operator left the page: no periodic re-reads meanwhile (sweeps still update the model)."""
        self.db_timer.stop()

    def reload(self) -> None:
        """Load every meter's live values (through tasks, off the GUI thread)."""
        if self._loading:
            return
        self._loading = True
        svc, actor = self.meters_service, self.ui.actor

        def load() -> tuple[list[MeterLive], list[str]]:
            meters = svc.list_live(actor)
            return meters, [search_key(m) for m in meters]  # on the worker, not the GUI thread

        self.ui.tasks.run(load, lambda loaded: self._loaded_meters(*loaded), self._load_failed, owner=self)

    def _loaded_meters(self, meters: list[MeterLive], keys: list[str] | None = None) -> None:
        self._loading = False
        self._loaded = True
        self.refresh_health()
        current = self.selected_ids()
        first = self.model.rowCount() == 0
        self.model.set_meters(meters, keys)
        column, order = self.proxy.sort_state
        if column >= 0:
            self.proxy.sort(column, order)
        self.tree.set_meters(meters)
        if first and meters:
            self._columns_sized = False
            self._size_columns()
        self._recount()
        self.last_update = self.ui.clock.now()
        self._update_status_line()
        self._follow_pending()
        if current:
            self.select_meters(current)

    def _load_failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self.status_line.setText(failure.message)

    def attach_poller(self, poller: SweepSource) -> None:
        """Follow a poller's sweeps (Poller.subscribe); results arrive queued on the GUI thread."""
        self._poller = poller
        self.db_timer.stop()
        self.bridge.attach(poller)
        unsubscribe = self.bridge.detach
        self.destroyed.connect(lambda *_: unsubscribe())

    def detach_poller(self) -> None:
        self.bridge.detach()
        self._poller = None
        if self.isVisible():
            self.db_timer.start()

    def apply_sweep(self, result: Any) -> None:
        """Apply one SweepResult (GUI thread): changed rows only; legend counts, detail and bus health follow."""
        health = getattr(result, "health", None)
        if health is not None:
            self.set_health({**self.health, health.gateway_id: health})
        self.apply_meters(getattr(result, "changed", ()) or ())

    # ---- bus health --------------------------------------------------------------------------
    def refresh_health(self) -> None:
        """Re-read every gateway's bus health (a workstation without the poller; after a reload)."""
        svc, actor = getattr(self.ui.services, "bus_health", None), self.ui.actor
        if svc is not None:
            self.ui.tasks.run(lambda: {h.gateway_id: h for h in svc.list(actor)}, self.set_health,
                              owner=self, quiet=True)

    def set_health(self, health: dict[int, Any]) -> None:
        self.health = health
        self.tree.set_health(health)
        self._show_bus_health()

    def _show_bus_health(self) -> None:
        self.bus_panel.show_health([self.health[g] for g in self.tree.gateways_in_scope() if g in self.health])

    def apply_meters(self, changed: Sequence[MeterLive]) -> None:
        if not changed:
            return
        changes = self.model.apply(changed)
        if not changes:
            return
        if any(c.old is None for c in changes):
            self.tree.set_meters(self.model.meters())
        if self.counts.update(changes, self.proxy.meter_filter):
            self.legend.set_counts(self.counts.counts)
        if any(c.new.pending_commands for c in changes):
            self._follow_pending()
        self.last_update = self.ui.clock.now()
        self._update_status_line()
        if self.detail.meter_id is not None:
            for c in changes:
                if c.new.meter_id == self.detail.meter_id:
                    self.detail.show_live(c.new)
                    self._load_detail(c.new.meter_id)
                    break

    # ---- filtering ---------------------------------------------------------------------------
    def set_filter(self, value: MeterFilter) -> None:
        if value == self.proxy.meter_filter:
            return
        status_only = value.with_(statuses=frozenset()) == self.proxy.meter_filter.with_(statuses=frozenset())
        self.proxy.set_filter(value)
        if not status_only:
            self._recount()
        if self.legend.chosen() != value.statuses:
            self.legend.set_chosen(value.statuses)
        self._update_status_line()

    def _search_now(self) -> None:
        self.set_filter(self.proxy.meter_filter.with_(text=self.search.text()))

    def _recount(self) -> None:
        m = self.model
        self.counts.recount(((m.meter_at(i), m.key_at(i)) for i in range(m.rowCount())), self.proxy.meter_filter)
        self.legend.set_counts(self.counts.counts)

    def _update_status_line(self, *_: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("Showing {shown} of {total} meters").format(shown=shown, total=total)
        selected = len(self.selected_ids())
        if selected:
            text += " · " + self.tr("{n} selected").format(n=selected)
        if self.last_update is not None:
            text += " · " + self.tr("updated {time}").format(time=self.ui.clock.local(self.last_update).strftime("%H:%M:%S"))
        self.status_line.setText(text)

    def _size_columns(self) -> None:
        """Fit the table's columns to the rows on screen, once, when the table first shows meters (sizing a
        hidden table of 20,000 rows read them all on the GUI thread)."""
        if not self._columns_sized and self.table.isVisible() and self.model.rowCount():
            self._columns_sized = True
            self.table.resizeColumnsToContents()

    def set_view(self, which: int) -> None:
        """GRID (tiles) or TABLE; both show the same filtered rows and share the selection."""
        self.stack.setCurrentIndex(which)
        (self.grid_button if which == GRID else self.table_button).setChecked(True)
        self._size_columns()
        current = self.grid.selectionModel().currentIndex()
        view = self.grid if which == GRID else self.table
        if current.isValid():
            view.scrollTo(current)
        view.setFocus()

    def set_compact(self, compact: bool) -> None:
        """Switch between full tiles and compact ones (two lines) and show the grid."""
        self.delegate.set_compact(compact)
        if self.compact_button.isChecked() != compact:
            self.compact_button.setChecked(compact)
        selected = self.selected_ids()
        self.grid.reset()  # drops the cached uniform tile size (and the selection: restored before focusing)
        if selected:
            self.select_meters(selected)
        self.set_view(GRID)

    def _palette_changed(self, *_: Any) -> None:
        self.legend.retranslate()
        self.model.refresh_palette()
        if self.detail.meter_id is not None and (m := self.model.meter(self.detail.meter_id)) is not None:
            self.detail.show_live(m)

    # ---- selection and detail ----------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """Meter ids of the selected tiles/rows, in view order."""
        sel = self.grid.selectionModel()
        rows = sorted({i.row() for i in sel.selectedIndexes()})
        ids: list[int] = []
        for r in rows:
            m = self.proxy.index(r, 0).data(METER_ROLE)
            if m is not None:
                ids.append(m.meter_id)
        return ids

    def selected_meters(self) -> list[MeterLive]:
        return [m for i in self.selected_ids() if (m := self.model.meter(i)) is not None]

    def select_meters(self, meter_ids: Sequence[int]) -> None:
        sel = self.grid.selectionModel()
        sel.clearSelection()
        first: QModelIndex | None = None
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for mid in meter_ids:
            row = self.model.row_of(mid)
            if row is None:
                continue
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if not idx.isValid():
                continue
            sel.select(idx, flags)
            if first is None:
                first = idx
        if first is not None:
            sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.grid.scrollTo(first)
            self._show_meter(first)

    def _selection_changed(self, *_: Any) -> None:
        self._update_status_line()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_meter(current)

    def _show_meter(self, index: QModelIndex) -> None:
        m: MeterLive | None = index.data(METER_ROLE) if index.isValid() else None
        if m is None:
            return
        self.detail.show_live(m)
        self._load_detail(m.meter_id)

    def _load_detail(self, meter_id: int) -> None:
        """Fetch the full detail through tasks; while one is in flight, only the latest request waits."""
        self._detail_pending = meter_id
        if self._detail_busy:
            return
        self._detail_busy = True
        self._detail_pending = None
        svc, actor = self.meters_service, self.ui.actor

        def done(d: MeterDetail) -> None:
            self._detail_busy = False
            if d.live.meter_id == self.detail.meter_id:
                self.detail.show_detail(d)
            if self._detail_pending is not None:
                self._load_detail(self._detail_pending)

        def failed(f: TaskFailure) -> None:
            self._detail_busy = False
            if self._detail_pending is not None:
                self._load_detail(self._detail_pending)

        self.ui.tasks.run(lambda: svc.detail(actor, meter_id), done, failed, owner=self, quiet=True)

    # ---- remote control ----------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        """Right-click on tiles or rows: the toolbar's actions, in the same order, for the selection."""
        menu = QMenu(self)
        menu.setObjectName("metersContextMenu")
        for action in ACTIONS:
            item = menu.addAction(action.label())
            item.setObjectName(f"menu_{action.key}")
            item.setEnabled(self.ui.can(action.permission))
            item.triggered.connect(lambda _c=False, a=action: self.start_action(a))
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def start_action(self, action: ControlAction) -> None:
        """A toolbar button: export, refresh, or a control command through its confirmation dialog."""
        if not self.ui.can(action.permission):
            return
        if action.key == "export":
            self.choose_export_file()
            return
        if action.key == "refresh":
            self.refresh_now()
            return
        meters = self.selected_meters()
        if not meters:
            inform(self, action.label(), self.tr("Select one or more meters first."))
            return
        if action.key in ("history", "tiered_prices", "alarm_sms"):
            {"history": self.open_history, "tiered_prices": self.assign_tiered,
             "alarm_sms": self.send_alarm_texts}[action.key](meters)
            return
        self.dialog = ControlDialog(self.ui, self.control, action, meters, self)
        self.dialog.submitted.connect(self.open_batch)
        self.dialog.stored_in_console.connect(
            lambda n: (inform(self, action.label(), self.tr(
                "{n} console-billed meter(s): the console applies these thresholds from now on.").format(n=n)),
                self._reload_soon()))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def open_history(self, meters: Sequence[MeterLive]) -> Any:
        """历史抄表记录 of the current (first selected) meter."""
        from acrel_console.ui.meters.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.ui, meters[0], self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def assign_tiered(self, meters: Sequence[MeterLive]) -> None:
        """阶梯电价设置: the tariff assignment dialog with the tiered tariffs and the selection ticked."""
        from acrel_console.ui.cashier.tariff_dialogs import AssignTariffDialog

        services, actor, ids = self.ui.services, self.ui.actor, [m.meter_id for m in meters]
        title = self.tr("Tiered price settings")

        def load() -> tuple[list[Any], list[Any]]:
            from acrel_console.services.tariffs import TariffService

            tariffs = [t for t in TariffService(services.ctx).list_tariffs(actor) if t.kind == "tiered"]
            return tariffs, services.site.list_meters(actor)

        def show(loaded: tuple[list[Any], list[Any]]) -> None:
            tariffs, all_meters = loaded
            if not tariffs:
                inform(self, title, self.tr("There is no tiered tariff yet: create one under Tariffs first."))
                return
            dialog = AssignTariffDialog(self.ui, self.ui.clock.zone_name, tariffs, all_meters, ids, self)
            dialog.setWindowTitle(title)
            dialog.submitted.connect(lambda _r: self._reload_soon())
            dialog.finished.connect(dialog.deleteLater)
            self.dialog = dialog
            dialog.open()

        self.ui.tasks.run(load, show, lambda f: inform(self, title, f.message, error=True), owner=self)

    def send_alarm_texts(self, meters: Sequence[MeterLive]) -> None:
        """下发报警短信: confirm, then queue each selected meter's alarm text (level by its status)."""
        from acrel_console.ui.confirm import ask

        title = self.tr("Send alarm texts")
        sms, actor, ids = self.ui.services.sms, self.ui.actor, [m.meter_id for m in meters]

        def done(result: tuple[int, list[tuple[int, str]]]) -> None:
            queued, skipped = result
            text = self.tr("{n} text(s) queued.").format(n=queued)
            if skipped:
                text += "\n" + self.tr("Not sent (no tenant phone): {rooms}").format(
                    rooms=", ".join(self.model.meter(mid).room if self.model.meter(mid) else str(mid)
                                    for mid, _why in skipped))
            self.last_sms_result = result
            inform(self, title, text)

        self.dialog = ask(self, title, self.tr("Text the tenants of {n} meter(s) their alarm message now?").format(
            n=len(meters)), lambda: self.ui.tasks.run(lambda: sms.send_alarm_texts(actor, ids), done,
                                                      lambda f: inform(self, title, f.message, error=True),
                                                      owner=self))

    def open_batch(self, batch_id: str) -> BatchDialog:
        """Show a batch's per-meter progress (after a submit, or from the log)."""
        dialog = BatchDialog(self.ui, self.control, batch_id, self.model.meter, self)
        self.batch_dialogs.append(dialog)
        self.dialog = dialog
        # A dialog closed by its title-bar X is deleted like one closed by its button: forget it when it ends,
        # never ask a deleted one whether it is visible (the next batch raised 'already deleted').
        dialog.finished.connect(lambda _r, d=dialog: self._batch_finished(d))
        dialog.finished.connect(dialog.deleteLater)
        dialog.progressed.connect(self._batch_progressed)
        dialog.open()
        self.refresh_pending(self.selected_ids())  # the hourglass shows on the meters at once
        return dialog

    def _batch_finished(self, dialog: BatchDialog) -> None:
        if dialog in self.batch_dialogs:
            self.batch_dialogs.remove(dialog)
        if self.dialog is dialog:
            self.dialog = None
        self._reload_soon()

    def _batch_progressed(self, meter_ids: list[int]) -> None:
        """Commands of these meters just ended: their rows (hourglass, relay, mode) follow now."""
        if meter_ids:
            self.refresh_pending(meter_ids)

    def _reload_soon(self) -> None:
        if self._poller is None:
            self.reload()

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Export readings"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.tr("readings") + "-" + self.ui.clock.stamp() + ".xlsx")
        dialog.fileSelected.connect(self.export_to)
        self.dialog = dialog
        dialog.open()

    def shown_meters(self) -> list[MeterLive]:
        """Every meter the page shows (after the legend, tree, boxes and search), in the order on screen."""
        return [self.proxy.index(r, 0).data(METER_ROLE) for r in range(self.proxy.rowCount())]

    def export_to(self, path: str) -> None:
        """抄表导出: every meter the page shows (the whole filtered set, as the table lists it) into an .xlsx in the
        interface language, off the GUI thread."""
        if self.exporter.running:
            return
        item = self.tree.currentItem()
        scope = item.text(0) if item is not None and item.parent() is not None else ""
        sheet = readings_sheet(self.site_name, self.ui.actor.name, self.ui.clock.zone, self.ui.clock.now(),
                               filter_lines(self.proxy.meter_filter, scope))
        run_export(self.exporter, path, sheet, self.shown_meters(), self.tr("Exporting readings…"))

    def _exported(self, result: ExportResult | None, error: BaseException | None) -> None:
        title = self.tr("Export readings")
        if error is not None:
            if not isinstance(error, ExportCancelled):
                inform(self, title, failure_text(error), error=True)
            return
        assert result is not None
        self.last_export = str(result.path)
        self.last_export_result = result
        inform(self, title, self.tr("{n} meters exported to {path}").format(n=result.rows, path=str(result.path)))

    def refresh_now(self) -> None:
        """刷新表状态: ask the poller for a sweep of the selected meters' gateways now (or reload)."""
        poller = self._poller
        if poller is None or not hasattr(poller, "sweep_now"):
            self.reload()
            return
        gateways = sorted({m.gateway_id for m in self.selected_meters()}) or [None]
        self.ui.tasks.run(lambda: [poller.sweep_now(gateway_id=g) for g in gateways],  # type: ignore[attr-defined]
                          None, lambda f: inform(self, self.tr("Refresh status"), f.message, error=True), owner=self)


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return MetersPage(ui, parent)

