"""Acrel vendor function 0x20 on the meter side (design §13, hardware doc §1.7).

Request PDU (laid out like FC 0x10): 0x20, group, channel, count hi, count lo, byte count, data.
Reply PDU (12 bytes): 0x20, group, channel, status (0 applied, 1 duplicate), remaining INT32 fen
after, purchase count UINT16 after, 00 00. Errors are raised as `VendorError(code)`; the caller
answers 0xA0 + code.

Group 02 data (30 registers = 60 bytes; offsets are into the data that follows the byte count;
a flag byte of 1 means "apply the item(s) after it", 0 means "leave unchanged"; any other flag
value is refused with exception 03):

| Offset | Size | Item                                               |
|--------|------|----------------------------------------------------|
| 0      | 1    | flag: fee control                                  |
| 1      | 1    | fee control on (non-zero) / off (0)                |
| 2      | 1    | flag: remaining                                    |
| 3-6    | 4    | remaining amount INT32 fen (absolute, not added)   |
| 7      | 1    | flag: purchase count                               |
| 8-9    | 2    | purchase count UINT16                              |
| 10     | 1    | flag: total purchased                              |
| 11-14  | 4    | total purchased INT32 fen                          |
| 15     | 1    | flag: base energy                                  |
| 16-19  | 4    | base energy INT32 0.01 kWh                         |
| 20     | 1    | flag: alarm amounts (both)                         |
| 21-24  | 4    | alarm 1 INT32 fen                                  |
| 25-28  | 4    | alarm 2 INT32 fen                                  |
| 29     | 1    | flag: prices (all four)                            |
| 30-45  | 16   | price 1..4 (尖 峰 平 谷) INT32 0.0001 yuan/kWh each |
| 46     | 1    | flag: overdraft                                    |
| 47-50  | 4    | overdraft allowance INT32 fen (>= 0)               |
| 51     | 1    | flag: parameter byte                               |
| 52     | 1    | parameter byte (read back at 0x0418 low byte)      |
| 53     | 1    | flag: meter number                                 |
| 54-59  | 6    | meter number, 6 bytes BCD (12 digits)              |

Validation (exception 03, nothing applied): negative price, alarm or overdraft; negative
remaining/total/base; a flag other than 0/1; a non-BCD meter number; byte count != 60.
"""

from __future__ import annotations

import struct
from datetime import datetime

from acrel_console.drivers.simulator.clock import to_ms
from acrel_console.drivers.simulator.meter import PowerControl, SimMeter

FC_VENDOR = 0x20
GROUP_PURCHASE = 0x01
GROUP_MONEY = 0x02
GROUP_TIME = 0x03
GROUP_POWER = 0x04
GROUP_FORCE = 0x05
CHANNEL_CLOCK = 0x54
CHANNEL_RESET_COUNTERS = 0x10
POWER_CHANNELS = {0x00: (0,), 0x0D: (1,), 0x1A: (2,), 0xFF: (0, 1, 2)}
ENCRYPTED_GROUPS = frozenset({GROUP_PURCHASE, GROUP_MONEY})

STATUS_APPLIED = 0
STATUS_DUPLICATE = 1


class VendorError(Exception):
    """A request the meter refuses: the reply is 0xA0 and `code`."""

    def __init__(self, code: int) -> None:
        super().__init__(f"exception {code}")
        self.code = code


def parse_request(pdu: bytes) -> tuple[int, int, int, bytes]:
    """(group, channel, register count, data) of a 0x20 request; VendorError(3) if malformed."""
    if len(pdu) < 6 or pdu[0] != FC_VENDOR:
        raise VendorError(3)
    group, channel = pdu[1], pdu[2]
    count = (pdu[3] << 8) | pdu[4]
    nbytes = pdu[5]
    data = pdu[6:]
    if nbytes != len(data) or nbytes != count * 2:
        raise VendorError(3)
    return group, channel, count, data


def reply(m: SimMeter, group: int, channel: int, status: int) -> bytes:
    """The 12-byte acknowledgement PDU."""
    return bytes((FC_VENDOR, group, channel, status)) + struct.pack(
        ">iH", m.remaining_fen, m.purchase_count
    ) + b"\x00\x00"


def purchase(m: SimMeter, channel: int, count: int, data: bytes) -> bytes:
    """Group 01: amount INT32 fen (increment, may be negative), purchase count UINT16, 00 00."""
    if channel != 0 or count != 4:
        raise VendorError(3)
    amount, new_count = struct.unpack(">iH", data[:6])
    if new_count == m.purchase_count:
        return reply(m, GROUP_PURCHASE, channel, STATUS_DUPLICATE)
    if new_count != (m.purchase_count + 1) & 0xFFFF:
        raise VendorError(4)
    after = m.remaining_fen + amount
    if amount < 0 and after < 0:
        raise VendorError(4)  # a refund may not take the balance below zero (design §13)
    if after > 2**31 - 1:
        raise VendorError(4)
    m.remaining_fen = after
    m.purchase_count = new_count
    m.total_purchased_fen += amount
    m.refresh()
    return reply(m, GROUP_PURCHASE, channel, STATUS_APPLIED)


def _flag(b: int) -> bool:
    if b not in (0, 1):
        raise VendorError(3)
    return b == 1


