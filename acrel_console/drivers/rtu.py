"""Modbus RTU framing: ADU build, and a stream scanner that finds a request's reply in received bytes.

On an RTU line nothing but the unit id, the function code and the length ties a reply to its
request. The scanner therefore takes the bytes received since the request was sent and walks them
frame by frame: a complete CRC-valid frame that is not exactly the awaited reply (another unit,
another function, another length or echoed address/group) is a late reply to an earlier request
(or a bus echo) and is discarded and counted, never taken for the answer. Bytes that form no valid
frame are dropped one at a time as noise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from acrel_console.drivers.crc import append_crc, crc16
from acrel_console.drivers.pdu import EXCEPTION_FLAG, ReplySpec

MIN_FRAME = 4  # address, function, CRC (an exception frame is 5)
MAX_FRAME = 256


def build_adu(unit: int, pdu: bytes) -> bytes:
    """Address + PDU + CRC (low byte first)."""
    if not 0 <= unit <= 0xFF:
        raise ValueError(f"unit id out of range: {unit}")
    return append_crc(bytes((unit,)) + pdu)


def parse_adu(frame: bytes) -> tuple[int, bytes]:
    """Split a complete RTU frame into (unit, pdu). Raises ValueError on a short or bad-CRC frame."""
    if len(frame) < MIN_FRAME:
        raise ValueError("RTU frame too short")
    if crc16(frame[:-2]) != int.from_bytes(frame[-2:], "little"):
        raise ValueError("RTU frame CRC mismatch")
    return frame[0], bytes(frame[1:-2])


def candidate_lengths(buf: bytes | bytearray, pos: int) -> list[int] | None:
    """Plausible full-frame lengths of a frame starting at buf[pos] (function known from buf[pos+1]).

    Covers replies and requests (a bus echo of a request is also a frame, not the reply). Returns
    None while more bytes are needed to tell, [] for an unknown function code.
    """
    avail = len(buf) - pos
    if avail < 2:
        return None
    fc = buf[pos + 1]
    if fc & EXCEPTION_FLAG:
        return [5]
    if fc in (0x01, 0x02, 0x03, 0x04):
        if avail < 3:
            return None
        return sorted({5 + buf[pos + 2], 8})
    if fc in (0x05, 0x06):
        return [8]
    if fc in (0x0F, 0x10, 0x20, 0xAA, 0xAB):
        if avail < 7:
            return [8, 15] if fc == 0x20 else [8]
        return sorted({8, 15, 9 + buf[pos + 6]} if fc == 0x20 else {8, 9 + buf[pos + 6]})
    if fc == 0x11:
        return [15]
    return []


class Outcome(Enum):
    """What the scanner concluded from the bytes so far."""

    NEED_MORE = "need_more"
    REPLY = "reply"
    EXCEPTION = "exception"
    CRC_ERROR = "crc_error"


@dataclass(slots=True)
class ScanResult:
    """Scanner verdict. `pdu` is set for REPLY/EXCEPTION; counts are of discarded material."""

    outcome: Outcome
    pdu: bytes = b""
    consumed: int = 0
    late_frames: int = 0
    noise_bytes: int = 0
    partial_ours: bool = False
    discarded: list[bytes] = field(default_factory=list)


def _valid(frame: bytes) -> bool:
    return len(frame) >= MIN_FRAME and crc16(frame[:-2]) == int.from_bytes(frame[-2:], "little")


def scan(buf: bytes | bytearray, unit: int, spec: ReplySpec) -> ScanResult:
    """Look for the reply to (unit, spec) in `buf`, discarding late/foreign frames and noise.

    Pure: never modifies `buf`. `consumed` tells how many bytes the verdict used up. At a given
    position, in order: our exception frame; our reply (unit, exact prefix, exact length, CRC);
    any other complete CRC-valid frame (discarded as late); our header at full length with a bad
    CRC (CRC_ERROR, unless a valid reply starts later); a header still incomplete (NEED_MORE);
    otherwise one byte of noise.
    """
    data = bytes(buf)
    n = len(data)
    pos = 0
    res = ScanResult(Outcome.NEED_MORE)
    ours_len = spec.length + 3
    exc_fc = spec.function | EXCEPTION_FLAG
    while n - pos >= 2:
        u, fc = data[pos], data[pos + 1]
        ours_exc = u == unit and fc == exc_fc
        ours = False
        if u == unit and fc == spec.function:
            avail = data[pos + 1 : pos + 1 + len(spec.prefix)]
            ours = avail == spec.prefix[: len(avail)]
        if ours_exc and n - pos >= 5 and _valid(data[pos : pos + 5]):
            res.outcome, res.pdu, res.consumed = Outcome.EXCEPTION, data[pos + 1 : pos + 3], pos + 5
            return res
        if ours and n - pos >= ours_len and _valid(data[pos : pos + ours_len]):
            res.outcome, res.pdu, res.consumed = Outcome.REPLY, data[pos + 1 : pos + ours_len - 2], pos + ours_len
            return res
        lengths = candidate_lengths(data, pos)
        if lengths is None:
            res.partial_ours = ours or ours_exc
            break
        waiting = False
        skipped = 0
        for length in lengths:
            if length < MIN_FRAME or length > MAX_FRAME:
                continue
            if n - pos < length:
                waiting = True
            elif _valid(data[pos : pos + length]):
                skipped = length
                break
        if skipped:
            res.late_frames += 1
            res.discarded.append(data[pos : pos + skipped])
            pos += skipped
            continue
        later = _later_reply_start(data, pos, unit, spec)
        if not later:
            if (ours and n - pos >= ours_len) or (ours_exc and n - pos >= 5 and not waiting):
                res.outcome, res.consumed = Outcome.CRC_ERROR, pos + (ours_len if ours else 5)
                return res
            if ours or ours_exc or waiting:
                res.partial_ours = ours or ours_exc
                break
        res.noise_bytes += 1
        pos += 1
    res.consumed = pos
    return res


def _later_reply_start(data: bytes, pos: int, unit: int, spec: ReplySpec) -> bool:
    """True if a complete valid reply or exception for (unit, spec) starts after `pos`."""
    if not 0 <= unit <= 0xFF or spec.function > 0x7F:
        return False
    ours_len = spec.length + 3
    exc = bytes((unit, spec.function | EXCEPTION_FLAG))
    i = pos + 1
    while True:
        i = data.find(bytes((unit,)), i)
        if i < 0 or len(data) - i < 5:
            return False
        if data[i : i + 2] == exc and _valid(data[i : i + 5]):
            return True
        frame = data[i : i + ours_len]
        if len(frame) == ours_len and frame[1 : 1 + len(spec.prefix)] == spec.prefix and _valid(frame):
            return True
        i += 1
