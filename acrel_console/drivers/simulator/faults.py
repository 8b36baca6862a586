"""Fault injection: what can go wrong on a meter's reply, injected per meter for N requests."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Fault(str, enum.Enum):
    """Injectable faults. "processed" says whether the meter acts on the request (state changes).

    SILENCE           not processed, no reply (meter deaf/offline; a write is lost)
    DROP_REPLY        processed, no reply (the write happened, the acknowledgement is lost)
    LATE_REPLY        processed, correct reply sent `delay_s` late (default 1.0 s) without holding
                      the line: the next request is served meanwhile, so the late reply can arrive
                      while the client waits for the next answer
    CRC_ERROR         processed, reply with a corrupted CRC (RTU); on Modbus-TCP (no CRC) the last
                      data byte of the reply PDU is flipped instead
    WRONG_UNIT        processed, reply carries unit id address+1 (RTU address byte / MBAP unit)
    EXCEPTION         not processed, exception reply with `code` (default 4)
    TRUNCATED         processed, only the first half of the reply frame is sent
    REBOOT            the meter reboots on this request: not processed, no reply; RAM state is
                      lost (forced control released, overload latch cleared); energies, balance,
                      purchase count, prices, alarm amounts, run mode and clock are kept
    CONNECTION_RESET  not processed; the TCP connection is reset (RST). On a pty: like SILENCE
    GARBAGE           not processed; `length` random bytes (default 7) are sent instead of a reply
    """

    SILENCE = "silence"
    DROP_REPLY = "drop_reply"
    LATE_REPLY = "late_reply"
    CRC_ERROR = "crc_error"
    WRONG_UNIT = "wrong_unit"
    EXCEPTION = "exception"
    TRUNCATED = "truncated"
    REBOOT = "reboot"
    CONNECTION_RESET = "connection_reset"
    GARBAGE = "garbage"

    @property
    def processed(self) -> bool:
        return self in (
            Fault.DROP_REPLY,
            Fault.LATE_REPLY,
            Fault.CRC_ERROR,
            Fault.WRONG_UNIT,
            Fault.TRUNCATED,
        )


@dataclass(slots=True)
class Injection:
    """One injected fault: applies to the next `count` requests (None = until cleared).

    `functions`: only requests with these function codes are affected (None = all).
    """

    fault: Fault
    count: int | None = None
    delay_s: float = 1.0
    code: int = 4
    length: int = 7
    functions: frozenset[int] | None = None

    def matches(self, function: int) -> bool:
        return self.functions is None or function in self.functions


@dataclass(slots=True)
class Reply:
    """What the transport must do for one request (`pdu` None = send nothing)."""

    unit: int
    pdu: bytes | None
    delay_s: float = 0.0
    late: bool = False
    corrupt: bool = False
    truncate: bool = False
    reset: bool = False
    garbage: bytes = b""
    fault: Fault | None = None
