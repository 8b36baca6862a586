"""Modbus RTU framing: ADU build, and a stream scanner that finds a request's reply in received bytes.

On an RTU line nothing but the unit id, the function code and the length ties a reply to its
request. The scanner (`ReplyScanner`, fed as bytes arrive; `scan` for a whole buffer) therefore
walks the bytes received since the request was sent frame by frame, in time linear in their number: a complete CRC-valid frame that is not exactly the awaited reply (another unit,
another function, another length or echoed address/group) is a late reply to an earlier request
(or a bus echo) and is discarded and counted, never taken for the answer. Bytes that form no valid
frame are dropped one at a time as noise.
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass
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
    FLOOD = "flood"


@dataclass(slots=True)
class ScanResult:
    """Scanner verdict. `pdu` is set for REPLY/EXCEPTION; counts are of discarded material."""

    outcome: Outcome
    pdu: bytes = b""
    consumed: int = 0
    late_frames: int = 0
    late_bytes: int = 0
    noise_bytes: int = 0
    echo_bytes: int = 0
    partial_ours: bool = False


FLOOD_LIMIT = 4 * MAX_FRAME  # bytes that are neither our echo nor our reply before the line is cut off
_DEADLINE_EVERY = 256  # positions between two looks at the clock


class ReplyScanner:
    """Finds the reply to one request in the bytes received after it, fed as they arrive.

    Linear: the position only moves forward, every (position, length) CRC is computed at most once,
    and the look-ahead for a valid reply behind a bad-CRC header visits each position once; so the
    work is proportional to the bytes received (times the longest frame), never to their square.
    Bounded: more than `limit` bytes of material that is neither our echo nor our reply ends the
    scan as FLOOD (the line is cut off and reported), and `feed` stops at `deadline`.

    Local echo (a two-wire adapter hearing itself): `echo` is the request as sent; received bytes
    equal to it at the start are discarded as echo, never as noise or CRC errors. With
    `echo_window` > 0 (the bus is set to echo, possibly partially) nothing in the first
    `echo_window` bytes is called a CRC error: an imperfect echo there is discarded as echo too.
    """

    def __init__(self, unit: int, spec: ReplySpec, *, echo: bytes = b"", echo_window: int = 0,
                 limit: int | None = FLOOD_LIMIT) -> None:
        self.unit = unit
        self.spec = spec
        self.data = bytearray()
        self.pos = 0
        self.result = ScanResult(Outcome.NEED_MORE)
        self.overrun = False  # feed() stopped at its deadline
        self._echo = bytes(echo)
        self._echo_pending = bool(echo)
        self._echo_end = echo_window
        self._limit = limit
        self._ours_len = spec.length + 3
        self._exc_fc = spec.function | EXCEPTION_FLAG
        self._valid_memo: dict[tuple[int, int], bool] = {}
        self._memo_pos = -1
        # look-ahead for a complete valid reply/exception of ours after the current position
        self._ahead_next = 0  # next position whose first byte was not looked at yet
        self._ahead_exc: collections.deque[int] = collections.deque()  # positions waiting for 5 bytes
        self._ahead_ours: collections.deque[int] = collections.deque()  # waiting for a whole reply
        self._ahead_found: collections.deque[int] = collections.deque()  # valid replies found, ascending

    # -- helpers ---------------------------------------------------------------------------------
    def _valid(self, pos: int, length: int) -> bool:
        if self._memo_pos != pos:
            self._valid_memo.clear()
            self._memo_pos = pos
        key = (pos, length)
        ok = self._valid_memo.get(key)
        if ok is None:
            d = self.data
            ok = crc16(d[pos : pos + length - 2]) == (d[pos + length - 2] | (d[pos + length - 1] << 8))
            self._valid_memo[key] = ok
        return ok

    def _crc_ok(self, pos: int, length: int) -> bool:
        d = self.data
        return crc16(d[pos : pos + length - 2]) == (d[pos + length - 2] | (d[pos + length - 1] << 8))

    def _prefix_fits(self, pos: int) -> bool:
        """Our unit and function at pos, and the reply prefix as far as received."""
        d, prefix = self.data, self.spec.prefix
        avail = d[pos + 1 : pos + 1 + len(prefix)]
        return avail == prefix[: len(avail)]

    def _reply_ahead(self, pos: int) -> bool:
        """True if a complete valid reply or exception of ours starts after `pos` in the data so far."""
        if not 0 <= self.unit <= 0xFF or self.spec.function > 0x7F:
            return False
        d, n, unit = self.data, len(self.data), self.unit
        ours_len, exc_fc, fn = self._ours_len, self._exc_fc, self.spec.function
        while self._ahead_next < n:
            q = self._ahead_next
            self._ahead_next += 1
            if d[q] == unit:
                self._ahead_exc.append(q)
                self._ahead_ours.append(q)
        while self._ahead_exc and n - self._ahead_exc[0] >= 5:
            q = self._ahead_exc.popleft()
            if d[q + 1] == exc_fc and self._crc_ok(q, 5):
                self._found(q)
        while self._ahead_ours and n - self._ahead_ours[0] >= 2:
            q = self._ahead_ours[0]
            if d[q + 1] != fn or not self._prefix_fits(q):
                self._ahead_ours.popleft()
                continue
            if n - q < ours_len:
                break
            self._ahead_ours.popleft()
            if self._crc_ok(q, ours_len):
                self._found(q)
        while self._ahead_found and self._ahead_found[0] <= pos:
            self._ahead_found.popleft()
        return bool(self._ahead_found)

    def _found(self, q: int) -> None:
        found = self._ahead_found
        if not found or found[-1] < q:
            found.append(q)
        else:  # an exception frame found after a longer reply that starts earlier: keep ascending order
            found.append(q)
            self._ahead_found = collections.deque(sorted(found))

    # -- the scan --------------------------------------------------------------------------------
    def feed(self, chunk: bytes | bytearray, deadline: float | None = None) -> ScanResult:
        """Add received bytes and scan as far as they allow (or until `deadline`)."""
        self.data += chunk
        if self.result.outcome is Outcome.NEED_MORE:
            self._run(deadline)
        return self.result

    def _skip_echo(self) -> bool:
        """Handle our own request at the start; False while it may still be arriving."""
        d, echo = self.data, self._echo
        k = min(len(d), len(echo))
        if d[:k] != echo[:k]:
            self._echo_pending = False
            return True
        if len(d) >= len(echo):
            self._echo_pending = False
            self.pos = len(echo)
            self.result.echo_bytes += len(echo)
            return True
        # A strict prefix of our request: the echo still arriving, or a reply that starts like it.
        n = len(d)
        return n >= self._ours_len and self._prefix_fits(0) and d[0] == self.unit and self._crc_ok(0, self._ours_len)

    def _run(self, deadline: float | None) -> None:
        res = self.result
        if self._echo_pending and not self._skip_echo():
            return
        d = self.data
        n = len(d)
        unit, spec, ours_len, exc_fc = self.unit, self.spec, self._ours_len, self._exc_fc
        pos = self.pos
        steps = 0
        while n - pos >= 2:
            steps += 1
            if deadline is not None and steps % _DEADLINE_EVERY == 0 and time.monotonic() > deadline:
                self.overrun = True
                break
            in_echo = pos < self._echo_end
            u, fc = d[pos], d[pos + 1]
            ours_exc = u == unit and fc == exc_fc
            ours = u == unit and fc == spec.function and self._prefix_fits(pos)
            if ours_exc and n - pos >= 5 and self._valid(pos, 5):
                res.outcome, res.pdu, res.consumed = Outcome.EXCEPTION, bytes(d[pos + 1 : pos + 3]), pos + 5
                self.pos = pos
                return
            if ours and n - pos >= ours_len and self._valid(pos, ours_len):
                res.outcome, res.pdu, res.consumed = Outcome.REPLY, bytes(d[pos + 1 : pos + ours_len - 2]), \
                    pos + ours_len
                self.pos = pos
                return
            lengths = candidate_lengths(d, pos)
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
                elif self._valid(pos, length):
                    skipped = length
                    break
            if skipped:
                if in_echo:
                    res.echo_bytes += skipped
                else:
                    res.late_frames += 1
                    res.late_bytes += skipped
                pos += skipped
                continue
            if not self._reply_ahead(pos):
                if not in_echo and ((ours and n - pos >= ours_len) or (ours_exc and n - pos >= 5 and not waiting)):
                    res.outcome, res.consumed = Outcome.CRC_ERROR, pos + (ours_len if ours else 5)
                    self.pos = pos
                    return
                if ours or ours_exc or waiting:
                    res.partial_ours = ours or ours_exc
                    break
            if in_echo:
                res.echo_bytes += 1
            else:
                res.noise_bytes += 1
            pos += 1
        self.pos = pos
        res.consumed = pos
        if self._limit is not None and (pos - res.echo_bytes > self._limit
                                        or n - res.echo_bytes > self._limit + MAX_FRAME):
            res.outcome = Outcome.FLOOD

    def wanted(self) -> int:
        """Bytes certainly due before anything can be decided (a serial read may wait for them all)."""
        d, n, ours_len = self.data, len(self.data), self._ours_len
        if self._echo_pending and n >= 2:
            return max(ours_len - n if n < ours_len else len(self._echo) - n, 1)
        pos = self.pos
        head = 1 + len(self.spec.prefix)
        if n - pos >= head and d[pos] == self.unit and d[pos + 1] == self.spec.function and self._prefix_fits(pos):
            return max(ours_len - (n - pos), 1)
        return 1

    def reply_start(self) -> int:
        """Where a reply may begin: after our echo once it has been recognised, else 0."""
        return self.result.echo_bytes if not self._echo_pending and self.result.echo_bytes == len(self._echo) \
            and self._echo else 0

    def garbled(self) -> bool:
        """At the deadline: did anything but our echo arrive (a garbled reply rather than silence)?"""
        res = self.result
        if self._echo_pending:
            return False
        return res.partial_ours or res.noise_bytes > 0 or self.pos < len(self.data)


def scan(buf: bytes | bytearray, unit: int, spec: ReplySpec) -> ScanResult:
    """Look for the reply to (unit, spec) in `buf`, discarding late/foreign frames and noise.

    Pure: never modifies `buf`. `consumed` tells how many bytes the verdict used up. At a given
    position, in order: our exception frame; our reply (unit, exact prefix, exact length, CRC);
    any other complete CRC-valid frame (discarded as late); our header at full length with a bad
    CRC (CRC_ERROR, unless a valid reply starts later); a header still incomplete (NEED_MORE);
    otherwise one byte of noise. (One pass of a ReplyScanner without a flood limit.)
    """
    scanner = ReplyScanner(unit, spec, limit=None)
    return scanner.feed(bytes(buf))
