"""Holding-register images of a simulated meter (FC03 reads) and the registers FC10 may write."""

from __future__ import annotations

import math
import struct
from datetime import datetime

from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.drivers.simulator.tariff import TouSchedule


def _u16(v: int) -> bytes:
    return struct.pack(">H", max(0, min(0xFFFF, v)))


def _i16(v: int) -> bytes:
    return struct.pack(">h", max(-32768, min(32767, v)))


def _u32(v: int) -> bytes:
    return struct.pack(">I", v & 0xFFFFFFFF)


def _i32(v: int) -> bytes:
    return struct.pack(">i", max(-(2**31), min(2**31 - 1, v)))


def _words(data: bytes) -> list[int]:
    if len(data) % 2:
        data += b"\x00"
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def bcd6(number: str) -> bytes:
    """12 decimal digits -> 6 BCD bytes, most significant first."""
    digits = number.rjust(12, "0")[-12:]
    if not digits.isdigit():
        raise ValueError("meter number must be decimal digits")
    return bytes((int(digits[i]) << 4) | int(digits[i + 1]) for i in range(0, 12, 2))


def electrical(m: SimMeter) -> dict[str, tuple[int, ...]]:
    """Per-phase U (0.1 V), I (0.01 A), P (W), Q (var), PF (0.001): totals last for P, Q, PF."""
    powers = m.phase_power_w()
    volts, amps, pfs, reactive = [], [], [], []
    for ch in range(3):
        if ch >= m.phases:
            volts.append(0)
            amps.append(0)
            pfs.append(0)
            reactive.append(0)
            continue
        u = m.voltage_dv[ch]
        volts.append(u)
        p = powers[ch]
        if p > 0 and u > 0 and m.pf_milli > 0:
            amps.append(p * 1_000_000 // (u * m.pf_milli))
            pfs.append(m.pf_milli)
            pf = m.pf_milli / 1000
            reactive.append(int(p * math.sqrt(max(0.0, 1 - pf * pf)) / pf))
        else:
            amps.append(0)
            pfs.append(1000)
            reactive.append(0)
    p_total = sum(powers)
    q_total = sum(reactive)
    pf_total = m.pf_milli if p_total > 0 else 1000
    return {
        "u": tuple(volts),
        "i": tuple(amps),
        "p": (*powers, p_total),
        "q": (*reactive, q_total),
        "pf": (*pfs, pf_total),
    }


def realtime_block(m: SimMeter, clock: datetime) -> bytes:
    """The 96-byte 0x0200 x 48 block, laid out as hardware doc §1.3 (byte offsets in comments)."""
    e = electrical(m)
    out = bytearray()
    out += _u16(m.model.type_code)  # 0-1
    for v in e["u"]:
        out += _u16(v)  # 2-7
    for v in e["i"]:
        out += _u16(v)  # 8-13
    for v in e["p"]:
        out += _i16(v)  # 14-21 (0.001 kW = W)
    for v in e["q"]:
        out += _i16(v)  # 22-29
    for v in e["pf"]:
        out += _i16(v)  # 30-37
    out += _u16(m.pt_ratio) + _u16(m.ct_ratio)  # 38-41
    out += _u32(m.energy_total)  # 42-45
    for v in m.energy:
        out += _u32(v)  # 46-61 尖 峰 平 谷
    out += _i32(m.remaining_fen)  # 62-65
    out += _u16(m.purchase_count)  # 66-67
    out += _u16(m.overload_trips)  # 68-69 负控次数
    out += _u16(m.power_control[0].max_over_count)  # 70-71 允许次数
    out += bytes((m.status_hi(), m.status_lo()))  # 72-73
    out += _u16(m.control_status())  # 74-75
    out += _u32(m.base_energy)  # 76-79
    weekday = (clock.weekday() + 1) % 7  # Sunday = 0
    out += bytes(
        (clock.year - 2000, clock.month, clock.day, weekday, clock.hour, clock.minute, clock.second)
    )  # 80-86
    out += bytes(7)  # 87-93: max demand, demand time, reserved
    if m.model is Model.ADF400L:
        out += bytes((m.adf_board_code, 0 if m.three_phase else 1))  # 94-95
    else:
        out += bytes(2)
    assert len(out) == 96
    return bytes(out)


def _manual_block(m: SimMeter) -> bytes:
    """0x0000 x 17 (hardware doc §1.2): energies, code, U, I, P, Q, S, PF (phase A / totals)."""
    e = electrical(m)
    out = bytearray()
    out += _u32(m.energy_total)
    for v in m.energy:
        out += _u32(v)
    out += _u16(0)  # 000A code
    out += _u16(e["u"][0])
    out += _u16(e["i"][0])
    p_total = e["p"][3]
    q_total = e["q"][3]
    out += _i16(p_total)
    out += _i16(q_total)
    out += _u16(int(math.hypot(p_total, q_total)))
    out += _i16(e["pf"][3])
    return bytes(out)


def _prepaid_block(m: SimMeter) -> bytes:
    """0x0046 x 28 (hardware doc §1.4): alarm amounts, overdraft, count, remaining, force, prices."""
    out = bytearray()
    out += _i32(m.alarm1_fen) + _i32(m.alarm2_fen) + _i32(m.overdraft_fen)  # 46-4B
    out += bytes(4)  # 4C-4D
    out += _u16(m.purchase_count)  # 4E
    out += _i32(m.remaining_fen)  # 4F-50
    out += bytes(8)  # 51-54
    out += bytes((1 if m.fee_control_on else 0, 0))  # 55
    out += _u16(0)  # 56
    out += _u16(1 if m.forced[0] else 0) + _u16(1 if m.forced_open[0] else 0)  # 57, 58
    for p in m.prices:
        out += _i32(p)  # 59-60
    out += _u16(m.power_control[0].max_power_ckw)  # 61
    return bytes(out)


def _money_readback(m: SimMeter) -> bytes:
    """0x0400 x 25 (DDSY/DTSY, hardware doc §1.4)."""
    out = bytearray()
    out += _u16(1 if m.fee_control_on else 0)  # 0400
    out += _u16(m.purchase_count)  # 0401
    for p in m.prices:
        out += _i32(p)  # 0402-0409
    out += _i32(m.alarm1_fen) + _i32(m.alarm2_fen)  # 040A-040D
    out += _i32(m.overdraft_fen)  # 040E-040F
    out += bytes(4)  # 0410-0411
    out += _i32(m.total_purchased_fen)  # 0412-0413
    out += _i32(m.remaining_fen)  # 0414-0415
    out += _i32(m.base_energy)  # 0416-0417
    out += _u16(m.param_byte)  # 0418
    return bytes(out)


def _adf_money_readback(m: SimMeter) -> bytes:
    """0x0500 x 18 (ADF circuit): 0500 on/off, 0501-0508 prices, 0509-050C alarms; project
    decision for the unknown words: 050D-050E overdraft, 050F purchase count, 0510-0511 remaining."""
    out = bytearray()
    out += _u16(1 if m.fee_control_on else 0)
    for p in m.prices:
        out += _i32(p)
    out += _i32(m.alarm1_fen) + _i32(m.alarm2_fen)
    out += _i32(m.overdraft_fen)
    out += _u16(m.purchase_count)
    out += _i32(m.remaining_fen)
    return bytes(out)


def _power_channel(m: SimMeter, ch: int) -> bytes:
    pc = m.power_control[ch]
    return (
        _u16(pc.max_power_ckw)
        + _u16(pc.increment_ckw)
        + _u16(pc.pf_threshold_milli)
        + _u16(pc.unknown_u16)
        + _u16(pc.max_over_count)
        + bytes((pc.recover_delay_min, pc.unknown_u8))
    )


def _power_readback(m: SimMeter) -> bytes:
    """0x0480: DDSY/ADF x7 (on/off + one channel); DTSY x19 (status bits + 3 channels)."""
    if m.phases == 1:
        return _u16(1 if m.power_control[0].enabled else 0) + _power_channel(m, 0)
    bits = 0
    if all(pc.enabled for pc in m.power_control):
        bits |= 0x08
    for ch, bit in ((0, 0x04), (1, 0x02), (2, 0x01)):
        if m.power_control[ch].enabled:
            bits |= bit
    return _u16(bits) + b"".join(_power_channel(m, ch) for ch in range(3))


def adf_power_block(m: SimMeter, ch: int) -> bytes:
    """0x0700 x 8 (ADF circuit power control, hardware doc §3.3): 0700 on/off, then the DDSY 0x0481 field
    order (max power 0.01 kW, increment, PF, unknown, max over-count, recover delay | unknown byte), 0707 0.
    A three-phase user's L2/L3 circuits answer it at address +1/+2 (their channel `ch`)."""
    return _u16(1 if m.power_control[ch].enabled else 0) + _power_channel(m, ch) + _u16(0)


ADF_MONEY_1P, ADF_MONEY_3P = 0x0500, 0x0536  # per-circuit money read-back, hardware doc §3.3


def part_register_map(m: SimMeter, ch: int) -> dict[int, int]:
    """What the L2/L3 circuit (channel `ch`) of a three-phase ADF user answers: its power control."""
    return {0x0700 + i: w for i, w in enumerate(_words(adf_power_block(m, ch)))}


def _comm_block(m: SimMeter) -> bytes:
    """0x0360 x 5: slave address, baud idx 3 (9600), parity 0, stop 0, meter number 6 x BCD."""
    return bytes((m.address, 3, 0, 0)) + bcd6(m.meter_no)


def _adl400_map(m: SimMeter) -> dict[int, int]:
    """ADL400 secondary-side integer map (hardware doc §2.1); unknown words in a range read 0."""
    e = electrical(m)
    regs: dict[int, int] = {}

    def put(start: int, data: bytes) -> None:
        for i, w in enumerate(_words(data)):
            regs[start + i] = w

    put(0x0000, bytes(0x16 * 2))
    put(0x0000, _u32(m.energy_total))
    put(0x000A, _u32(m.energy_total))
    put(0x0014, _u32(0))
    put(0x0061, bytes((0x77 - 0x61 + 1) * 2))
    put(0x0061, b"".join(_u16(v) for v in e["u"]))
    put(0x0064, b"".join(_u16(v) for v in e["i"]))
    put(0x0077, _u16(m.frequency_chz))
    put(0x0089, bytes(6 * 2))
    put(0x0089, _i32(m.energy_total if m.phases == 1 else 0))
    put(0x008D, _u16(m.pt_ratio) + _u16(m.ct_ratio))
    put(0x0164, bytes((0x017F - 0x0164 + 1) * 2))
    put(0x0164, b"".join(_i32(v) for v in e["p"]))
    put(0x0172, _i32(e["q"][3]))
    p_total, q_total = e["p"][3], e["q"][3]
    put(0x017A, _i32(int(math.hypot(p_total, q_total))))
    put(0x017F, _i16(e["pf"][3]))
    return regs


def _tou_zones(m: SimMeter) -> bytes:
    """Year-zone table, 4 x [schedule, day, month] (as shipped: one zone from 1 January using schedule 1)."""
    return bytes(m.tou_zones[:12])


def _tou_schedule(m: SimMeter) -> bytes:
    """14 x [tariff, minute, hour] (tariff 1 尖 2 峰 3 平 4 谷, project decision); unused slots
    repeat the last switch point."""
    slots = [(p + 1, start % 60, start // 60) for start, p in m.schedule.points][:14]
    while len(slots) < 14:
        slots.append(slots[-1])
    return b"".join(bytes(s) for s in slots)


def register_map(m: SimMeter, clock: datetime) -> dict[int, int]:
    """Every readable holding register of `m` (address -> word) at meter time `clock`."""
    if m.model is Model.ADL400:
        return _adl400_map(m)
    regs: dict[int, int] = {}

    def put(start: int, data: bytes) -> None:
        for i, w in enumerate(_words(data)):
            regs[start + i] = w

    put(0x0000, _manual_block(m))
    put(0x0022, _u16(m.run_mode))
    put(0x0037, _u16(m.ct_ratio) + _u16(m.pt_ratio))
    put(0x0046, _prepaid_block(m))
    put(0x0063, _u16(0))
    put(0x0200, realtime_block(m, clock))
    put(0x0360, _comm_block(m))
    if m.model is Model.ADF400L:
        put(0x0700, adf_power_block(m, 0))
        put(ADF_MONEY_3P if m.three_phase else ADF_MONEY_1P, _adf_money_readback(m))
    else:
        put(0x0480, _power_readback(m))
        put(0x0400, _money_readback(m))
    if m.model is Model.DDSY1352:  # TOU tables, hardware doc §1.8 (zones and schedule 1 writable)
        put(0x2000, _tou_zones(m))
        put(0x2006, _tou_schedule(m))
        put(0x201B, _tou_schedule(m))
    elif m.model is Model.DTSY1352:
        put(0x0028, _tou_zones(m))
        put(0x2000, _tou_schedule(m))
        put(0x2015, _tou_schedule(m))
    return regs


WRITABLE = frozenset({0x0022, 0x0037, 0x0038, 0x0057, 0x0058, 0x0063})
# The 时段表 a meter takes by FC10 (hardware doc §1.8): year zones (6 regs) and schedule 1 (21 regs).
TOU_WRITABLE = {Model.DDSY1352: (0x2000, 0x2006), Model.DTSY1352: (0x0028, 0x2000)}
ZONE_REGS, SCHEDULE_REGS = 6, 21


def _write_tou(m: SimMeter, start: int, values: list[int]) -> bool | None:
    """An FC10 into the zones or schedule 1: applied when it covers the whole table and decodes (schedule
    1 from 00:00, tariffs 1..4, ascending switch points, unused slots repeating the last); False when
    refused; None when the write is not for the TOU tables."""
    regs = TOU_WRITABLE.get(m.model)
    if regs is None or start not in regs:
        return None
    data = b"".join(v.to_bytes(2, "big") for v in values)
    if start == regs[0]:
        if len(values) != ZONE_REGS or any(b > 31 for b in data):
            return False
        m.tou_zones = list(data)
        return True
    if len(values) != SCHEDULE_REGS:
        return False
    points: list[tuple[int, int]] = []
    for i in range(0, 42, 3):
        tariff, minute, hour = data[i:i + 3]
        if not 1 <= tariff <= 4 or minute >= 60 or hour >= 24:
            return False
        start_min = hour * 60 + minute
        if points and start_min <= points[-1][0]:
            if (start_min, tariff - 1) != points[-1]:
                return False  # only repeats of the last switch point may follow it
            continue
        points.append((start_min, tariff - 1))
    try:
        m.schedule = TouSchedule(tuple(points))
    except ValueError:
        return False  # not starting at 00:00
    return True


def write_registers(m: SimMeter, start: int, values: list[int]) -> bool:
    """Apply an FC10 write; False (nothing changed) when any register is not writable."""
    addrs = range(start, start + len(values))
    if m.model is Model.ADL400:
        if not all(a in (0x008D, 0x008E) for a in addrs):
            return False
        for a, v in zip(addrs, values):
            if a == 0x008D:
                m.pt_ratio = v
            else:
                m.ct_ratio = v
        return True
    tou = _write_tou(m, start, values)
    if tou is not None:
        return tou
    if not all(a in WRITABLE for a in addrs):
        return False
    new = dict(zip(addrs, values))
    if 0x0057 in new or 0x0058 in new:
        enable = new.get(0x0057, 1 if m.forced[0] else 0)
        open_ = new.get(0x0058, 1 if m.forced_open[0] else 0)
        m.force_all(enable != 0, open_ != 0)
    if 0x0022 in new:
        m.run_mode = new[0x0022] & 0xFF
    if 0x0037 in new:
        m.ct_ratio = new[0x0037]
    if 0x0038 in new:
        m.pt_ratio = new[0x0038]
    m.refresh()
    return True
