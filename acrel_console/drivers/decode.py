"""Profile-driven decoders: register bytes -> MeterReading / MoneyParams / force state. Pure, no I/O.

Every failure is a FrameError (wrong block length, value outside the data); a clock whose bytes are
not a valid date decodes to meter_clock=None with extra["clock_invalid"]=1 rather than failing the
whole reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from acrel_console.domain.readings import MeterReading, MoneyParams
from acrel_console.drivers.api import FrameError
from acrel_console.drivers.profiles import (VALUE_TYPES, BitSpec, Block, NamedValue, Profile, ReadSpec, RealtimeSpec,
                                            ValueSpec)

_SIGNED = {"i8", "i16", "i32"}


def _locate(blocks: Sequence[Block], datas: Sequence[bytes], reg: int, byte: int, size: int) -> bytes:
    for block, data in zip(blocks, datas):
        off = (reg - block.start) * 2 + byte
        if off >= 0 and off + size <= block.count * 2:
            if off + size > len(data):
                raise FrameError("register data shorter than its block")
            return data[off : off + size]
    raise FrameError(f"register 0x{reg:04X} not in the data read")


def value(spec: ValueSpec, blocks: Sequence[Block], datas: Sequence[bytes], word_order: str = "big") -> int:
    """One scaled integer value."""
    size = VALUE_TYPES[spec.type]
    raw = _locate(blocks, datas, spec.reg, spec.byte, size)
    if size == 4 and word_order == "little":
        raw = raw[2:4] + raw[0:2]
    n = int.from_bytes(raw, "big", signed=spec.type in _SIGNED)
    return n * spec.mul // spec.div


def bit(spec: BitSpec, blocks: Sequence[Block], datas: Sequence[bytes]) -> bool:
    """One status bit."""
    b = _locate(blocks, datas, spec.reg, spec.byte, 1)[0]
    return bool((b >> spec.bit) & 1) != spec.invert


def _values(named: Sequence[NamedValue], blocks: Sequence[Block], datas: Sequence[bytes], order: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for nv in named:
        vals = tuple(value(s, blocks, datas, order) for s in nv.specs)
        out[nv.name] = vals if nv.many else vals[0]
    return out


def decode_clock(raw: bytes) -> datetime | None:
    """YY MM DD WW hh mm ss (binary) -> naive datetime, None if not a valid date."""
    if len(raw) != 7:
        return None
    yy, mo, dd, _ww, hh, mi, ss = raw
    try:
        return datetime(2000 + yy, mo, dd, hh, mi, ss)
    except ValueError:
        return None


def _check_lengths(blocks: Sequence[Block], datas: Sequence[bytes]) -> None:
    if len(blocks) != len(datas):
        raise FrameError(f"expected {len(blocks)} register blocks, got {len(datas)}")
    for block, data in zip(blocks, datas):
        if len(data) != block.count * 2:
            raise FrameError(f"block 0x{block.start:04X}: {len(data)} data bytes, expected {block.count * 2}")


def decode_realtime(profile: Profile, datas: Sequence[bytes], read_at: datetime,
                    spec: RealtimeSpec | None = None) -> MeterReading:
    """Decode the data bytes of the profile's real-time blocks (in profile order) into a reading; with
    `spec` (the profile's status read) only the values and bits it holds are set (Profile.status_fields)."""
    rt = spec or profile.realtime
    _check_lengths(rt.blocks, datas)
    kw: dict[str, Any] = _values(rt.values, rt.blocks, datas, profile.word_order)
    for nb in rt.bits:
        flags = tuple(bit(s, rt.blocks, datas) for s in nb.specs)
        kw[nb.name] = flags if nb.many else flags[0]
    if kw.get("forced") is False:
        kw["forced_open"] = False  # forced_open only means something while forced
    extra: dict[str, int] = _values(rt.extra, rt.blocks, datas, profile.word_order)
    if rt.clock is not None:
        clk = decode_clock(_locate(rt.blocks, datas, rt.clock.reg, rt.clock.byte, 7))
        kw["meter_clock"] = clk
        if clk is None:
            extra["clock_invalid"] = 1
    for key in ("voltage_dv", "current_ca", "power_w", "reactive_var", "pf_milli"):
        if key in kw and not isinstance(kw[key], tuple):
            kw[key] = (kw[key],)
    if "energy_by_period" in kw:
        ebp = kw["energy_by_period"]
        if not isinstance(ebp, tuple) or len(ebp) != 4:
            raise FrameError("energy_by_period needs four values")
    kw.setdefault("type_code", None)
    return MeterReading(read_at=read_at, extra=extra, secondary_side=rt.secondary_side, **kw)


def decode_read_block(spec: ReadSpec, data: bytes, word_order: str = "big") -> dict[str, Any]:
    """Values of a read-back block (money or power control)."""
    _check_lengths((spec.block,), (data,))
    return _values(spec.values, (spec.block,), (data,), word_order)


def decode_money_params(profile: Profile, money_data: bytes, power_data: bytes | None = None) -> MoneyParams:
    """MoneyParams from the money read-back block (and the power-control block when given)."""
    if profile.money_read is None:
        raise FrameError(f"profile {profile.name} has no money-parameter block")
    vals = decode_read_block(profile.money_read, money_data, profile.word_order)
    if power_data is not None and profile.power_read is not None:
        pv = decode_read_block(profile.power_read, power_data, profile.word_order)
        if "overload_power_w" in pv:
            vals["overload_power_w"] = pv["overload_power_w"]
    kw: dict[str, Any] = {}
    for name in ("purchase_count", "alarm1_fen", "alarm2_fen", "overdraft_fen", "total_purchased_fen",
                 "remaining_fen", "overload_power_w"):
        if name in vals:
            kw[name] = vals[name]
    if "fee_control_on" in vals:
        kw["fee_control_on"] = bool(vals["fee_control_on"])
    if "prices" in vals:
        prices = vals["prices"]
        if not isinstance(prices, tuple) or len(prices) != 4:
            raise FrameError("prices need four values")
        kw["prices"] = prices
    return MoneyParams(**kw)


def decode_force_state(data: bytes) -> tuple[bool, bool]:
    """(forced, forced_open) from FC03 data of [enable_reg, enable_reg+1]."""
    if len(data) != 4:
        raise FrameError("force state needs 2 registers")
    enable = int.from_bytes(data[0:2], "big")
    opened = int.from_bytes(data[2:4], "big")
    return enable != 0, enable != 0 and opened != 0
