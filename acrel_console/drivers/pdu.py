"""Standard Modbus PDUs the console uses (FC03 read, FC10 write): builders, parsers, reply specs."""

from __future__ import annotations

from dataclasses import dataclass

from acrel_console.drivers.api import ExceptionReply, FrameError, InvalidRequest

READ_HOLDING = 0x03
WRITE_MULTIPLE = 0x10
VENDOR_FEE = 0x20
EXCEPTION_FLAG = 0x80

MAX_READ_REGISTERS = 125
MAX_WRITE_REGISTERS = 123


InvalidRequestValue = InvalidRequest  # codecs raise the api class directly


@dataclass(frozen=True, slots=True)
class ReplySpec:
    """What the answer to one request must look like.

    `function` is the request's function code; `length` is the full reply PDU length (function
    byte included) of a normal reply; `prefix` is the exact start of a normal reply PDU (function
    byte included) - e.g. FC03: function + byte count; FC10: the echoed address and quantity;
    0x20: function, group, channel. A reply that differs in unit, function, length or prefix is
    not the answer to this request (a late reply to an earlier one, or another unit's).
    """

    function: int
    length: int
    prefix: bytes

    def matches(self, pdu: bytes) -> bool:
        """True if `pdu` (a complete PDU) is a normal answer to the request."""
        return len(pdu) == self.length and pdu[: len(self.prefix)] == self.prefix

    def is_exception(self, pdu: bytes) -> bool:
        """True if `pdu` is an exception answer to the request (function | 0x80, code)."""
        return len(pdu) == 2 and pdu[0] == (self.function | EXCEPTION_FLAG)


def _u16(value: int, what: str) -> bytes:
    if not isinstance(value, int) or not 0 <= value <= 0xFFFF:
        raise InvalidRequestValue(f"{what} out of range 0..65535: {value!r}")
    return value.to_bytes(2, "big")


def read_holding_request(address: int, count: int) -> tuple[bytes, ReplySpec]:
    """FC03 request PDU and the spec of its reply."""
    if not 1 <= count <= MAX_READ_REGISTERS:
        raise InvalidRequestValue(f"register count out of range 1..125: {count!r}")
    pdu = bytes((READ_HOLDING,)) + _u16(address, "address") + _u16(count, "count")
    return pdu, ReplySpec(READ_HOLDING, 2 + 2 * count, bytes((READ_HOLDING, 2 * count)))


def write_multiple_request(address: int, values: list[int] | tuple[int, ...]) -> tuple[bytes, ReplySpec]:
    """FC10 request PDU writing `values` (UINT16 each) from `address`, and its reply spec."""
    count = len(values)
    if not 1 <= count <= MAX_WRITE_REGISTERS:
        raise InvalidRequestValue(f"register count out of range 1..123: {count!r}")
    head = _u16(address, "address") + _u16(count, "count")
    data = b"".join(_u16(v, "register value") for v in values)
    pdu = bytes((WRITE_MULTIPLE,)) + head + bytes((2 * count,)) + data
    return pdu, ReplySpec(WRITE_MULTIPLE, 5, bytes((WRITE_MULTIPLE,)) + head)


def check_reply(pdu: bytes, spec: ReplySpec) -> bytes:
    """Return the normal reply PDU; raise ExceptionReply or FrameError otherwise."""
    if spec.is_exception(pdu):
        raise ExceptionReply(spec.function, pdu[1])
    if not spec.matches(pdu):
        raise FrameError(f"reply does not answer function 0x{spec.function:02X}: {pdu[:8].hex()}")
    return pdu


def registers_data(pdu: bytes, spec: ReplySpec) -> bytes:
    """The data bytes of a checked FC03 reply (2 bytes per register, big-endian)."""
    return check_reply(pdu, spec)[2:]


def registers(data: bytes) -> list[int]:
    """Split register data bytes into UINT16 values."""
    if len(data) % 2:
        raise FrameError("odd number of register data bytes")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
