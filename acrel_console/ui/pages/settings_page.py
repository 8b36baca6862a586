"""Settings page (系统设置): buildings, gateways, meters (each list exportable as shown), site defaults, online
payment (for whoever may set the merchant keys), this workstation; quick configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from acrel_console.domain.roles import Permission
from acrel_console.services.export import ColumnKind
from acrel_console.domain.site import Building, Gateway, Meter
from acrel_console.services.site_config import known_models
from acrel_console.ui.building_dialog import BuildingDialog
from acrel_console.ui.context import UiContext
from acrel_console.ui.crud_table import CrudTable
from acrel_console.ui.gateway_dialog import GatewayDialog, mode_label
from acrel_console.ui.meter_dialog import MeterDialog, kw_cell
from acrel_console.ui.pages.base import Page
from acrel_console.ui.payment_setup_form import PaymentSetupForm
from acrel_console.ui.quick_config import QuickConfigBar
from acrel_console.ui.screen_table import ScreenColumn as S
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
        T, N, Y = ColumnKind.TEXT, ColumnKind.INT, ColumnKind.YUAN
        self.buildings = CrudTable(
            ui, [S(self.tr("Building name"), T, lambda b: b.name), S(self.tr("Floor"), T, lambda b: b.floor),
                 S(self.tr("Area"), T, lambda b: b.area), S(self.tr("Notes"), T, lambda b: b.notes)],
            self.refresh, lambda b: BuildingDialog(ui, b, self),
            lambda b: ui.services.site.remove_building(ui.actor, b.id), lambda b: b.name, editable,
            sheet_title=lambda: self.tr("Buildings"))
        self.gateways = CrudTable(
            ui, [S(self.tr("Gateway name"), T, lambda g: g.name), S(self.tr("Mode"), T, lambda g: mode_label(g.kind)),
                 S(self.tr("Address"), T, lambda g: g.endpoint),
                 S(self.tr("Timeout (ms)"), N, lambda g: g.timeout_ms),
                 S(self.tr("Retries"), N, lambda g: g.retries),
                 S(self.tr("Inter-frame delay (ms)"), N, lambda g: g.inter_frame_delay_ms),
                 S(self.tr("Building"), T, lambda g: names().get(g.building_id, "")),
                 S(self.tr("Enabled"), T, lambda g: self.tr("Yes") if g.enabled else self.tr("No"))],
            self.refresh, lambda g: GatewayDialog(ui, self.snapshot.buildings, g, self),
            lambda g: ui.services.site.remove_gateway(ui.actor, g.name), lambda g: g.name, editable,
            sheet_title=lambda: self.tr("Gateways"))
        self.meters = CrudTable(
            ui, [S(self.tr("Gateway"), T, lambda m: m.gateway), S(self.tr("RS485 address"), N, lambda m: m.address),
                 S(self.tr("Model"), T, lambda m: m.model), S(self.tr("Room / label"), T, lambda m: m.room),
                 S(self.tr("Building"), T, lambda m: m.building or ""),
                 S(self.tr("CT ratio"), N, lambda m: m.ct_ratio), S(self.tr("Circuit"), N, lambda m: m.circuit),
                 S(self.tr("Meter number"), T, lambda m: m.meter_no),
                 S(self.tr("Alarm amount 1"), Y, lambda m: m.alarm1_fen),
                 S(self.tr("Alarm amount 2"), Y, lambda m: m.alarm2_fen),
                 S(self.tr("Power threshold (kW)"), T, lambda m: kw_cell(m.overload_power_w) or None),
                 S(self.tr("Main meter"), T, lambda m: main_of().get(m.parent_meter_id or 0, ""))],
            self.refresh, lambda m: MeterDialog(ui, self.snapshot.gateways, self.snapshot.buildings,
                                                self.snapshot.models, self.snapshot.meters, m, self),
            lambda m: ui.services.site.remove_meter(ui.actor, m.id), lambda m: f"{m.gateway}/{m.address}", editable,
            sheet_title=lambda: self.tr("Meters"))
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
        self.payment: PaymentSetupForm | None = None
        if ui.can(Permission.MANAGE_SECRETS):  # the merchant keys: administrators (the service checks again)
            self.payment = PaymentSetupForm(ui)
            self.tabs.addTab(self.payment, self.tr("Online payment"))
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
        if self.payment is not None:
            self.payment.load()

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
