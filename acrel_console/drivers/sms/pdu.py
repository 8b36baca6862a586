"""SMS-SUBMIT PDUs (3GPP TS 23.040 / GSM 03.40): numbers, GSM 7-bit or UCS2, concatenation UDH.

A PDU as the modem takes it after AT+CMGS=<tpdu_length>: the SMSC field ('00' = the SIM's
default centre) followed by the TPDU:

    first octet | TP-MR | TP-DA | TP-PID | TP-DCS | [TP-VP] | TP-UDL | TP-UD

first octet bits: MTI=01 (SUBMIT), RD 0x04, VPF relative 0x10, SRR 0x20, UDHI 0x40.
A text needing more than one SMS gets a user data header with IEI 00 (8-bit reference,
6 octets) or IEI 08 (16-bit reference, 7 octets): 153/152 GSM characters or 67/66 UCS2 units
per part instead of 160/70.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from acrel_console.drivers.sms import gsm7
from acrel_console.drivers.sms.api import SmsInvalidMessage

Encoding = Literal["auto", "gsm7", "ucs2"]

MTI_SUBMIT = 0x01
RD = 0x04
VPF_RELATIVE = 0x10
SRR = 0x20
UDHI = 0x40
TYPE_INTERNATIONAL = 0x91
TYPE_UNKNOWN = 0x81  # unknown type, ISDN plan: what most modems take for a bare national number
TYPE_NATIONAL = 0xA1
DCS_GSM7 = 0x00
DCS_UCS2 = 0x08

SINGLE_GSM7 = 160
SINGLE_UCS2_UNITS = 70
MAX_PARTS = 255
MAX_DIGITS = 20


@dataclass(frozen=True, slots=True)
class SubmitPdu:
    """One SMS-SUBMIT ready for AT+CMGS: uppercase hex and the TPDU length (octets after the SMSC field)."""

    hex: str
    tpdu_length: int
    part: int  # 1-based
    parts: int


def normalise_number(number: str) -> str:
    """'+86 138-0013-8000' -> '+8613800138000'; SmsInvalidMessage unless digits with an optional '+'."""
    cleaned = "".join(ch for ch in number.strip() if ch not in " -()")
    digits = cleaned[1:] if cleaned.startswith("+") else cleaned
    if not digits.isdigit() or not digits.isascii() or len(digits) > MAX_DIGITS:
        raise SmsInvalidMessage(f"not a phone number: {number!r}")
    return cleaned


def semi_octets(digits: str) -> bytes:
    """'46708251358' -> 64 07 28 15 53 F8: digit pairs swapped, an odd count padded with F."""
    if len(digits) % 2:
        digits += "F"
    return bytes(int(digits[i + 1] + digits[i], 16) for i in range(0, len(digits), 2))


def _type_and_digits(number: str, national_type: int) -> tuple[int, str]:
    n = normalise_number(number)
    if n.startswith("+"):
        return TYPE_INTERNATIONAL, n[1:]
    return national_type, n


def address_field(number: str, national_type: int = TYPE_UNKNOWN) -> bytes:
    """TP-DA: digit count, type of address, semi-octets."""
    toa, digits = _type_and_digits(number, national_type)
    return bytes([len(digits), toa]) + semi_octets(digits)


def smsc_field(smsc: str | None, national_type: int = TYPE_UNKNOWN) -> bytes:
    """The leading SMSC field: 00 for the SIM's default, else octet count (incl. type), type, semi-octets."""
    if not smsc:
        return b"\x00"
    toa, digits = _type_and_digits(smsc, national_type)
    body = bytes([toa]) + semi_octets(digits)
    return bytes([len(body)]) + body


def choose_encoding(text: str, encoding: Encoding = "auto") -> Literal["gsm7", "ucs2"]:
    """GSM 7-bit when every character fits it (unless told otherwise), else UCS2."""
    if encoding == "ucs2":
        return "ucs2"
    if encoding == "gsm7":
        if not gsm7.encodable(text):
            raise SmsInvalidMessage("text has characters outside the GSM 7-bit alphabet")
        return "gsm7"
    return "gsm7" if gsm7.encodable(text) else "ucs2"


def _split_gsm7(text: str, per_part: int) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for chunk in gsm7.to_septets(text):
        if len(parts[-1]) + len(chunk) > per_part:  # an escape pair never straddles two parts
            parts.append([])
        parts[-1].extend(chunk)
    return parts


def _split_ucs2(text: str, per_part: int) -> list[bytes]:
    parts: list[bytearray] = [bytearray()]
    for ch in text:
        units = ch.encode("utf-16-be")  # 2 octets, or 4 for a surrogate pair (kept together)
        if len(parts[-1]) + len(units) > per_part * 2:
            parts.append(bytearray())
        parts[-1].extend(units)
    return [bytes(p) for p in parts]


def _udh(ref: int, total: int, seq: int, ref16: bool) -> bytes:
    if ref16:
        return bytes([6, 0x08, 4, (ref >> 8) & 0xFF, ref & 0xFF, total, seq])
    return bytes([5, 0x00, 3, ref & 0xFF, total, seq])


def segment_count(text: str, encoding: Encoding = "auto", ref16: bool = False) -> int:
    """How many SMS the text needs (what the operator bills)."""
    enc = choose_encoding(text, encoding)
    if enc == "gsm7":
        if sum(len(s) for s in gsm7.to_septets(text)) <= SINGLE_GSM7:
            return 1
        return len(_split_gsm7(text, 152 if ref16 else 153))
    if len(text.encode("utf-16-be")) <= SINGLE_UCS2_UNITS * 2:
        return 1
    return len(_split_ucs2(text, 66 if ref16 else 67))


