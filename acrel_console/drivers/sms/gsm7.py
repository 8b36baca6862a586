"""GSM 03.38 (3GPP TS 23.038) default 7-bit alphabet: text to septets and septet packing."""

from __future__ import annotations

ESC = 0x1B

# Code points 0x00-0x7F of the default alphabet; 0x1B is the escape to the extension table.
BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
EXTENSION = {"\f": 0x0A, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2F, "[": 0x3C, "~": 0x3D, "]": 0x3E,
             "|": 0x40, "€": 0x65}

_BASIC_CODE = {ch: code for code, ch in enumerate(BASIC) if code != ESC}
assert len(BASIC) == 128


def septets_of(ch: str) -> tuple[int, ...] | None:
    """The septet(s) for one character (two for the extension table), or None if not in GSM 7-bit."""
    code = _BASIC_CODE.get(ch)
    if code is not None:
        return (code,)
    ext = EXTENSION.get(ch)
    if ext is not None:
        return (ESC, ext)
    return None


def encodable(text: str) -> bool:
    """True when every character has a GSM 7-bit representation."""
    return all(ch in _BASIC_CODE or ch in EXTENSION for ch in text)


def to_septets(text: str) -> list[tuple[int, ...]]:
    """Per character its septets (1 or 2); ValueError for a character outside the alphabet."""
    out: list[tuple[int, ...]] = []
    for ch in text:
        s = septets_of(ch)
        if s is None:
            raise ValueError(f"{ch!r} is not in the GSM 7-bit alphabet")
        out.append(s)
    return out


def pack(septets: list[int], fill_bits: int = 0) -> bytes:
    """Pack septets LSB-first into octets after `fill_bits` zero bits (UDH alignment, TS 23.040 9.2.3.16)."""
    value = 0
    for i, s in enumerate(septets):
        value |= (s & 0x7F) << (fill_bits + 7 * i)
    nbits = fill_bits + 7 * len(septets)
    return value.to_bytes((nbits + 7) // 8, "little")


def unpack(data: bytes, count: int, fill_bits: int = 0) -> list[int]:
    """Inverse of pack: `count` septets after `fill_bits` (used by the simulator and tests)."""
    value = int.from_bytes(data, "little") >> fill_bits
    return [(value >> (7 * i)) & 0x7F for i in range(count)]


def decode(septets: list[int]) -> str:
    """Septets back to text (escape sequences resolved)."""
    reverse_ext = {v: k for k, v in EXTENSION.items()}
    out: list[str] = []
    escaped = False
    for s in septets:
        if escaped:
            out.append(reverse_ext.get(s, " "))
            escaped = False
        elif s == ESC:
            escaped = True
        else:
            out.append(BASIC[s])
    return "".join(out)
