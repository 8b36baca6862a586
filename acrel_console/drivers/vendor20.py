"""Acrel vendor function 0x20 (fee-control family): request/reply PDUs per design §13.

Request, laid out like function 0x10:
    20 GG CC NNhi NNlo BB data...   (GG group, CC channel, NN register count, BB = 2*NN data bytes)
Normal reply PDU, 12 bytes (15 on an RTU line with address and CRC):
    20 GG CC ST RRRRRRRR KKKK 00 00  (ST 0 applied / 1 duplicate ignored, R remaining INT32 fen
                                      after, K purchase count UINT16 after)
Exception reply: A0 code.

Payloads (each multi-byte value big-endian):
- group 01 channel 00, 4 registers: purchase = amount INT32 fen (increment; negative = refund),
  purchase count UINT16 (meter's current + 1), 00 00.
- group 02, 30 registers = 60 bytes: the flagged money-control layout of hardware doc §1.7. The
  byte offsets live in the profile (`vendor.money_params.items`); see `encode_flagged`.
- group 03 channel 0x54, 5 registers: clock = ss mm hh WW DD MM YY(-2000) 00 00 00 (binary,
  WW Sunday = 0).
- group 04, 13 registers = 26 bytes: power control [f][on] [f][max power U16 0.01 kW]
  [increment U16][PF U16 0.001] [f][recover delay U8] [f][max over-count U16] [f][U16] [f][U8]
  + 7 x 00.
- group 05, 5 registers = 10 bytes: forced switching, per channel L1..L3 [apply][force on]
  [1 open / 0 close], then one 00 (the doc's "+ 00 00" does not fit 5 registers; decided: 9 + 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from acrel_console.domain.readings import ForceMode
from acrel_console.drivers.api import ExceptionReply, FrameError
from acrel_console.drivers.pdu import VENDOR_FEE, InvalidRequestValue, ReplySpec

REPLY_PDU_LENGTH = 12
EXCEPTION_FUNCTION = VENDOR_FEE | 0x80

GROUP_PURCHASE = 0x01
GROUP_MONEY = 0x02
GROUP_CLOCK = 0x03
GROUP_POWER = 0x04
GROUP_FORCE = 0x05
CHANNEL_CLOCK = 0x54

STATUS_APPLIED = 0
STATUS_DUPLICATE = 1


@dataclass(frozen=True, slots=True)
class VendorReply:
    """A decoded 0x20 normal reply."""

    group: int
    channel: int
    status: int
    remaining_fen: int
    purchase_count: int


def _int(value: int, size: int, signed: bool, what: str) -> bytes:
    try:
        return int(value).to_bytes(size, "big", signed=signed)
    except (OverflowError, TypeError, ValueError):
        raise InvalidRequestValue(f"{what} out of range: {value!r}") from None


def request(group: int, channel: int, data: bytes) -> tuple[bytes, ReplySpec]:
    """The 0x20 request PDU for (group, channel, data) and the spec of its reply."""
    if not (0 <= group <= 0xFF and 0 <= channel <= 0xFF):
        raise InvalidRequestValue("group/channel out of range")
    if len(data) % 2 or not 2 <= len(data) <= 246:
        raise InvalidRequestValue(f"0x20 data must be an even 2..246 bytes, got {len(data)}")
    count = len(data) // 2
    pdu = bytes((VENDOR_FEE, group, channel, count >> 8, count & 0xFF, len(data))) + data
    return pdu, ReplySpec(VENDOR_FEE, REPLY_PDU_LENGTH, bytes((VENDOR_FEE, group, channel)))


def parse_request(pdu: bytes) -> tuple[int, int, bytes]:
    """(group, channel, data) of a 0x20 request PDU (for simulators and tests); FrameError if bad."""
    if len(pdu) < 6 or pdu[0] != VENDOR_FEE:
        raise FrameError("not a 0x20 request")
    count = (pdu[3] << 8) | pdu[4]
    if pdu[5] != 2 * count or len(pdu) != 6 + pdu[5]:
        raise FrameError("0x20 request count/byte count/length disagree")
    return pdu[1], pdu[2], bytes(pdu[6:])


def encode_reply(group: int, channel: int, status: int, remaining_fen: int, purchase_count: int) -> bytes:
    """A 12-byte normal reply PDU (for simulators and tests)."""
    return (
        bytes((VENDOR_FEE, group, channel, status))
        + _int(remaining_fen, 4, True, "remaining")
        + _int(purchase_count, 2, False, "purchase count")
        + b"\x00\x00"
    )


def decode_reply(pdu: bytes, group: int, channel: int) -> VendorReply:
    """Decode a 0x20 reply PDU; ExceptionReply for A0 xx, FrameError for anything malformed."""
    if len(pdu) == 2 and pdu[0] == EXCEPTION_FUNCTION:
        raise ExceptionReply(VENDOR_FEE, pdu[1])
    if len(pdu) != REPLY_PDU_LENGTH or pdu[0] != VENDOR_FEE:
        raise FrameError(f"0x20 reply has wrong function or length {len(pdu)}")
    if pdu[1] != group or pdu[2] != channel:
        raise FrameError(f"0x20 reply for group {pdu[1]:02X}/{pdu[2]:02X}, expected {group:02X}/{channel:02X}")
    status = pdu[3]
    if status not in (STATUS_APPLIED, STATUS_DUPLICATE):
        raise FrameError(f"0x20 reply status {status} unknown")
    return VendorReply(
        group,
        channel,
        status,
        int.from_bytes(pdu[4:8], "big", signed=True),
        int.from_bytes(pdu[8:10], "big"),
    )


def purchase_data(amount_fen: int, purchase_count: int) -> bytes:
    """Group 01 payload: amount INT32 fen (increment), purchase count UINT16, 00 00."""
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool):
        raise InvalidRequestValue("amount must be an int number of fen")
    return _int(amount_fen, 4, True, "amount") + _int(purchase_count, 2, False, "purchase count") + b"\x00\x00"


def decode_purchase_data(data: bytes) -> tuple[int, int]:
    """(amount_fen, purchase_count) of a group 01 payload; FrameError if not 8 bytes."""
    if len(data) != 8:
        raise FrameError("purchase payload must be 8 bytes")
    return int.from_bytes(data[0:4], "big", signed=True), int.from_bytes(data[4:6], "big")


def clock_data(at_local: datetime) -> bytes:
    """Group 03 channel 0x54 payload: ss mm hh WW DD MM YY 00 00 00, binary, Sunday = 0."""
    if not 2000 <= at_local.year <= 2255:
        raise InvalidRequestValue("clock year must be 2000..2255")
    weekday = (at_local.weekday() + 1) % 7  # Python Monday=0 -> Sunday=0 convention
    return bytes(
        (at_local.second, at_local.minute, at_local.hour, weekday, at_local.day, at_local.month,
         at_local.year - 2000, 0, 0, 0)
    )


def decode_clock_data(data: bytes) -> datetime:
    """Inverse of clock_data; FrameError if not a valid date."""
    if len(data) != 10:
        raise FrameError("clock payload must be 10 bytes")
    try:
        return datetime(2000 + data[6], data[5], data[4], data[2], data[1], data[0])
    except ValueError as exc:
        raise FrameError(f"invalid clock payload: {exc}") from None


def force_data(mode: ForceMode, channels: int = 1) -> bytes:
    """Group 05 payload for `channels` (1..3) channels: [apply][force on][1 open/0 close] each."""
    if not 1 <= channels <= 3:
        raise InvalidRequestValue("channels must be 1..3")
    triple = {
        ForceMode.TRIP: (1, 1, 1),
        ForceMode.KEEP_POWER: (1, 1, 0),
        ForceMode.RESTORE_PREPAID: (1, 0, 0),
    }[ForceMode(mode)]
    body = bytearray()
    for i in range(3):
        body += bytes(triple) if i < channels else b"\x00\x00\x00"
    return bytes(body) + b"\x00"


def power_control_data(max_power_10w: int, increment_10w: int, pf_milli: int, enable: bool | None = None) -> bytes:
    """Group 04 payload setting max power (0.01 kW), increment (0.01 kW) and PF (0.001); optional on/off."""
    out = bytearray(26)
    if enable is not None:
        out[0], out[1] = 1, 1 if enable else 0
    out[2] = 1
    out[3:5] = _int(max_power_10w, 2, False, "max power")
    out[5:7] = _int(increment_10w, 2, False, "power increment")
    out[7:9] = _int(pf_milli, 2, False, "PF threshold")
    return bytes(out)


_TYPES: dict[str, tuple[int, bool]] = {
    "u8": (1, False), "i8": (1, True), "u16": (2, False), "i16": (2, True),
    "u32": (4, False), "i32": (4, True), "bcd6": (6, False),
}


@dataclass(frozen=True, slots=True)
class FlaggedField:
    """One value inside a flagged payload: name (a MoneyParams attribute), byte offset, type."""

    name: str
    offset: int
    type: str


@dataclass(frozen=True, slots=True)
class FlaggedItem:
    """One "apply" flag byte and the values it governs (all written together when the flag is 1)."""

    flag: int
    fields: tuple[FlaggedField, ...]
    writable: bool = True


def field_size(type_name: str) -> int:
    """Size in bytes of a flagged-field type."""
    return _TYPES[type_name][0]


def encode_flagged(size: int, items: tuple[FlaggedItem, ...], values: dict[str, int]) -> bytes:
    """Build a flagged payload of `size` bytes: each item whose fields are all in `values` gets
    flag 1 and its values; an item with only some of its fields given is an error (the meter would
    write the missing ones as zero); non-writable items are never set."""
    out = bytearray(size)
    for item in items:
        given = [f.name in values for f in item.fields]
        if not any(given):
            continue
        if not item.writable:
            raise InvalidRequestValue(f"{item.fields[0].name} cannot be written by this command")
        if not all(given):
            missing = [f.name for f in item.fields if f.name not in values]
            raise InvalidRequestValue(f"these values must be written together; missing {missing}")
        out[item.flag] = 1
        for f in item.fields:
            n, signed = _TYPES[f.type]
            if f.type == "bcd6":
                digits = f"{int(values[f.name]):012d}"
                if len(digits) != 12:
                    raise InvalidRequestValue("meter number must have at most 12 digits")
                out[f.offset : f.offset + 6] = bytes.fromhex(digits)
            else:
                out[f.offset : f.offset + n] = _int(int(values[f.name]), n, signed, f.name)
    return bytes(out)


def decode_flagged(data: bytes, items: tuple[FlaggedItem, ...]) -> dict[str, int]:
    """Values of the items whose flag is set (for simulators and tests). FrameError if too short."""
    values: dict[str, int] = {}
    for item in items:
        if item.flag >= len(data):
            raise FrameError("flagged payload too short")
        if not data[item.flag]:
            continue
        for f in item.fields:
            n, signed = _TYPES[f.type]
            raw = data[f.offset : f.offset + n]
            if len(raw) != n:
                raise FrameError("flagged payload too short")
            values[f.name] = int(raw.hex()) if f.type == "bcd6" and raw.hex().isdigit() else int.from_bytes(
                raw, "big", signed=signed
            )
    return values
