"""Bus health on the Meters page (design §10): each gateway's last sweep duration, requests, timeouts, CRC
errors and reconnects, as the site tree's tooltips and a small panel under the tree (the selected gateway,
or the gateways of the selected building / the whole site added up)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from acrel_console.services.bus_health import BusHealth
from acrel_console.ui.error_words import error_words
from acrel_console.ui.site_time import site_clock

ERROR_CHARS = 40  # the panel shows the start of the last error; its tooltip the whole text


def seconds_text(value: Decimal | None) -> str:
    return "—" if value is None else QCoreApplication.translate("BusHealth", "{s} s").format(s=value.quantize(Decimal("0.01")))


def sweep_text(h: BusHealth) -> str:
    """'2.31 s at 10:02:11' (site time), or 'never swept'."""
    if h.last_sweep_at is None:
        return QCoreApplication.translate("BusHealth", "never swept")
    return QCoreApplication.translate("BusHealth", "{duration} at {time}").format(duration=seconds_text(h.last_sweep_s),
                                              time=site_clock().local(h.last_sweep_at).strftime("%H:%M:%S"))


def state_text(h: BusHealth) -> str:
    """Reachable / unreachable / not swept yet, in words (never colour alone)."""
    if h.last_sweep_at is None:
        return QCoreApplication.translate("BusHealth", "not swept yet")
    if not h.connected:
        return QCoreApplication.translate("BusHealth", "unreachable")
    if h.meters_total and h.meters_online == 0:
        return QCoreApplication.translate("BusHealth", "no meter answers")
    return QCoreApplication.translate("BusHealth", "reachable")


def unhealthy(h: BusHealth) -> bool:
    """A gateway the last sweep could not reach, or where no meter answered (the lost-contact report's rule)."""
    return h.last_sweep_at is not None and (not h.connected or (h.meters_total > 0 and h.meters_online == 0))


def tooltip(h: BusHealth) -> str:
    """The gateway node's tooltip in the site tree."""
    lines = [QCoreApplication.translate("BusHealth", "Gateway {name}: {state}").format(name=h.gateway, state=state_text(h)),
             QCoreApplication.translate("BusHealth", "Last sweep: {sweep}").format(sweep=sweep_text(h)),
             QCoreApplication.translate("BusHealth", "Requests {requests} · timeouts {timeouts} · CRC errors {crc} · reconnects {reconnects}").format(
                 requests=h.requests, timeouts=h.timeouts, crc=h.crc_errors, reconnects=h.reconnects),
             QCoreApplication.translate("BusHealth", "Meters online: {online} of {total}").format(online=h.meters_online, total=h.meters_total)]
    if h.last_error:
        lines.append(QCoreApplication.translate("BusHealth", "Last error: {error}").format(error=error_words(h.last_error)))
    return "\n".join(lines)


class BusHealthPanel(QGroupBox):
    """The selected gateway's health (or the sum over the gateways in scope)."""

    ROWS = ("state", "sweep", "requests", "timeouts", "crc_errors", "reconnects", "online", "error")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busHealthPanel")
        self.setTitle(self.tr("Bus health"))
        form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 4)
        labels = {"state": self.tr("State"), "sweep": self.tr("Last sweep"), "requests": self.tr("Requests"),
                  "timeouts": self.tr("Timeouts"), "crc_errors": self.tr("CRC errors"),
                  "reconnects": self.tr("Reconnects"), "online": self.tr("Meters online"),
                  "error": self.tr("Last error")}
        self.values: dict[str, QLabel] = {}
        for key in self.ROWS:
            value = QLabel("—")
            value.setObjectName(f"busHealth_{key}")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(labels[key], value)
        self.shown: tuple[int, ...] = ()

    def show_health(self, healths: Sequence[BusHealth]) -> None:
        """One gateway in full; several added up (the slowest last sweep, the gateways unreachable counted)."""
        self.shown = tuple(h.gateway_id for h in healths)
        v = self.values
        if not healths:
            self.setTitle(self.tr("Bus health"))
            for label in v.values():
                label.setText("—")
            v["error"].setToolTip("")
            return
        if len(healths) == 1:
            h = healths[0]
            self.setTitle(self.tr("Bus health: {gateway}").format(gateway=h.gateway))
            v["state"].setText(state_text(h))
            v["sweep"].setText(sweep_text(h))
            error = error_words(h.last_error) if h.last_error else ""
            v["error"].setText(error if len(error) <= ERROR_CHARS else error[:ERROR_CHARS - 1] + "…")
            v["error"].setToolTip(error)  # the panel stays small; the whole text on hover
        else:
            self.setTitle(self.tr("Bus health: {n} gateways").format(n=len(healths)))
            bad = sum(1 for h in healths if unhealthy(h))
            v["state"].setText(self.tr("{n} unreachable").format(n=bad) if bad else self.tr("all reachable"))
            durations = [h.last_sweep_s for h in healths if h.last_sweep_s is not None]
            v["sweep"].setText(self.tr("slowest {duration}").format(duration=seconds_text(max(durations)))
                               if durations else self.tr("never swept"))
            v["error"].setText("—")
            v["error"].setToolTip("")
        v["requests"].setText(str(sum(h.requests for h in healths)))
        v["timeouts"].setText(str(sum(h.timeouts for h in healths)))
        v["crc_errors"].setText(str(sum(h.crc_errors for h in healths)))
        v["reconnects"].setText(str(sum(h.reconnects for h in healths)))
        v["online"].setText(self.tr("{online} of {total}").format(online=sum(h.meters_online for h in healths),
                                                                   total=sum(h.meters_total for h in healths)))
