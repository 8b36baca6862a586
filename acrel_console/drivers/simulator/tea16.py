"""Acrel's 16-bit TEA link cipher (hardware doc §1.6): whole RTU frame, zero-padded to 4 bytes."""

from __future__ import annotations

DEFAULT_KEY: tuple[int, int, int, int] = (0x6163, 0x7265, 0x6C33, 0x3231)  # ASCII "acrel321"
_DELTA = 0x9E3779B9
_ROUNDS = 16


def key_from_ascii(text: str) -> tuple[int, int, int, int]:
    """Four 16-bit key words from an 8-character ASCII key ("acrel321" -> DEFAULT_KEY)."""
    raw = text.encode("ascii")
    if len(raw) != 8:
        raise ValueError("the TEA16 key is exactly 8 ASCII characters")
    return (
        (raw[0] << 8) | raw[1],
        (raw[2] << 8) | raw[3],
        (raw[4] << 8) | raw[5],
        (raw[6] << 8) | raw[7],
    )


def _mix(v: int, s: int, ka: int, kb: int) -> int:
    return (((v << 4) + ka) ^ (v + s) ^ ((v >> 5) + kb)) & 0xFFFF


def encrypt(frame: bytes, key: tuple[int, int, int, int] = DEFAULT_KEY) -> bytes:
    """Encipher a whole frame (padded with zero bytes to a multiple of 4)."""
    buf = bytes(frame) + bytes((-len(frame)) % 4)
    out = bytearray()
    for i in range(0, len(buf), 4):
        v0 = (buf[i] << 8) | buf[i + 1]
        v1 = (buf[i + 2] << 8) | buf[i + 3]
        s = 0
        for _ in range(_ROUNDS):
            s = (s + _DELTA) & 0xFFFFFFFF
            v0 = (v0 + _mix(v1, s, key[0], key[1])) & 0xFFFF
            v1 = (v1 + _mix(v0, s, key[2], key[3])) & 0xFFFF
        out += bytes((v0 >> 8, v0 & 0xFF, v1 >> 8, v1 & 0xFF))
    return bytes(out)


def decrypt(data: bytes, key: tuple[int, int, int, int] = DEFAULT_KEY) -> bytes:
    """Inverse of `encrypt` (the zero padding is left in place; length must be a multiple of 4)."""
    if len(data) % 4:
        raise ValueError("TEA16 ciphertext length must be a multiple of 4")
    out = bytearray()
    for i in range(0, len(data), 4):
        v0 = (data[i] << 8) | data[i + 1]
        v1 = (data[i + 2] << 8) | data[i + 3]
        s = (_DELTA * _ROUNDS) & 0xFFFFFFFF
        for _ in range(_ROUNDS):
            v1 = (v1 - _mix(v0, s, key[2], key[3])) & 0xFFFF
            v0 = (v0 - _mix(v1, s, key[0], key[1])) & 0xFFFF
            s = (s - _DELTA) & 0xFFFFFFFF
        out += bytes((v0 >> 8, v0 & 0xFF, v1 >> 8, v1 & 0xFF))
    return bytes(out)
