"""RTU request framing on the meter side: split a byte stream into frames, recognise ciphertext."""

from __future__ import annotations

from acrel_console.drivers.simulator import tea16
from acrel_console.drivers.simulator.crc import crc_ok

FIXED_LEN = {0x01: 8, 0x02: 8, 0x03: 8, 0x04: 8, 0x05: 8, 0x06: 8}
COUNTED = frozenset({0x0F, 0x10, 0x20, 0xAA, 0xAB})  # addr fc x x x x n data(n) crc: 9 + n bytes
MAX_FRAME = 256


def expected_length(buf: bytes) -> int | None:
    """Length of the request frame at the start of `buf` judged by its function code, or None
    when the header is incomplete or the function code has no known layout (then wait for the
    inter-frame gap)."""
    if len(buf) < 2:
        return None
    fc = buf[1]
    if fc in FIXED_LEN:
        return FIXED_LEN[fc]
    if fc in COUNTED:
        if len(buf) < 7:
            return None
        return 9 + buf[6]
    return None


def split_frame(buf: bytearray) -> bytes | None:
    """Take one complete, CRC-valid frame off the front of `buf` by length, or None (leave buf)."""
    n = expected_length(bytes(buf[:7]))
    if n is None or len(buf) < n:
        return None
    frame = bytes(buf[:n])
    if not crc_ok(frame):
        return None
    del buf[:n]
    return frame


def decipher(
    data: bytes, keys: set[tuple[int, int, int, int]]
) -> bytes | None:
    """Try each key: a TEA16 ciphertext that decrypts to a CRC-valid frame followed only by
    zero padding (0-3 bytes) gives that frame; None otherwise."""
    if not data or len(data) % 4:
        return None
    for key in keys:
        plain = tea16.decrypt(data, key)
        # largest padding first: CRC(frame + its CRC) == 0, so "frame + 00 00" also passes a CRC
        # check; the header's own length decides when it is known
        for pad in range(3, -1, -1):
            if any(plain[len(plain) - pad :]):
                continue
            frame = plain[: len(plain) - pad]
            want = expected_length(frame)
            if want is not None and want != len(frame):
                continue
            if len(frame) >= 4 and crc_ok(frame):
                return frame
    return None
