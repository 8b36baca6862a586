"""An in-process model of Acrel prepaid meters behind a fake MeterBus, with injectable faults.

Meter rules are design §13: a recharge applies only when its count is current + 1, is ignored when
equal (duplicate), and answers exception 04 otherwise; a refund may not go below zero.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from acrel_console.domain.readings import ForceMode, MeterReading, MoneyParams, RechargeAck
from acrel_console.drivers.api import BusCounters, ExceptionReply, MeterTimeout


@dataclass
class ModelMeter:
    """The money state of one simulated meter (non-volatile across reboots)."""

    purchase_count: int = 0
    remaining_fen: int = 0
    prices: tuple[int, int, int, int] = (10000, 10000, 10000, 10000)
    alarm1_fen: int = 5000
    alarm2_fen: int = 2000
    overdraft_fen: int = 0
    relay_closed: bool = True
    applied: list[tuple[int, int]] = field(default_factory=list)  # (count, amount) history
    down_calls: int = 0  # > 0: rebooting, the next calls time out
    use_fen: int = 0  # energy used (in fen) between any two calls: consumption while the console works
    use_before_recharge: int = 0  # used once between the console's reading and its next recharge frame
    used_fen: int = 0  # all the energy it deducted so far
    refuse: bool = False  # refuses every recharge (exception 04) as a broken or locked meter would
    forced: bool = False  # force control on (trip or keep power)

    def use(self, fen: int) -> None:
        """The tenant uses energy worth `fen` (the meter deducts it; it stops at zero, no overdraft)."""
        fen = max(0, min(fen, self.remaining_fen))
        self.remaining_fen -= fen
        self.used_fen += fen
        self.prepaid_relay()

    def prepaid_relay(self) -> None:
        """Without force control the meter's own prepaid logic: relay closed while credit is positive."""
        if not self.forced:
            self.relay_closed = self.remaining_fen > 0


# A fault decides what happens to one call: None (normal), 'lost_request', 'lost_reply', 'timeout',
# 'reboot', 'duplicate'.
FaultPlan = Callable[[str, int], str | None]


class FakeBus:
    """A MeterBus over ModelMeters. Faults come from `plan(call_name, address)`."""

    def __init__(self, meters: dict[int, ModelMeter] | None = None, plan: FaultPlan | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.meters = meters if meters is not None else {}
        self.plan = plan or (lambda _call, _addr: None)
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.counters = BusCounters()
        self.calls: list[tuple[str, int]] = []

    def connect(self) -> None:
        return None

    def close(self) -> None:
        return None

    def _meter(self, address: int, call: str) -> tuple[ModelMeter, str | None]:
        self.calls.append((call, address))
        self.counters.requests += 1
        m = self.meters.get(address)
        if m is None:
            raise MeterTimeout(f"no meter at {address}")
        if m.down_calls > 0:
            m.down_calls -= 1
            raise MeterTimeout("rebooting")
        if m.use_fen:
            m.use(m.use_fen)
        fault = self.plan(call, address)
        if fault in ("lost_request", "timeout"):
            self.counters.timeouts += 1
            raise MeterTimeout(fault)
        if fault == "reboot":
            m.down_calls = 2
            raise MeterTimeout("reboot")
        return m, fault

    def read_realtime(self, address: int, model: str) -> MeterReading:
        m, fault = self._meter(address, "read_realtime")
        reading = MeterReading(read_at=self.clock(), type_code=7, remaining_fen=m.remaining_fen,
                               purchase_count=m.purchase_count, relay_closed=(m.relay_closed,))
        if fault == "lost_reply":
            raise MeterTimeout("reply lost")
        return reading

    def _apply(self, m: ModelMeter, amount_fen: int, count: int) -> RechargeAck:
        if count == m.purchase_count:
            return RechargeAck(False, m.remaining_fen, m.purchase_count)
        if m.refuse or count != m.purchase_count + 1 or (amount_fen < 0 and m.remaining_fen + amount_fen < 0):
            raise ExceptionReply(0x20, 4)
        m.purchase_count = count
        m.remaining_fen += amount_fen
        m.applied.append((count, amount_fen))
        m.prepaid_relay()
        return RechargeAck(True, m.remaining_fen, m.purchase_count)

    def recharge(self, address: int, model: str, amount_fen: int, purchase_count: int) -> RechargeAck:
        m, fault = self._meter(address, "recharge")
        if m.use_before_recharge:
            m.use(m.use_before_recharge)
            m.use_before_recharge = 0
        ack = self._apply(m, amount_fen, purchase_count)
        if fault == "duplicate":
            ack = self._apply(m, amount_fen, purchase_count)
        if fault == "lost_reply":
            raise MeterTimeout("reply lost")
        return ack

    def read_money_params(self, address: int, model: str) -> MoneyParams:
        m, fault = self._meter(address, "read_money_params")
        if fault == "lost_reply":
            raise MeterTimeout("reply lost")
        return MoneyParams(fee_control_on=True, purchase_count=m.purchase_count, prices=m.prices,
                           alarm1_fen=m.alarm1_fen, alarm2_fen=m.alarm2_fen, overdraft_fen=m.overdraft_fen,
                           remaining_fen=m.remaining_fen)

    def write_money_params(self, address: int, model: str, params: MoneyParams) -> None:
        m, fault = self._meter(address, "write_money_params")
        for name in ("prices", "alarm1_fen", "alarm2_fen", "overdraft_fen"):
            value = getattr(params, name)
            if value is not None:
                setattr(m, name, tuple(value) if name == "prices" else value)
        if fault == "lost_reply":
            raise MeterTimeout("reply lost")

    def force(self, address: int, model: str, mode: ForceMode) -> None:
        m, _fault = self._meter(address, "force")
        m.forced = mode != ForceMode.RESTORE_PREPAID
        m.relay_closed = mode == ForceMode.KEEP_POWER
        m.prepaid_relay()

    def read_force_state(self, address: int, model: str) -> tuple[bool, bool]:
        m, _fault = self._meter(address, "read_force_state")
        return m.forced, m.forced and not m.relay_closed

    def set_clock(self, address: int, model: str, at_local: datetime) -> None:
        self._meter(address, "set_clock")


def random_plan(rng: random.Random, rate: float) -> FaultPlan:
    """Faults drawn from a seeded generator at the given rate."""
    kinds = ("lost_request", "lost_reply", "timeout", "reboot", "duplicate")

    def plan(_call: str, _addr: int) -> str | None:
        return rng.choice(kinds) if rng.random() < rate else None

    return plan
