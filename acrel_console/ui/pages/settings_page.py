"""Settings page (系统设置): buildings, gateways, meters, site defaults, this workstation; quick configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from acrel_console.domain.roles import Permission
from acrel_console.domain.site import Building, Gateway, Meter
from acrel_console.services.site_config import known_models
from acrel_console.ui.building_dialog import BuildingDialog
from acrel_console.ui.context import UiContext
from acrel_console.ui.crud_table import CrudTable
from acrel_console.ui.gateway_dialog import GatewayDialog, mode_label
from acrel_console.ui.meter_dialog import MeterDialog, kw_cell, yuan_cell
from acrel_console.ui.pages.base import Page
from acrel_console.ui.quick_config import QuickConfigBar
from acrel_console.ui.record_model import Column
from acrel_console.ui.site_defaults_form import SiteDefaultsForm
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.workstation_form import WorkstationForm


@dataclass(frozen=True)
class SiteSnapshot:
    """Everything the site tables and dialogs show, loaded in one background call."""

    buildings: list[Building] = field(default_factory=list)
    gateways: list[Gateway] = field(default_factory=list)
    meters: list[Meter] = field(default_factory=list)
    models: tuple[str, ...] = ()


def load_snapshot(ui: UiContext) -> SiteSnapshot:
    site, actor = ui.services.site, ui.actor
    return SiteSnapshot(site.list_buildings(actor), site.list_gateways(actor), site.list_meters(actor),
                        known_models())


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.snapshot = SiteSnapshot()
        editable = ui.can(Permission.CONFIGURE_SITE)
        names = lambda: {b.id: b.name for b in self.snapshot.buildings}  # noqa: E731
        main_of = lambda: {x.id: x.meter_no or x.room for x in self.snapshot.meters}  # noqa: E731
        self.buildings = CrudTable(
            ui, [Column(self.tr("Building name"), lambda b: b.name), Column(self.tr("Floor"), lambda b: b.floor),
                 Column(self.tr("Area"), lambda b: b.area), Column(self.tr("Notes"), lambda b: b.notes)],
            self.refresh, lambda b: BuildingDialog(ui, b, self),
            lambda b: ui.services.site.remove_building(ui.actor, b.id), lambda b: b.name, editable)
        self.gateways = CrudTable(
            ui, [Column(self.tr("Gateway name"), lambda g: g.name), Column(self.tr("Mode"), lambda g: mode_label(g.kind)),
                 Column(self.tr("Address"), lambda g: g.endpoint),
                 Column(self.tr("Timeout (ms)"), lambda g: g.timeout_ms, True),
                 Column(self.tr("Retries"), lambda g: g.retries, True),
                 Column(self.tr("Inter-frame delay (ms)"), lambda g: g.inter_frame_delay_ms, True),
                 Column(self.tr("Building"), lambda g: names().get(g.building_id, "")),
                 Column(self.tr("Enabled"), lambda g: self.tr("Yes") if g.enabled else self.tr("No"))],
            self.refresh, lambda g: GatewayDialog(ui, self.snapshot.buildings, g, self),
            lambda g: ui.services.site.remove_gateway(ui.actor, g.name), lambda g: g.name, editable)
        self.meters = CrudTable(
            ui, [Column(self.tr("Gateway"), lambda m: m.gateway), Column(self.tr("RS485 address"), lambda m: m.address, True),
                 Column(self.tr("Model"), lambda m: m.model), Column(self.tr("Room / label"), lambda m: m.room),
                 Column(self.tr("Building"), lambda m: m.building or ""),
                 Column(self.tr("CT ratio"), lambda m: m.ct_ratio, True), Column(self.tr("Circuit"), lambda m: m.circuit),
                 Column(self.tr("Meter number"), lambda m: m.meter_no),
                 Column(self.tr("Alarm amount 1"), lambda m: yuan_cell(m.alarm1_fen), True),
                 Column(self.tr("Alarm amount 2"), lambda m: yuan_cell(m.alarm2_fen), True),
                 Column(self.tr("Power threshold (kW)"), lambda m: kw_cell(m.overload_power_w), True),
                 Column(self.tr("Main meter"), lambda m: main_of().get(m.parent_meter_id or 0, ""))],
            self.refresh, lambda m: MeterDialog(ui, self.snapshot.gateways, self.snapshot.buildings,
                                                self.snapshot.models, self.snapshot.meters, m, self),
            lambda m: ui.services.site.remove_meter(ui.actor, m.id), lambda m: f"{m.gateway}/{m.address}", editable)
        self.defaults = SiteDefaultsForm(ui)
        self.workstation = WorkstationForm(ui)
        self.quick = QuickConfigBar(ui)
        defaults_scroll = QScrollArea()
        defaults_scroll.setWidgetResizable(True)
        defaults_scroll.setWidget(self.defaults)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.buildings, self.tr("Buildings"))
        self.tabs.addTab(self.gateways, self.tr("Gateways"))
        self.tabs.addTab(self.meters, self.tr("Meters"))
        self.tabs.addTab(defaults_scroll, self.tr("Site defaults"))
        self.tabs.addTab(self.workstation, self.tr("This workstation"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.quick)
        layout.addWidget(self.tabs)
        for table in (self.buildings, self.gateways, self.meters):
            table.changed.connect(ui.events.site_changed.emit)
        self.defaults.saved.connect(ui.events.site_changed.emit)
        ui.events.site_changed.connect(self.refresh)

    def title(self) -> str:
        return self.tr("Settings")

    def activated(self) -> None:
        self.refresh()
        self.defaults.load()

    def refresh(self) -> None:
        self.ui.tasks.run(lambda: load_snapshot(self.ui), self._loaded, self._failed, owner=self)

    def _loaded(self, snapshot: SiteSnapshot) -> None:
        self.snapshot = snapshot
        self.buildings.set_records(snapshot.buildings)
        self.gateways.set_records(snapshot.gateways)
        self.meters.set_records(snapshot.meters)

    def _failed(self, failure: TaskFailure) -> None:
        for table in (self.buildings, self.gateways, self.meters):
            table.show_failure(failure)


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return SettingsPage(ui, parent)