def money_params(m: SimMeter, channel: int, count: int, data: bytes) -> bytes:
    """Group 02: the flagged layout documented in this module's docstring."""
    if count != 30 or channel not in (0x00, 0xFF):
        raise VendorError(3)
    flags = [_flag(data[i]) for i in (0, 2, 7, 10, 15, 20, 29, 46, 51, 53)]
    remaining, = struct.unpack(">i", data[3:7])
    pcount, = struct.unpack(">H", data[8:10])
    total, = struct.unpack(">i", data[11:15])
    base, = struct.unpack(">i", data[16:20])
    alarm1, alarm2 = struct.unpack(">ii", data[21:29])
    prices = list(struct.unpack(">iiii", data[30:46]))
    overdraft, = struct.unpack(">i", data[47:51])
    digits = data[54:60].hex()
    f_on, f_rem, f_cnt, f_tot, f_base, f_alarm, f_price, f_over, f_byte, f_no = flags
    if (f_rem and remaining < 0) or (f_tot and total < 0) or (f_base and base < 0):
        raise VendorError(3)
    if f_alarm and (alarm1 < 0 or alarm2 < 0):
        raise VendorError(3)
    if f_price and any(p < 0 for p in prices):
        raise VendorError(3)
    if f_over and overdraft < 0:
        raise VendorError(3)
    if f_no and not digits.isdigit():
        raise VendorError(3)
    if f_on:
        m.fee_control_on = data[1] != 0
    if f_rem:
        m.remaining_fen = remaining
    if f_cnt:
        m.purchase_count = pcount
    if f_tot:
        m.total_purchased_fen = total
    if f_base:
        m.base_energy = base
    if f_alarm:
        m.alarm1_fen, m.alarm2_fen = alarm1, alarm2
    if f_price:
        m.prices = prices
    if f_over:
        m.overdraft_fen = overdraft
    if f_byte:
        m.param_byte = data[52]
    if f_no:
        m.meter_no = digits
    m.refresh()
    return reply(m, GROUP_MONEY, channel, STATUS_APPLIED)


def power_control(m: SimMeter, channel: int, count: int, data: bytes) -> bytes:
    """Group 04: channel 00/0D/1A/FF settings (13 regs) or channel 0x10 counter reset (4 regs).

    Settings data: [f][on/off] [f][max power U16 0.01 kW][increment U16][PF U16]
    [f][recover delay U8] [f][max over-count U16] [f][U16 ?] [f][U8 ?] + 7 x 00.
    """
    if channel == CHANNEL_RESET_COUNTERS:
        if count != 4:
            raise VendorError(3)
        for i in range(4):
            if _flag(data[2 * i]):
                m.overload_trips = data[2 * i + 1]
        m.refresh()
        return reply(m, GROUP_POWER, channel, STATUS_APPLIED)
    if count != 13 or channel not in POWER_CHANNELS:
        raise VendorError(3)
    f_on, f_pw, f_delay, f_max, f_u16, f_u8 = (_flag(data[i]) for i in (0, 2, 9, 11, 14, 17))
    max_p, incr, pf = struct.unpack(">HHH", data[3:9])
    max_count, = struct.unpack(">H", data[12:14])
    u16, = struct.unpack(">H", data[15:17])
    for ch in POWER_CHANNELS[channel]:
        pc: PowerControl = m.power_control[ch]
        if f_on:
            pc.enabled = data[1] != 0
        if f_pw:
            pc.max_power_ckw, pc.increment_ckw, pc.pf_threshold_milli = max_p, incr, pf
        if f_delay:
            pc.recover_delay_min = data[10]
        if f_max:
            pc.max_over_count = max_count
        if f_u16:
            pc.unknown_u16 = u16
        if f_u8:
            pc.unknown_u8 = data[18]
    m.refresh()
    return reply(m, GROUP_POWER, channel, STATUS_APPLIED)


def forced_switching(m: SimMeter, channel: int, count: int, data: bytes) -> bytes:
    """Group 05: L1-L3 x [enable][force on][1 = open, 0 = close] + 00 00. `enable` 0 leaves
    the channel unchanged; force on 0 releases forced control of that channel."""
    if count != 5 or channel not in (0x00, 0xFF):
        raise VendorError(3)
    for ch in range(3):
        enable, force_on, open_ = data[3 * ch : 3 * ch + 3]
        if _flag(enable):
            m.forced[ch] = force_on != 0
            m.forced_open[ch] = open_ != 0 if force_on else False
    m.refresh()
    return reply(m, GROUP_FORCE, channel, STATUS_APPLIED)


def set_clock(m: SimMeter, count: int, data: bytes, bus_now_ms: int) -> bytes:
    """Group 03 channel 0x54: ss mm hh WW DD MM YY(-2000) 00 00 00 (binary)."""
    if count != 5:
        raise VendorError(3)
    ss, mm, hh, _ww, dd, mo, yy = data[:7]
    try:
        at = datetime(2000 + yy, mo, dd, hh, mm, ss)
    except ValueError:
        raise VendorError(3) from None
    m.clock_offset_ms = to_ms(at) - bus_now_ms
    return reply(m, GROUP_TIME, CHANNEL_CLOCK, STATUS_APPLIED)


def handle(m: SimMeter, pdu: bytes, bus_now_ms: int, enciphered: bool) -> bytes:
    """Dispatch one 0x20 request to `m`; returns the reply PDU or raises VendorError."""
    group, channel, count, data = parse_request(pdu)
    if not m.model.prepaid:
        raise VendorError(1)
    if group in ENCRYPTED_GROUPS and m.encryption_on and not enciphered:
        raise VendorError(1)  # project decision: plaintext money frames refused when cipher is on
    if group == GROUP_PURCHASE:
        return purchase(m, channel, count, data)
    if group == GROUP_MONEY:
        return money_params(m, channel, count, data)
    if group == GROUP_POWER:
        return power_control(m, channel, count, data)
    if group == GROUP_FORCE:
        return forced_switching(m, channel, count, data)
    if group == GROUP_TIME:
        if channel != CHANNEL_CLOCK:
            raise VendorError(2)  # time-control schedules are not simulated
        return set_clock(m, count, data, bus_now_ms)
    raise VendorError(1)
