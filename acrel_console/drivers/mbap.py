"""Modbus-TCP MBAP framing: header build, and a stream parser that splits received bytes into ADUs."""

from __future__ import annotations

from dataclasses import dataclass

MBAP_HEADER = 7
MAX_PDU = 253


class MbapError(ValueError):
    """The stream holds bytes that cannot be an MBAP frame (bad protocol id or length)."""


@dataclass(frozen=True, slots=True)
class MbapFrame:
    """One Modbus-TCP application data unit."""

    transaction: int
    unit: int
    pdu: bytes


def build(transaction: int, unit: int, pdu: bytes) -> bytes:
    """MBAP header (transaction, protocol 0, length, unit) + PDU."""
    if not 0 <= transaction <= 0xFFFF or not 0 <= unit <= 0xFF:
        raise ValueError("transaction or unit id out of range")
    if not 1 <= len(pdu) <= MAX_PDU:
        raise ValueError("PDU length out of range")
    return (
        transaction.to_bytes(2, "big") + b"\x00\x00" + (len(pdu) + 1).to_bytes(2, "big") + bytes((unit,)) + pdu
    )


def split(buf: bytes | bytearray) -> tuple[list[MbapFrame], int]:
    """Parse as many complete frames as `buf` holds: (frames, bytes consumed).

    Pure. Raises MbapError when the header is impossible (protocol id not 0, length 0 or > 254):
    the stream has lost sync and the connection must be dropped.
    """
    frames: list[MbapFrame] = []
    pos = 0
    n = len(buf)
    while n - pos >= MBAP_HEADER:
        protocol = (buf[pos + 2] << 8) | buf[pos + 3]
        length = (buf[pos + 4] << 8) | buf[pos + 5]
        if protocol != 0 or not 2 <= length <= MAX_PDU + 1:
            raise MbapError(f"bad MBAP header: protocol {protocol}, length {length}")
        end = pos + 6 + length
        if end > n:
            break
        frames.append(
            MbapFrame((buf[pos] << 8) | buf[pos + 1], buf[pos + 6], bytes(buf[pos + MBAP_HEADER : end]))
        )
        pos = end
    return frames, pos
