"""The MeterBus implementation over a transport, driven by meter profiles; `open_bus` factory.

Retry policy (design §8.4): reads (real-time, money/power/force read-back) and idempotent writes
(force, money-parameter and day-period schedule downloads) are retried `config.retries` times after a
timeout, CRC or frame error (not after a flood: a babbling meter is cut off, not asked again). A recharge
(credit write) and a clock set are sent exactly once: after a lost reply the
caller reads the purchase count back before deciding anything. An exception reply is never retried.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import TypeVar

from acrel_console.domain.readings import ForceMode, MeterReading, MoneyParams, RechargeAck
from acrel_console.drivers import decode, pdu, tou, vendor20
from acrel_console.drivers.api import (
    BusConfig,
    BusCounters,
    BusError,
    BusUnavailable,
    ExceptionReply,
    FloodError,
    FrameError,
    InvalidRequest,
    MeterBus,
    MeterTimeout,
)
from acrel_console.drivers.profiles import Profile, ProfileError, ReadSpec, TouSpec, VendorGroup, load_profile
from acrel_console.drivers.transports import Transport, make_transport

T = TypeVar("T")
_RETRYABLE = (MeterTimeout, FrameError)  # CrcError is a FrameError
GATEWAY_NO_ANSWER = (0x0A, 0x0B)  # Modbus exceptions "gateway path unavailable" / "target failed to respond"


class ModbusMeterBus:
    """One bus (serial port or gateway port); not thread-safe, used by its bus worker only."""

    def __init__(self, config: BusConfig, transport: Transport | None = None) -> None:
        self.config = config
        self.counters = BusCounters()
        self._transport = transport or make_transport(config, self.counters)
        self._transport.counters = self.counters

    # -- connection -------------------------------------------------------------------------
    def connect(self) -> None:
        """Open the port/connection now (calls also connect lazily)."""
        self._guard(self._transport.open)

    def close(self) -> None:
        """Close the port/connection; the next call reconnects."""
        self._transport.close()

    @property
    def transport(self) -> Transport:
        """The underlying transport (for benchmarks and diagnostics)."""
        return self._transport

    # -- plumbing ---------------------------------------------------------------------------
    def _guard(self, fn: Callable[[], T]) -> T:
        """Run fn; let BusError through, turn anything else (a bug) into FrameError."""
        try:
            return fn()
        except BusError:
            raise
        except ProfileError as exc:
            raise InvalidRequest(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - the contract: nothing but BusError escapes
            self.counters.frame_errors += 1
            raise FrameError(f"internal error while decoding: {exc!r}") from exc

    def _profile(self, model: str) -> Profile:
        try:
            return load_profile(model)
        except ProfileError as exc:
            raise InvalidRequest(str(exc)) from None

    def _count(self, kind: str) -> None:
        self.counters.by_kind[kind] = self.counters.by_kind.get(kind, 0) + 1

    def _exchange(self, address: int, request: bytes, spec: pdu.ReplySpec, *, retry: bool,
                  cipher: tuple[int, int, int, int] | None = None) -> bytes:
        if not 1 <= address <= 247:
            raise InvalidRequest(f"address out of range 1..247: {address}")
        attempts = 1 + (max(self.config.retries, 0) if retry else 0)
        for attempt in range(attempts):
            try:
                reply = self._transport.exchange(address, request, spec, cipher, resend=retry)
            except FloodError:
                raise  # a meter babbling on the line is cut off, not asked again
            except _RETRYABLE:
                if attempt + 1 >= attempts:
                    raise
                self._count("retries")
                continue
            if spec.is_exception(reply):
                if reply[1] in GATEWAY_NO_ANSWER:
                    # A Modbus-TCP gateway saying the meter behind it did not answer: a timeout
                    # for the offline logic (and for credit: read back before anything else).
                    self.counters.timeouts += 1
                    if attempt + 1 < attempts:
                        self._count("retries")
                        continue
                    raise MeterTimeout(f"gateway: no answer from unit {address} (exception {reply[1]})")
                self.counters.exceptions += 1
                raise ExceptionReply(spec.function, reply[1])
            return reply
        raise MeterTimeout("no attempt made")  # unreachable: attempts >= 1

    def _read_block(self, address: int, start: int, count: int) -> bytes:
        request, spec = pdu.read_holding_request(start, count)
        reply = self._exchange(address, request, spec, retry=True)
        return pdu.registers_data(reply, spec)

    def _cipher(self, profile: Profile) -> tuple[int, int, int, int] | None:
        if self.config.cipher_key is None:
            return None
        if profile.link_cipher != "tea16":
            raise InvalidRequest(f"profile {profile.name} has no link cipher")
        return self.config.cipher_key

    def _vendor(self, address: int, profile: Profile, group: VendorGroup | None, data: bytes,
                *, retry: bool, what: str) -> vendor20.VendorReply:
        if group is None or profile.vendor_function != pdu.VENDOR_FEE:
            raise InvalidRequest(f"model {profile.name} does not support {what}")
        if len(data) != group.registers * 2:
            raise InvalidRequest(f"{what}: payload is {len(data)} bytes, profile says {group.registers * 2}")
        request, spec = vendor20.request(group.group, group.channel, data)
        cipher = self._cipher(profile) if group.group in profile.cipher_groups else None
        reply = self._exchange(address, request, spec, retry=retry, cipher=cipher)
        return vendor20.decode_reply(reply, group.group, group.channel)

    # -- reads ------------------------------------------------------------------------------
    def read_realtime(self, address: int, model: str) -> MeterReading:
        """The profile's real-time blocks (Acrel: one FC03 of 0x0200 x 48), decoded."""
        def run() -> MeterReading:
            profile = self._profile(model)
            self._count("read_realtime")
            datas = [self._read_block(address, b.start, b.count) for b in profile.realtime.blocks]
            return decode.decode_realtime(profile, datas, datetime.now(timezone.utc))

        return self._guard(run)

    def read_status(self, address: int, model: str) -> MeterReading:
        """The profile's short status read ([status] blocks; the real-time blocks without one), decoded:
        only Profile.status_fields are set."""
        def run() -> MeterReading:
            profile = self._profile(model)
            spec = profile.status_read
            self._count("read_status")
            datas = [self._read_block(address, b.start, b.count) for b in spec.blocks]
            return decode.decode_realtime(profile, datas, datetime.now(timezone.utc), spec)

        return self._guard(run)

    def read_money_params(self, address: int, model: str) -> MoneyParams:
        """The money-control read-back block (+ power-control block for the overload power; a
        meter that answers that read with an exception gives overload_power_w=None)."""
        def run() -> MoneyParams:
            profile = self._profile(model)
            if profile.money_read is None:
                raise InvalidRequest(f"model {profile.name} has no money parameters")
            self._count("read_money_params")
            money = self._read_block(address, profile.money_read.block.start, profile.money_read.block.count)
            power = None
            if profile.power_read is not None:
                try:
                    power = self._read_power(address, profile, profile.power_read)
                except ExceptionReply:
                    power = None  # no power-control block on this meter: overload stays unknown
            return decode.decode_money_params(profile, money, power)

        return self._guard(run)

    def _circuits(self, address: int, profile: Profile, per_circuit: bool) -> list[int]:
        """The addresses a per-circuit block or command goes to (ADF three-phase user: a, a+1, a+2)."""
        return [address + i for i in range(profile.circuits)] if per_circuit else [address]

    def _read_power(self, address: int, profile: Profile, spec: ReadSpec) -> bytes | None:
        """The power-control block; read at every circuit when per circuit, and then given only when all
        circuits agree on the overload power (None: the phases differ, shown as unknown)."""
        datas = [self._read_block(a, spec.block.start, spec.block.count)
                 for a in self._circuits(address, profile, spec.per_circuit)]
        values = {decode.decode_read_block(spec, d, profile.word_order).get("overload_power_w") for d in datas}
        return datas[0] if len(values) == 1 else None

    def read_force_state(self, address: int, model: str) -> tuple[bool, bool]:
        """(forced, forced_open) read back from the force-control registers (0x0057/0x0058)."""
        def run() -> tuple[bool, bool]:
            profile = self._profile(model)
            f = profile.force
            if f.method != "registers" or not f.readback or f.enable_reg is None:
                raise InvalidRequest(f"model {profile.name} has no force-control read-back")
            self._count("read_force_state")
            return decode.decode_force_state(self._read_block(address, f.enable_reg, 2))

        return self._guard(run)

    # -- commands ---------------------------------------------------------------------------
    def recharge(self, address: int, model: str, amount_fen: int, purchase_count: int) -> RechargeAck:
        """Vendor 0x20 group 01, sent once (never retried here). applied=False: duplicate ignored."""
        def run() -> RechargeAck:
            profile = self._profile(model)
            if profile.metering_only:
                raise InvalidRequest(f"model {profile.name} is metering-only: no remote recharge")
            data = vendor20.purchase_data(amount_fen, purchase_count)
            self._count("recharge")
            r = self._vendor(address, profile, profile.purchase, data, retry=False, what="recharge")
            return RechargeAck(applied=r.status == vendor20.STATUS_APPLIED, remaining_fen=r.remaining_fen,
                               purchase_count=r.purchase_count)

        return self._guard(run)

    def write_money_params(self, address: int, model: str, params: MoneyParams) -> None:
        """Download prices, alarm amounts, overdraft, fee-control on/off (group 02) and the overload
        power (group 04, after reading the other power-control values back).

        Money itself (remaining, purchase count, total purchased) is never written here: those
        fields of `params` are ignored; credit moves only through recharge(). Alarm 1 and alarm 2
        go together (one flag in the layout) and so do the four prices.
        """
        def run() -> None:
            profile = self._profile(model)
            values: dict[str, int] = {}
            if params.fee_control_on is not None:
                values["fee_control_on"] = int(params.fee_control_on)
            if params.alarm1_fen is not None:
                values["alarm1_fen"] = params.alarm1_fen
            if params.alarm2_fen is not None:
                values["alarm2_fen"] = params.alarm2_fen
            if params.prices is not None:
                if len(params.prices) != 4:
                    raise InvalidRequest("four prices are needed (尖 峰 平 谷)")
                for i, p in enumerate(params.prices, 1):
                    values[f"price{i}"] = p
            if params.overdraft_fen is not None:
                values["overdraft_fen"] = params.overdraft_fen
            for v in values.values():
                if not isinstance(v, int):
                    raise InvalidRequest("money parameters must be integers")
            if values:
                group = profile.money_params
                if group is None:
                    raise InvalidRequest(f"model {profile.name} does not take money parameters")
                data = vendor20.encode_flagged(group.registers * 2, group.items, values)
                self._count("write_money_params")
                self._vendor(address, profile, group, data, retry=True, what="money parameters")
            if params.overload_power_w is not None:
                self._write_overload(address, profile, params.overload_power_w)

        self._guard(run)

    def _write_overload(self, address: int, profile: Profile, power_w: int) -> None:
        if profile.power is None or profile.power_read is None:
            raise InvalidRequest(f"model {profile.name} does not take an overload power")
        if power_w < 0 or power_w % 10:
            raise InvalidRequest("overload power must be a non-negative multiple of 10 W (0.01 kW)")
        b = profile.power_read.block
        for circuit in self._circuits(address, profile, profile.power.per_circuit):
            current = decode.decode_read_block(profile.power_read, self._read_block(circuit, b.start, b.count),
                                               profile.word_order)
            data = vendor20.power_control_data(power_w // 10, int(current.get("power_increment_10w", 0)),
                                               int(current.get("pf_threshold_milli", 0)))
            self._count("write_overload")
            self._vendor(circuit, profile, profile.power, data, retry=True, what="overload power")

    def force(self, address: int, model: str, mode: ForceMode) -> None:
        """Trip / keep power / restore prepaid, as the profile says (Acrel: FC10 0x0057..0x0058)."""
        def run() -> None:
            profile = self._profile(model)
            try:
                m = ForceMode(mode)
            except ValueError:
                raise InvalidRequest(f"unknown force mode {mode!r}") from None
            f = profile.force
            self._count("force")
            if f.method == "registers" and f.enable_reg is not None:
                vals = {ForceMode.TRIP: f.trip, ForceMode.KEEP_POWER: f.keep_power,
                        ForceMode.RESTORE_PREPAID: f.restore_prepaid}[m]
                request, spec = pdu.write_multiple_request(f.enable_reg, list(vals))
                pdu.check_reply(self._exchange(address, request, spec, retry=True), spec)
            elif f.method == "vendor20":
                data = vendor20.force_data(m, profile.phases)
                self._vendor(address, profile, profile.vendor_force, data, retry=True, what="forced switching")
            else:
                raise InvalidRequest(f"model {profile.name} has no remote switching")

        self._guard(run)

    def write_schedule(self, address: int, model: str, schedule: Sequence[tuple[int, int]]) -> None:
        """Download a day-period schedule (时段表): the year-zone table (one zone, schedule 1) and schedule 1,
        FC10 each (idempotent, so retried like a read). `schedule` is (start minute, period 0..3) pairs."""
        def run() -> None:
            spec = self._tou(model)
            try:
                data = tou.encode_schedule(schedule, spec.slots)
            except tou.ScheduleError as exc:
                raise InvalidRequest(str(exc)) from None
            self._count("write_schedule")
            if spec.zones_reg is not None:
                request, reply = pdu.write_multiple_request(spec.zones_reg, tou.padded(tou.encode_zones(spec.zones)))
                pdu.check_reply(self._exchange(address, request, reply, retry=True), reply)
            request, reply = pdu.write_multiple_request(spec.schedule_reg, tou.padded(data))
            pdu.check_reply(self._exchange(address, request, reply, retry=True), reply)

        self._guard(run)

    def read_schedule(self, address: int, model: str) -> tou.TouTable:
        """The meter's year zones and schedule 1, read back (FC03)."""
        def run() -> tou.TouTable:
            spec = self._tou(model)
            self._count("read_schedule")
            zones: tuple[tuple[int, int, int], ...] = ()
            if spec.zones_reg is not None:
                zone_bytes = spec.zones * tou.ZONE_BYTES
                zones = tou.decode_zones(self._read_block(address, spec.zones_reg,
                                                          tou.registers_for(zone_bytes))[:zone_bytes])
            slot_bytes = spec.slots * tou.SLOT_BYTES
            data = self._read_block(address, spec.schedule_reg, tou.registers_for(slot_bytes))[:slot_bytes]
            return tou.TouTable(zones or ((1, 1, 1),), tou.decode_schedule(data))

        return self._guard(run)

    def _tou(self, model: str) -> TouSpec:
        profile = self._profile(model)
        if profile.tou is None:
            raise InvalidRequest(f"model {profile.name} takes no day-period schedule")
        return profile.tou

    def set_clock(self, address: int, model: str, at_local: datetime) -> None:
        """Vendor 0x20 group 03 channel 0x54 with the site-local time (sent once)."""
        def run() -> None:
            profile = self._profile(model)
            data = vendor20.clock_data(at_local)
            self._count("set_clock")
            self._vendor(address, profile, profile.clock_set, data, retry=False, what="clock setting")

        self._guard(run)


def open_bus(config: BusConfig) -> MeterBus:
    """A MeterBus for `config` (kind serial | modbus-tcp | rtu-over-tcp). Connects lazily;
    raises BusUnavailable for an unusable configuration."""
    if config.cipher_key is not None and config.kind == "modbus-tcp":
        raise BusUnavailable(f"bus {config.name}: the link cipher needs an RTU line, not Modbus-TCP")
    return ModbusMeterBus(config)


__all__ = ["ModbusMeterBus", "open_bus"]
