"""How a person reads which meter: its 仪表编号 (meter number) with the room (商铺号), never an internal id.

Every screen, slip, export and log line that names a meter goes through these two functions, so "表号"
means one thing everywhere. A meter configured without a number shows a dash, not its database id.
"""

from __future__ import annotations

NO_NUMBER = "—"


def meter_number(meter_no: str | None) -> str:
    """The 仪表编号 as configured (or read from the meter), or a dash when the site has not set one."""
    return (meter_no or "").strip() or NO_NUMBER


def meter_label(meter_no: str | None, room: str | None) -> str:
    """'3220114455 · A005': the meter number and the room; whichever is known when one is missing."""
    number, place = (meter_no or "").strip(), (room or "").strip()
    if number and place:
        return f"{number} · {place}"
    return number or place or NO_NUMBER
