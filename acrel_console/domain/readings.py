"""Values read from or sent to a meter: the real-time reading, command acknowledgements, settings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MeterReading:
    """One decoded real-time block (Acrel 0x0200 x 48, or a profile's equivalent).

    Units: volts/amps/kW as Decimal-free integers in the meter's own scale to stay exact:
    voltage_dv (0.1 V), current_ca (0.01 A), power_w (W), reactive_var, pf_milli (0.001),
    energy in 0.01 kWh, money in fen. None where the profile has no such value.
    """

    read_at: datetime  # console clock, UTC, when the reply arrived
    type_code: int | None
    voltage_dv: tuple[int, ...] = ()  # Ua, Ub, Uc
    current_ca: tuple[int, ...] = ()  # Ia, Ib, Ic
    power_w: tuple[int, ...] = ()  # Pa, Pb, Pc, P total
    reactive_var: tuple[int, ...] = ()
    pf_milli: tuple[int, ...] = ()  # PFa, PFb, PFc, PF total
    pt_ratio: int | None = None
    ct_ratio: int | None = None
    energy_total: int | None = None  # 0.01 kWh
    energy_by_period: tuple[int, int, int, int] | None = None  # 尖 峰 平 谷, 0.01 kWh
    remaining_fen: int | None = None  # meter-side balance; None for metering-only meters
    purchase_count: int | None = None
    relay_closed: tuple[bool, ...] = ()  # per phase/channel L1..L3 (1 for single-phase)
    fault: bool = False
    fee_control_enabled: bool | None = None
    over_limit: bool = False
    arrears_bit: bool = False
    alarm1_bit: bool = False
    alarm2_bit: bool = False
    forced: bool | None = None  # force-control enabled (强制模式)
    forced_open: bool | None = None  # forced trip (True) / forced close = keep power (False)
    meter_clock: datetime | None = None  # naive meter-local time as the meter reports it
    status_raw: int | None = None  # the raw status word(s) for display
    extra: dict[str, int] = field(default_factory=dict)
    # True when the profile reads secondary-side values (ADL400 integer map): voltages x PT,
    # currents x CT, power and energy x PT x CT give primary quantities (see primary()).
    secondary_side: bool = False

    @property
    def power_total_w(self) -> int | None:
        """Total active power: the last element of power_w (profiles list phases, then the total)."""
        return self.power_w[-1] if self.power_w else None

    def primary_factor(self) -> int:
        """PT x CT for secondary-side readings (1 otherwise, or when a ratio is unknown or 0)."""
        if not self.secondary_side:
            return 1
        return max(self.pt_ratio or 1, 1) * max(self.ct_ratio or 1, 1)

    def primary_energy_total(self) -> int | None:
        """Total energy in 0.01 kWh on the primary side (what is billed)."""
        if self.energy_total is None:
            return None
        return self.energy_total * self.primary_factor()


class ForceMode(str, enum.Enum):
    """Remote switching modes (design §13)."""

    TRIP = "trip"  # forced open: 0x0057=1, 0x0058=1
    KEEP_POWER = "keep_power"  # forced close: 0x0057=1, 0x0058=0 (合闸 / 保电)
    RESTORE_PREPAID = "restore_prepaid"  # 0x0057=0: the meter's own prepaid logic decides


@dataclass(frozen=True, slots=True)
class RechargeAck:
    """The vendor 0x20 group 01 reply: an acknowledgement only; confirm by reading back."""

    applied: bool  # status 0 applied, 1 duplicate ignored -> False
    remaining_fen: int
    purchase_count: int


@dataclass(frozen=True, slots=True)
class MoneyParams:
    """Money-control parameters (read-back block / group 02 download). Money in fen, prices in
    0.0001 yuan/kWh (尖 峰 平 谷), overload power in W."""

    fee_control_on: bool | None = None
    purchase_count: int | None = None
    prices: tuple[int, int, int, int] | None = None
    alarm1_fen: int | None = None
    alarm2_fen: int | None = None
    overdraft_fen: int | None = None
    total_purchased_fen: int | None = None
    remaining_fen: int | None = None
    overload_power_w: int | None = None
