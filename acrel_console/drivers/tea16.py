"""Acrel's 16-bit TEA link cipher for vendor function 0x20 frames (hardware doc §1.6).

The whole RTU frame (address, function, data and CRC) is zero-padded to a multiple of 4 bytes and
enciphered in 4-byte blocks of two big-endian 16-bit halves, 16 rounds, delta 0x9E3779B9 (the sum
kept to 32 bits and folded into 16-bit arithmetic), key = four 16-bit words. The default key is
ASCII "acrel321" = (0x6163, 0x7265, 0x6C33, 0x3231). Decryption is the exact inverse; padding bytes
are returned as they come (the caller knows the frame length from its own framing).
"""

from __future__ import annotations

DEFAULT_KEY: tuple[int, int, int, int] = (0x6163, 0x7265, 0x6C33, 0x3231)
_DELTA = 0x9E3779B9
_ROUNDS = 16
_M16 = 0xFFFF
_M32 = 0xFFFFFFFF


def _check_key(key: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    if len(key) != 4 or any(not isinstance(k, int) or not 0 <= k <= _M16 for k in key):
        raise ValueError("TEA16 key must be four integers 0..0xFFFF")
    return key


def encrypt(frame: bytes, key: tuple[int, int, int, int] = DEFAULT_KEY) -> bytes:
    """Encipher `frame` (zero-padded to a multiple of 4 bytes)."""
    k0, k1, k2, k3 = _check_key(key)
    buf = bytes(frame) + bytes((-len(frame)) % 4)
    out = bytearray()
    for i in range(0, len(buf), 4):
        v0 = (buf[i] << 8) | buf[i + 1]
        v1 = (buf[i + 2] << 8) | buf[i + 3]
        s = 0
        for _ in range(_ROUNDS):
            s = (s + _DELTA) & _M32
            v0 = (v0 + ((((v1 << 4) + k0) ^ (v1 + s) ^ ((v1 >> 5) + k1)) & _M16)) & _M16
            v1 = (v1 + ((((v0 << 4) + k2) ^ (v0 + s) ^ ((v0 >> 5) + k3)) & _M16)) & _M16
        out += bytes((v0 >> 8, v0 & 0xFF, v1 >> 8, v1 & 0xFF))
    return bytes(out)


def decrypt(data: bytes, key: tuple[int, int, int, int] = DEFAULT_KEY) -> bytes:
    """Decipher `data`; its length must be a multiple of 4 (ValueError otherwise)."""
    k0, k1, k2, k3 = _check_key(key)
    if len(data) % 4:
        raise ValueError("TEA16 ciphertext length must be a multiple of 4")
    out = bytearray()
    final_sum = (_DELTA * _ROUNDS) & _M32
    for i in range(0, len(data), 4):
        v0 = (data[i] << 8) | data[i + 1]
        v1 = (data[i + 2] << 8) | data[i + 3]
        s = final_sum
        for _ in range(_ROUNDS):
            v1 = (v1 - ((((v0 << 4) + k2) ^ (v0 + s) ^ ((v0 >> 5) + k3)) & _M16)) & _M16
            v0 = (v0 - ((((v1 << 4) + k0) ^ (v1 + s) ^ ((v1 >> 5) + k1)) & _M16)) & _M16
            s = (s - _DELTA) & _M32
        out += bytes((v0 >> 8, v0 & 0xFF, v1 >> 8, v1 & 0xFF))
    return bytes(out)
