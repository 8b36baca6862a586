"""One simulated meter: its persistent and RAM state, and how it evolves with time and commands."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from acrel_console.drivers.simulator.tariff import DEFAULT_SCHEDULE, TouSchedule
from acrel_console.drivers.simulator.tea16 import DEFAULT_KEY

MJ_PER_UNIT = 36_000_000  # 0.01 kWh = 36 kJ = 36,000,000 mJ (W x ms = mJ)
PRICE_SCALE = 10_000  # price 0.0001 yuan/kWh x energy 0.01 kWh = 1e-4 fen

RUN_MODE_MULTI_RATE = 0x01
RUN_MODE_ENCRYPTION = 0x20
RUN_MODE_PREPAID = 0x40


class Model(str, enum.Enum):
    """Meter models the simulator can impersonate."""

    DDSY1352 = "ddsy1352"  # single-phase prepaid, type code 7
    DTSY1352 = "dtsy1352"  # three-phase prepaid, type code 5
    ADF400L = "adf400l"  # one circuit of a multi-circuit prepaid board, type code 10
    ADL400 = "adl400"  # metering only (hardware doc §2.1)

    @property
    def type_code(self) -> int:
        return {Model.DDSY1352: 7, Model.DTSY1352: 5, Model.ADF400L: 10, Model.ADL400: 0}[self]

    @property
    def prepaid(self) -> bool:
        return self is not Model.ADL400


@dataclass(slots=True)
class PowerControl:
    """Overload (功控) settings of one channel; max power in 0.01 kW."""

    enabled: bool = False
    max_power_ckw: int = 0  # 0.01 kW
    increment_ckw: int = 0
    pf_threshold_milli: int = 0
    recover_delay_min: int = 0
    max_over_count: int = 0
    unknown_u16: int = 0
    unknown_u8: int = 0


@dataclass(slots=True)
class SimMeter:
    """State of one simulated meter. Money in fen, energy in 0.01 kWh, prices in 0.0001 yuan/kWh.

    Persistent (survives `reboot`): energies, remaining, purchase count, totals, prices, alarm
    amounts, overdraft, run mode, cipher key, power-control settings, clock offset (RTC), the
    day-period schedule and year zones.
    RAM (reset by `reboot`): forced control (0x0057/0x0058 and group 05), overload trip latch.
    """

    address: int
    model: Model = Model.DDSY1352
    load_w: int = 500
    three_phase: bool | None = None  # ADF circuit: True = 3-phase user; default from the model
    voltage_dv: tuple[int, int, int] = (2200, 2200, 2200)
    pf_milli: int = 950
    pt_ratio: int = 1
    ct_ratio: int = 1
    frequency_chz: int = 5000
    energy: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # 尖 峰 平 谷
    base_energy: int = 0
    remaining_fen: int = 10_000
    purchase_count: int = 0
    total_purchased_fen: int = 0
    prices: list[int] = field(default_factory=lambda: [12_000, 10_000, 7_000, 4_000])
    alarm1_fen: int = 2_000
    alarm2_fen: int = 500
    overdraft_fen: int = 0
    fee_control_on: bool = True
    run_mode: int = RUN_MODE_MULTI_RATE | RUN_MODE_PREPAID
    param_byte: int = 0  # the one-byte item of group 02 ("FKEN8", read back at 0x0418)
    meter_no: str = ""
    cipher_key: tuple[int, int, int, int] = DEFAULT_KEY
    adf_board_code: int = 0  # byte 94: 0 -> 36 circuits, 1 -> 24, 2 -> 12
    fault_bit: bool = False
    forced: list[bool] = field(default_factory=lambda: [False, False, False])
    forced_open: list[bool] = field(default_factory=lambda: [False, False, False])
    power_control: list[PowerControl] = field(
        default_factory=lambda: [PowerControl(), PowerControl(), PowerControl()]
    )
    overload_trips: int = 0
    clock_offset_ms: int = 0
    schedule: TouSchedule = DEFAULT_SCHEDULE  # schedule 1 of the 时段表 (downloadable, hardware doc §1.8)
    tou_zones: list[int] = field(default_factory=lambda: [1, 1, 1] + [0] * 9)  # 4 x [schedule, day, month]
    reboots: int = 0
    _last_ms: int | None = None
    _residual_mj: int = 0
    _cost_residual: int = 0  # 1e-4 fen not yet deducted
    _overloaded: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.address <= 247:
            raise ValueError("a meter address is 1..247")
        if self.three_phase is None:
            self.three_phase = self.model in (Model.DTSY1352, Model.ADL400)
        if not self.meter_no:
            self.meter_no = f"{self.address:012d}"
        if not self.model.prepaid:
            self.fee_control_on = False
            self.run_mode &= ~RUN_MODE_PREPAID
        self._overloaded = self._overload_now()

    # ----- derived values -------------------------------------------------------------------
    @property
    def phases(self) -> int:
        return 3 if self.three_phase else 1

    @property
    def energy_total(self) -> int:
        return sum(self.energy)

    @property
    def prepaid_active(self) -> bool:
        """The meter's own prepaid logic deducts money and may trip."""
        return self.model.prepaid and self.fee_control_on and bool(self.run_mode & RUN_MODE_PREPAID)

    @property
    def encryption_on(self) -> bool:
        return bool(self.run_mode & RUN_MODE_ENCRYPTION)

    @property
    def trip_threshold_fen(self) -> int:
        """The prepaid logic opens the relay when remaining <= this (0, or minus the overdraft)."""
        return -self.overdraft_fen

    @property
    def in_arrears(self) -> bool:
        return self.remaining_fen <= 0

    def _overload_now(self) -> bool:
        per_phase = self.load_w // self.phases
        for ch in range(self.phases):
            pc = self.power_control[ch]
            if pc.enabled and pc.max_power_ckw > 0 and per_phase > pc.max_power_ckw * 10:
                return True
        return False

    @property
    def overloaded(self) -> bool:
        return self._overloaded

    def channel_closed(self, ch: int) -> bool:
        """Relay state of channel L1..L3 (0-based): forced control first, then the meter's logic."""
        if self.forced[ch]:
            return not self.forced_open[ch]
        if not self.model.prepaid:
            return True
        if self._overloaded:
            return False
        if self.prepaid_active and self.remaining_fen <= self.trip_threshold_fen:
            return False
        return True

    @property
    def relay_closed(self) -> tuple[bool, ...]:
        return tuple(self.channel_closed(ch) for ch in range(self.phases))

    def effective_load_w(self) -> int:
        closed = sum(self.relay_closed)
        return self.load_w * closed // self.phases

    def phase_power_w(self) -> tuple[int, int, int]:
        """Active power per phase (W), 0 on open channels and absent phases."""
        per = self.load_w // self.phases
        p = [per if ch < self.phases and self.channel_closed(ch) else 0 for ch in range(3)]
        return p[0], p[1], p[2]

    def status_hi(self) -> int:
        """0x0224 high byte: bit0 fault, bits5-7 relay L1-L3 (1 closed)."""
        value = 0x01 if self.fault_bit else 0
        for ch, closed in enumerate(self.relay_closed):
            if closed:
                value |= 0x20 << ch
        return value

    def status_lo(self) -> int:
        """0x0224 low byte: bits0-2 prepaid output L1-L3 (1 closed), bit3 fee control on,
        bit4 over-limit, bit5 arrears, bit6 ALM1, bit7 ALM2 (alarm bits only when fee control is on)."""
        value = 0
        if self.prepaid_active:
            value |= 0x08
            if self.remaining_fen > self.trip_threshold_fen:
                value |= (1 << self.phases) - 1
            if self.remaining_fen <= 0:
                value |= 0x20
            if self.remaining_fen <= self.alarm1_fen:
                value |= 0x40
            if self.remaining_fen <= self.alarm2_fen:
                value |= 0x80
        if self._overloaded:
            value |= 0x10
        return value

    def control_status(self) -> int:
        """0x0225: hi = power control (bit3 on, bits0-2 L1-L3 tripped by overload);
        lo = forced control (bit3 any channel forced, bits0-2 L1-L3 forced closed = 1)."""
        hi = 0
        if any(pc.enabled for pc in self.power_control[: self.phases]):
            hi |= 0x08
            if self._overloaded:
                hi |= (1 << self.phases) - 1
        lo = 0
        for ch in range(self.phases):
            if self.forced[ch]:
                lo |= 0x08
                if not self.forced_open[ch]:
                    lo |= 1 << ch
        return (hi << 8) | lo

    # ----- commands ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-evaluate latched conditions after a state change (overload counter)."""
        now = self._overload_now()
        if now and not self._overloaded:
            self.overload_trips += 1
        self._overloaded = now

    def set_load(self, watts: int) -> None:
        self.load_w = max(0, int(watts))
        self.refresh()

    def force_all(self, enable: bool, open_: bool) -> None:
        """0x0057/0x0058: enable forced control on every channel (open or closed), or release it."""
        for ch in range(3):
            self.forced[ch] = enable
            self.forced_open[ch] = open_ if enable else False

    def reboot(self) -> None:
        """Power cycle: RAM state (forced control, overload latch) is lost; the rest is kept."""
        self.force_all(False, False)
        self._overloaded = self._overload_now()
        self.reboots += 1

    # ----- time -----------------------------------------------------------------------------
    def advance_to(self, now_ms: int) -> None:
        """Accrue energy and deduct money from the last update until `now_ms` (bus clock)."""
        if self._last_ms is None or now_ms <= self._last_ms:
            if self._last_ms is None:
                self._last_ms = now_ms
            return
        t = self._last_ms
        guard = 0
        while t < now_ms:
            local = t + self.clock_offset_ms
            chunk_end = min(now_ms, self.schedule.next_switch_ms(local) - self.clock_offset_ms)
            used = self._accrue(chunk_end - t, self.schedule.period_at(local))
            t += used
            guard += 1
            if guard > 1_000_000:  # defensive: never spin forever
                break
        self._last_ms = now_ms

    def _accrue(self, dt_ms: int, period: int) -> int:
        """Consume `dt_ms` in one tariff period; returns the ms used (less if the relay tripped)."""
        power = self.effective_load_w()
        if power <= 0 or dt_ms <= 0:
            return dt_ms
        price = self.prices[period] if self.prepaid_active else 0
        total = self._residual_mj + power * dt_ms
        units = total // MJ_PER_UNIT
        auto_closed = any(
            not self.forced[ch] and self.channel_closed(ch) for ch in range(self.phases)
        )
        if self.prepaid_active and price > 0 and auto_closed:
            budget = self.remaining_fen - self.trip_threshold_fen  # fen left before the trip
            needed = -((self._cost_residual - budget * PRICE_SCALE) // price)  # ceil
            needed = max(needed, 1)
            if units >= needed:
                ms = -((self._residual_mj - needed * MJ_PER_UNIT) // power)  # ceil
                ms = max(1, min(ms, dt_ms))
                self._residual_mj = self._residual_mj + power * ms - needed * MJ_PER_UNIT
                self._apply_units(needed, period, price)
                return ms
        self._residual_mj = total - units * MJ_PER_UNIT
        self._apply_units(units, period, price)
        return dt_ms

    def _apply_units(self, units: int, period: int, price: int) -> None:
        if units <= 0:
            return
        self.energy[period] += units
        if price:
            self._cost_residual += units * price
            fen = self._cost_residual // PRICE_SCALE
            self._cost_residual -= fen * PRICE_SCALE
            self.remaining_fen -= fen
