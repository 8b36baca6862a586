"""The detail panel: every live value of the selected meter (electrical values, energy by tariff period
尖峰平谷, money, relay and status bits, communication and meter clock drift)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.services.meter_views import MeterDetail, MeterLive
from acrel_console.ui.error_words import error_words
from acrel_console.ui.meters import formatting as fmt
from acrel_console.ui.theme import theme

# (group title, [(key, label)]) in display order; labels translated in context "meters".
GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (QT_TRANSLATE_NOOP("meters", "Meter"), (
        ("room", QT_TRANSLATE_NOOP("meters", "Room")),
        ("tenant", QT_TRANSLATE_NOOP("meters", "Tenant")),
        ("account_no", QT_TRANSLATE_NOOP("meters", "Account no.")),
        ("meter_no", QT_TRANSLATE_NOOP("meters", "Meter no.")),
        ("where", QT_TRANSLATE_NOOP("meters", "Gateway / address")),
        ("model", QT_TRANSLATE_NOOP("meters", "Model")),
        ("status", QT_TRANSLATE_NOOP("meters", "Status")),
    )),
    (QT_TRANSLATE_NOOP("meters", "Money"), (
        ("remaining", QT_TRANSLATE_NOOP("meters", "Remaining (yuan)")),
        ("purchases", QT_TRANSLATE_NOOP("meters", "Purchases")),
        ("alarms", QT_TRANSLATE_NOOP("meters", "Alarm 1 / 2 (yuan)")),
    )),
    (QT_TRANSLATE_NOOP("meters", "Relay and mode"), (
        ("relay", QT_TRANSLATE_NOOP("meters", "Relay")),
        ("mode", QT_TRANSLATE_NOOP("meters", "Mode")),
        ("overload", QT_TRANSLATE_NOOP("meters", "Overload")),
        ("bits", QT_TRANSLATE_NOOP("meters", "Status bits")),
        ("pending", QT_TRANSLATE_NOOP("meters", "Pending commands")),
    )),
    (QT_TRANSLATE_NOOP("meters", "Electrical"), (
        ("voltage", QT_TRANSLATE_NOOP("meters", "Voltage (V)")),
        ("current", QT_TRANSLATE_NOOP("meters", "Current (A)")),
        ("power", QT_TRANSLATE_NOOP("meters", "Active power (kW)")),
        ("reactive", QT_TRANSLATE_NOOP("meters", "Reactive power (kvar)")),
        ("pf", QT_TRANSLATE_NOOP("meters", "Power factor")),
        ("ratios", QT_TRANSLATE_NOOP("meters", "PT / CT ratio")),
    )),
    (QT_TRANSLATE_NOOP("meters", "Energy (kWh)"), (
        ("energy_total", QT_TRANSLATE_NOOP("meters", "Total")),
        ("energy_spike", QT_TRANSLATE_NOOP("meters", "Spike (尖)")),
        ("energy_peak", QT_TRANSLATE_NOOP("meters", "Peak (峰)")),
        ("energy_flat", QT_TRANSLATE_NOOP("meters", "Flat (平)")),
        ("energy_valley", QT_TRANSLATE_NOOP("meters", "Valley (谷)")),
    )),
    (QT_TRANSLATE_NOOP("meters", "Communication"), (
        ("last_seen", QT_TRANSLATE_NOOP("meters", "Last seen")),
        ("meter_clock", QT_TRANSLATE_NOOP("meters", "Meter clock")),
        ("drift", QT_TRANSLATE_NOOP("meters", "Clock drift")),
        ("failures", QT_TRANSLATE_NOOP("meters", "Failed reads")),
        ("backoff", QT_TRANSLATE_NOOP("meters", "Back-off level")),
        ("last_error", QT_TRANSLATE_NOOP("meters", "Last error")),
    )),
)

BIT_LABELS: dict[str, str] = {
    "fault": QT_TRANSLATE_NOOP("meters", "fault"),
    "fee_control_enabled": QT_TRANSLATE_NOOP("meters", "fee control"),
    "over_limit": QT_TRANSLATE_NOOP("meters", "over limit"),
    "arrears_bit": QT_TRANSLATE_NOOP("meters", "arrears"),
    "alarm1_bit": QT_TRANSLATE_NOOP("meters", "alarm 1"),
    "alarm2_bit": QT_TRANSLATE_NOOP("meters", "alarm 2"),
    "forced": QT_TRANSLATE_NOOP("meters", "forced"),
    "forced_open": QT_TRANSLATE_NOOP("meters", "forced open"),
}

PHASES = ("A", "B", "C")


def _t(text: str) -> str:
    return QCoreApplication.translate("meters", text)


def phases(values: tuple[str, ...], total_last: bool = False) -> str:
    """'A 220.0 · B 219.8 · C 221.0' (single phase: the value alone; total_last adds 'Σ x')."""
    if not values:
        return fmt.DASH
    per = list(values[:-1]) if total_last else list(values)
    total = values[-1] if total_last else None
    if total_last and len(per) <= 1:
        return total or fmt.DASH
    if len(per) == 1:
        return per[0]
    text = " · ".join(f"{PHASES[i] if i < 3 else i + 1} {v}" for i, v in enumerate(per))
    return f"{text} · Σ {total}" if total is not None else text


class DetailPanel(QScrollArea):
    """Shows one meter; `show_live` fills the headline at once, `show_detail` everything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metersDetail")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(self.tr("Select a meter to see its live values."))
        self.heading.setObjectName("detail_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.values: dict[str, QLabel] = {}
        self.groups: list[QGroupBox] = []
        for title, rows in GROUPS:
            box = QGroupBox(_t(title))
            form = QFormLayout(box)
            form.setContentsMargins(6, 4, 6, 4)
            form.setVerticalSpacing(2)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for key, label in rows:
                value = QLabel(fmt.DASH)
                value.setObjectName(f"detail_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(_t(label), value)
                self.values[key] = value
            layout.addWidget(box)
            self.groups.append(box)
        layout.addStretch(1)
        self.setWidget(body)
        self.meter_id: int | None = None
        self.clear()

    def text(self, key: str) -> str:
        return self.values[key].text()

    def clear(self) -> None:
        self.meter_id = None
        self.heading.setText(self.tr("Select a meter to see its live values."))
        for v in self.values.values():
            v.setText(fmt.DASH)
        for g in self.groups:
            g.setEnabled(False)

    def show_live(self, m: MeterLive) -> None:
        """The values the grid already holds (instant); the rest follows with show_detail."""
        if m.meter_id != self.meter_id:
            for v in self.values.values():
                v.setText(fmt.DASH)
        self.meter_id = m.meter_id
        for g in self.groups:
            g.setEnabled(True)
        st = theme().style(m.status)
        self.heading.setText(f"{m.room} · {st.label()}")
        v = self.values
        v["room"].setText(m.room)
        v["tenant"].setText(m.tenant_name or fmt.DASH)
        v["account_no"].setText(m.account_no or fmt.DASH)
        v["meter_no"].setText(m.meter_no or fmt.DASH)
        v["where"].setText(f"{m.gateway} / {m.address}")
        v["model"].setText(m.model)
        v["status"].setText(st.label())
        v["remaining"].setText(fmt.yuan(m.remaining_fen))
        v["purchases"].setText(fmt.DASH if m.purchase_count is None else str(m.purchase_count))
        v["alarms"].setText(f"{fmt.yuan(m.alarm1_fen)} / {fmt.yuan(m.alarm2_fen)}")
        v["relay"].setText(fmt.relay_text(m.relay_closed))
        v["mode"].setText(fmt.mode_text(m.forced, m.keep_power, m.forced_open))
        v["overload"].setText(fmt.yes_no(m.overload))
        v["pending"].setText(str(m.pending_commands))
        v["energy_total"].setText(fmt.kwh(m.energy_total))
        v["last_seen"].setText(fmt.local_time(m.last_seen))
        v["failures"].setText(str(m.consecutive_failures))
        v["last_error"].setText(error_words(m.last_error) or fmt.DASH)

    def show_detail(self, d: MeterDetail) -> None:
        self.show_live(d.live)
        v = self.values
        v["voltage"].setText(phases(d.voltage_v))
        v["current"].setText(phases(d.current_a))
        v["power"].setText(phases(d.power_kw, total_last=True))
        v["reactive"].setText(phases(d.reactive_kvar, total_last=True))
        v["pf"].setText(phases(d.power_factor, total_last=True))
        ratios = [fmt.DASH if r is None else str(r) for r in (d.pt_ratio, d.ct_ratio)]
        v["ratios"].setText(" / ".join(ratios))
        periods = d.energy_by_period or (None, None, None, None)
        for key, value in zip(("energy_spike", "energy_peak", "energy_flat", "energy_valley"), periods, strict=True):
            v[key].setText(fmt.kwh(value))
        if d.relay_channels and len(d.relay_channels) > 1:
            v["relay"].setText(" · ".join(f"L{i + 1} {fmt.relay_text(c)}" for i, c in enumerate(d.relay_channels)))
        on = [_t(BIT_LABELS.get(k, k)) for k, b in d.status_bits.items() if b]
        raw = "" if d.status_raw is None else f" (0x{d.status_raw:04X})"
        v["bits"].setText((", ".join(on) if on else QCoreApplication.translate("meters", "none")) + raw)
        v["meter_clock"].setText(fmt.DASH if d.meter_clock is None else d.meter_clock.strftime("%Y-%m-%d %H:%M:%S"))
        v["drift"].setText(fmt.drift_text(d.clock_drift_s))
        v["backoff"].setText(str(d.backoff_level))
