"""Modbus CRC-16 (polynomial 0xA001 reflected, initial 0xFFFF), appended low byte first."""

from __future__ import annotations


def _make_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_TABLE = _make_table()


def crc16(data: bytes | bytearray | memoryview) -> int:
    """The Modbus CRC-16 of `data` as an integer (send it as `crc.to_bytes(2, "little")`)."""
    crc = 0xFFFF
    table = _TABLE
    for b in data:
        crc = (crc >> 8) ^ table[(crc ^ b) & 0xFF]
    return crc


def append_crc(data: bytes | bytearray) -> bytes:
    """`data` followed by its CRC, low byte first."""
    return bytes(data) + crc16(data).to_bytes(2, "little")


def crc_ok(frame: bytes | bytearray | memoryview) -> bool:
    """True if the last two bytes of `frame` are the CRC of the bytes before them."""
    if len(frame) < 3:
        return False
    return crc16(frame[:-2]) == int.from_bytes(bytes(frame[-2:]), "little")
