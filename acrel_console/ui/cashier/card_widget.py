"""The meter card of ACREL-3200-UX in four columns, with 刷新表状态 and the latest delivery's state."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.card_data import MeterCard
from acrel_console.ui.cashier.labels import delivery_label
from acrel_console.ui.error_words import error_words
from acrel_console.ui.site_time import site_clock
from acrel_console.ui.theme import Theme, theme

# (key, label) per column, in the Acrel order.
COLUMNS: tuple[tuple[str, ...], ...] = (
    ("room", "meter_no", "tenant_name", "account_no", "arrears"),
    ("purchase_count", "total_purchased", "remaining", "max_credit"),
    ("power", "relay", "mode"),
    ("status", "alarm1", "alarm2"),
)


def yuan(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


class MeterCardWidget(QFrame):
    """Shows a MeterCard; `refresh_requested` when the cashier asks for fresh values."""

    refresh_requested = Signal()
    resolve_requested = Signal(object)  # the DeliveryInfo in conflict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meterCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.card: MeterCard | None = None
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("No meter chosen"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.refresh_button = QPushButton(self.tr("Refresh meter status (F5)"))
        self.refresh_button.setObjectName("refreshCard")
        self.refresh_button.setEnabled(False)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.refreshing = QLabel()
        head.addWidget(self.heading, 1)
        head.addWidget(self.refreshing)
        head.addWidget(self.refresh_button)
        outer.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        captions = self._captions()
        for col, keys in enumerate(COLUMNS):
            for row, key in enumerate(keys):
                cap = QLabel(captions[key])
                cap.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                val = QLabel("—")
                val.setObjectName(f"card_{key}")
                val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                vfont = val.font()
                vfont.setBold(True)
                val.setFont(vfont)
                grid.addWidget(cap, row, col * 2)
                grid.addWidget(val, row, col * 2 + 1)
                self.values[key] = val
                self.captions[key] = cap
        for col in range(len(COLUMNS)):
            grid.setColumnStretch(col * 2 + 1, 1)
        outer.addLayout(grid)
        self.delivery = QLabel()
        self.delivery.setObjectName("cardDelivery")
        self.delivery.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.delivery, 1)
        self.resolve_button = QPushButton(self.tr("Resolve conflict…"))
        self.resolve_button.setObjectName("resolveConflict")
        self.resolve_button.hide()
        self.resolve_button.clicked.connect(lambda: self.resolve_requested.emit(self._shown_delivery))
        row.addWidget(self.resolve_button)
        outer.addLayout(row)
        self._shown_delivery: DeliveryInfo | None = None

    def _captions(self) -> dict[str, str]:
        return {
            "room": self.tr("Shop/room"), "meter_no": self.tr("Meter no."), "tenant_name": self.tr("Tenant"),
            "account_no": self.tr("Account no."), "arrears": self.tr("In arrears"),
            "purchase_count": self.tr("Purchases"), "total_purchased": self.tr("Total purchased"),
            "remaining": self.tr("Remaining"), "max_credit": self.tr("Max stored credit"),
            "power": self.tr("Power threshold"), "relay": self.tr("Relay"), "mode": self.tr("Mode"),
            "status": self.tr("Alarm status"), "alarm1": self.tr("Alarm 1 amount"), "alarm2": self.tr("Alarm 2 amount"),
        }

    def clear(self) -> None:
        self.card = None
        self.heading.setText(self.tr("No meter chosen"))
        for v in self.values.values():
            v.setText("—")
            v.setToolTip("")
        self.delivery.setText("")
        self.resolve_button.hide()
        self.refresh_button.setEnabled(False)

    def set_refreshing(self, busy: bool) -> None:
        self.refreshing.setText(self.tr("Reading the meter…") if busy else "")
        self.refresh_button.setEnabled(not busy and self.card is not None)

    def show_card(self, card: MeterCard) -> None:
        self.card = card
        self.refresh_button.setEnabled(True)
        self.heading.setText(self.tr("{tenant} · room {room} · meter no. {meter}").format(
            tenant=card.tenant_name or "—", room=card.room or "—", meter=meter_number(card.meter_no)))
        yes, no = self.tr("Yes"), self.tr("No")
        remaining = yuan(card.remaining)
        if card.pending_deliveries:
            remaining += " " + self.tr("(+{amount} pending)").format(amount=yuan(card.pending_amount))
        if card.keep_power:
            mode = self.tr("Forced: keep power")
        elif card.forced_open:
            mode = self.tr("Forced: tripped")
        elif card.keep_power is None and card.forced_open is None:
            mode = "—"
        else:
            mode = self.tr("Prepaid")
        relay = "—" if card.relay_closed is None else (self.tr("Closed") if card.relay_closed else self.tr("Open"))
        if card.relay_stale:  # the read before the credit arrived: the meter may have closed its relay since
            relay = self.tr("reading the meter…")
        texts = {
            "room": card.room or "—", "meter_no": meter_number(card.meter_no),
            "tenant_name": card.tenant_name or "—", "account_no": card.account_no or "—",
            "arrears": "—" if card.in_arrears is None else (yes if card.in_arrears else no),
            "purchase_count": "—" if card.purchase_count is None else str(card.purchase_count),
            "total_purchased": yuan(card.total_purchased), "remaining": remaining,
            "max_credit": yuan(card.max_credit) if card.max_credit is not None else self.tr("No limit"),
            "power": "—" if card.overload_power_w is None else f"{Decimal(card.overload_power_w) / 1000:.2f} kW",
            "relay": relay, "mode": mode, "status": theme().style(card.status).label(),
            "alarm1": yuan(card.alarm1), "alarm2": yuan(card.alarm2),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.values["status"].setToolTip(self.tr("Last read: {at}").format(
            at=site_clock().text(card.last_seen, empty="—")))
        self._paint_value("arrears", "error" if card.in_arrears else "")
        self.show_delivery(card.latest_delivery)

    def _paint_value(self, key: str, role: str) -> None:
        label = self.values[key]
        palette = label.palette()
        palette.setColor(label.foregroundRole(), Theme.role(role) if role else self.palette().color(
            self.foregroundRole()))
        label.setPalette(palette)

    def show_delivery(self, info: DeliveryInfo | None) -> None:
        """The latest credit delivery of this meter: pending, delivered or conflict, with its amount."""
        self._shown_delivery = info
        self.resolve_button.setVisible(info is not None and info.state == "conflict")
        if info is None:
            self.delivery.setText(self.tr("No deliveries yet."))
            return
        state = delivery_label(info.state)
        amount = yuan(info.amount)
        if info.state == "delivered":
            text = self.tr("Last delivery: {amount} yuan {state} (meter count {count}, remaining {remaining})").format(
                amount=amount, state=state, count="—" if info.purchase_count is None else info.purchase_count,
                remaining=yuan(info.remaining))
            role = "ok"
        elif info.state in ("pending", "sending"):
            text = self.tr("Last delivery: {amount} yuan {state} — waiting for the meter").format(
                amount=amount, state=state)
            if info.error:
                text += f" ({error_words(info.error)})"
            role = "muted"
        else:
            text = self.tr("Last delivery: {amount} yuan {state}: {error}").format(
                amount=amount, state=state, error=error_words(info.error) or "—")
            role = "error" if info.state in ("conflict", "failed") else "muted"
        self.delivery.setText(text)
        palette = self.delivery.palette()
        palette.setColor(self.delivery.foregroundRole(), Theme.role(role))
        self.delivery.setPalette(palette)
        self.delivery.setProperty("state", info.state)