def encode_submit(
    number: str,
    text: str,
    *,
    tp_mr: int = 0,
    concat_ref: int = 0,
    validity: int | None = None,
    smsc: str | None = None,
    reject_duplicates: bool = False,
    status_report: bool = False,
    encoding: Encoding = "auto",
    ref16: bool = False,
    national_type: int = TYPE_UNKNOWN,
    max_parts: int = MAX_PARTS,
) -> list[SubmitPdu]:
    """The SMS-SUBMIT PDU(s) for one text. `validity` is the relative TP-VP octet (0xA7 = 24 h,
    0xAA = 4 days) or None to omit it. Raises SmsInvalidMessage for a bad number or too many parts."""
    if not 0 <= tp_mr <= 0xFF or not 0 <= concat_ref <= (0xFFFF if ref16 else 0xFF):
        raise SmsInvalidMessage("message reference out of range")
    if validity is not None and not 0 <= validity <= 0xFF:
        raise SmsInvalidMessage("relative validity period is one octet")
    head = smsc_field(smsc, national_type)
    da = address_field(number, national_type)
    enc = choose_encoding(text, encoding)

    bodies: list[tuple[bytes, int]]  # (user data after any UDH, UDL contribution), per part
    if enc == "gsm7":
        septets = [s for chunk in gsm7.to_septets(text) for s in chunk]
        chunks = [septets] if len(septets) <= SINGLE_GSM7 else _split_gsm7(text, 152 if ref16 else 153)
        dcs = DCS_GSM7
    else:
        raw = text.encode("utf-16-be")
        ucs_chunks = [raw] if len(raw) <= SINGLE_UCS2_UNITS * 2 else _split_ucs2(text, 66 if ref16 else 67)
        dcs = DCS_UCS2
    total = len(chunks) if enc == "gsm7" else len(ucs_chunks)
    if total > max_parts:
        raise SmsInvalidMessage(f"text needs {total} SMS, more than the {max_parts} allowed")

    first = MTI_SUBMIT
    if reject_duplicates:
        first |= RD
    if validity is not None:
        first |= VPF_RELATIVE
    if status_report:
        first |= SRR
    if total > 1:
        first |= UDHI

    pdus: list[SubmitPdu] = []
    for seq in range(1, total + 1):
        udh = _udh(concat_ref, total, seq, ref16) if total > 1 else b""
        if enc == "gsm7":
            chunk = chunks[seq - 1]
            fill = (7 - (len(udh) * 8) % 7) % 7
            header_septets = (len(udh) * 8 + fill) // 7
            ud = udh + gsm7.pack(chunk, fill)
            udl = header_septets + len(chunk)
        else:
            ud = udh + ucs_chunks[seq - 1]
            udl = len(ud)
        tpdu = bytes([first, tp_mr]) + da + bytes([0x00, dcs])
        if validity is not None:
            tpdu += bytes([validity])
        tpdu += bytes([udl]) + ud
        pdus.append(SubmitPdu(hex=(head + tpdu).hex().upper(), tpdu_length=len(tpdu), part=seq, parts=total))
    return pdus


@dataclass(frozen=True, slots=True)
class DecodedSubmit:
    """What a modem (simulator) reads out of an SMS-SUBMIT PDU."""

    number: str
    text: str
    concat: tuple[int, int, int] | None  # (reference, total, sequence)
    dcs: int
    validity: int | None


def decode_submit(pdu_hex: str) -> DecodedSubmit:
    """Parse an SMS-SUBMIT as built above (relative or no VP; concatenation UDH). ValueError if malformed."""
    data = bytes.fromhex(pdu_hex)
    i = data[0] + 1  # skip the SMSC field
    first = data[i]
    if first & 0x03 != MTI_SUBMIT:
        raise ValueError("not an SMS-SUBMIT")
    i += 2  # first octet, TP-MR
    ndigits, toa = data[i], data[i + 1]
    nbytes = (ndigits + 1) // 2
    sem = data[i + 2: i + 2 + nbytes]
    digits = "".join(f"{b & 0x0F:X}{b >> 4:X}" for b in sem)[:ndigits]
    number = ("+" if toa == TYPE_INTERNATIONAL else "") + digits
    i += 2 + nbytes
    dcs = data[i + 1]
    i += 2
    validity = None
    vpf = first & 0x18
    if vpf == VPF_RELATIVE:
        validity = data[i]
        i += 1
    elif vpf:
        raise ValueError("only relative validity is supported")
    udl = data[i]
    ud = data[i + 1:]
    concat = None
    udh_len = 0
    if first & UDHI:
        udh_len = ud[0] + 1
        j = 1
        while j < udh_len:
            iei, ln = ud[j], ud[j + 1]
            val = ud[j + 2: j + 2 + ln]
            if iei == 0x00:
                concat = (val[0], val[1], val[2])
            elif iei == 0x08:
                concat = ((val[0] << 8) | val[1], val[2], val[3])
            j += 2 + ln
    if dcs == DCS_UCS2:
        text = ud[udh_len:udl].decode("utf-16-be")
    else:
        fill = (7 - (udh_len * 8) % 7) % 7 if udh_len else 0
        header_septets = (udh_len * 8 + fill) // 7
        septets = gsm7.unpack(ud[udh_len:], udl - header_septets, fill)
        text = gsm7.decode(septets)
    return DecodedSubmit(number=number, text=text, concat=concat, dcs=dcs, validity=validity)
