"""Display text of live meter values (money, energy, time, booleans) shared by tiles, table and detail panel."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.money import format_yuan
from acrel_console.services.site_clock import text_in, zone_or_default
from acrel_console.ui.site_time import site_clock

DASH = "—"


def yuan(fen: int | None) -> str:
    """'1,234.50' or '—'."""
    return format_yuan(fen)


def kwh(centi_kwh: int | None) -> str:
    """0.01 kWh integer as kWh with 2 decimals, or '—'."""
    if centi_kwh is None:
        return DASH
    return f"{Decimal(centi_kwh).scaleb(-2):,.2f}"


def local_time(at: datetime | None, tz: str | None = None) -> str:
    """A UTC instant in the site's time zone, 'YYYY-MM-DD HH:MM:SS', or '—'."""
    if at is None:
        return DASH
    zone = zone_or_default(tz) if tz else site_clock().zone
    return text_in(at, zone)


def yes_no(value: bool | None) -> str:
    if value is None:
        return DASH
    return QCoreApplication.translate("meters", "Yes") if value else QCoreApplication.translate("meters", "No")


def relay_text(closed: bool | None) -> str:
    """合闸 / 拉闸 (closed / open) or '—' when the model has no relay."""
    if closed is None:
        return DASH
    return QCoreApplication.translate("meters", "Closed") if closed else QCoreApplication.translate("meters", "Open")


def mode_text(forced: bool | None, keep_power: bool | None, forced_open: bool | None) -> str:
    """预付费模式 vs 强制模式, with what is forced."""
    if forced is None:
        return DASH
    if not forced:
        return QCoreApplication.translate("meters", "Prepaid")
    if keep_power:
        return QCoreApplication.translate("meters", "Forced close (keep power)")
    if forced_open:
        return QCoreApplication.translate("meters", "Forced open")
    return QCoreApplication.translate("meters", "Forced")


def drift_text(seconds: int | None) -> str:
    """Meter clock minus console clock, signed, in s / min / h."""
    if seconds is None:
        return DASH
    sign = "+" if seconds > 0 else ("−" if seconds < 0 else "")
    s = abs(seconds)
    if s < 120:
        return f"{sign}{s} s"
    if s < 7200:
        return f"{sign}{s // 60} min {s % 60} s"
    return f"{sign}{s // 3600} h {(s % 3600) // 60} min"
