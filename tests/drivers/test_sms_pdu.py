"""SMS-SUBMIT encoding against published 3GPP TS 23.040 examples and hand-computed UCS2 PDUs."""

from __future__ import annotations

import pytest

from acrel_console.drivers.sms import gsm7
from acrel_console.drivers.sms.api import SmsInvalidMessage
from acrel_console.drivers.sms.pdu import (
    TYPE_NATIONAL,
    address_field,
    decode_submit,
    encode_submit,
    normalise_number,
    segment_count,
    semi_octets,
)

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua.Ut enim ad minim veniam, quinostrud exercitation ullamco laboris nisi ut aliquip ex ea "
    "commodo consequat.Duis aute irure dolor in reprehenderit in voluptate velit esse cillum doloe eu fugiat "
    "nulla pariatur.Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit "
    "anim id est laborum"
)


def test_hellohello_published_example() -> None:
    """The classic example (dreamfabric/developershome): 7-bit, international number, VP 0xAA."""
    (pdu,) = encode_submit("+46708251358", "hellohello", validity=0xAA)
    assert pdu.hex == "0011000B916407281553F80000AA0AE8329BFD4697D9EC37"
    assert pdu.tpdu_length == 23 and (pdu.part, pdu.parts) == (1, 1)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # python-gsmmodem's published SMS-SUBMIT vectors
        (dict(number="+27820001111", text="Hello World!"),
         "0001000B917228001011F100000CC8329BFD065DDF72363904"),
        (dict(number="+123456789", text="世界您好！", validity=0xF4, smsc="+44000000000"),
         "07914400000000F01100099121436587F90008F40A4E16754C60A8597DFF01"),
        (dict(number="0126541234", text="Test message: local numbers", tp_mr=13, validity=0xA9, smsc="12345",
              status_report=True, national_type=TYPE_NATIONAL),
         "04A12143F5310D0AA110624521430000A91BD4F29C0E6A97E7F3F0B9AC03B1DFE3301BE4AEB7C565F91C"),
    ],
)
def test_published_single_part_vectors(kwargs: dict[str, object], expected: str) -> None:
    (pdu,) = encode_submit(**kwargs)  # type: ignore[arg-type]
    assert pdu.hex == expected
    smsc_octets = int(expected[:2], 16) + 1
    assert pdu.tpdu_length == len(expected) // 2 - smsc_octets


def test_published_concatenated_gsm7_vector() -> None:
    """Three parts, 8-bit reference 0, UDHI+RD (first octet 0x45); 153+153+127 characters."""
    expected = [
        "0045000B915121551532F40000A0050003000301986F79B90D4AC3E7F53688FC66BFE5A0799A0E0AB7CB741668FC76CFCB637A995E"
        "9783C2E4343C3D4F8FD3EE33A8CC4ED359A079990C22BF41E5747DDE7E9341F4721BFE9683D2EE719A9C26D7DD74509D0E6287C56F"
        "791954A683C86FF65B5E06B5C36777181466A7E3F5B0AB4A0795DDE936284C06B5D3EE741B642FBBD3E1360B14AFA7DD",
        "0045000B915121551532F40000A0050003000302DE73BABC4E0695F165F9384D0FD3D36F37A8CE6687DBE337881D16BFE5E939C89D"
        "9EA741753A28CC4EC7EB6938A88C0795C3A0F1BBDD7E93DFA0F1DB3D2FC7EB61BA8B584FCF41E13ABD0C4ACBEBF23288FC66BFE5A0"
        "B41B242FC3E56574D94D2ECBD37450DA0DB2BFD975383D4C2F83EC65769A0E2ACFE765D038CD66D7DB20F29BFD2E83CA",
        "0045000B915121551532F400008C050003000303EA2073FD9C0ED341EE3A9B1D06C1C3F274985E97BB8AF871194E2FD7E5A079DA4D"
        "07BDC7E370791CA683C675789A1CA687E920F7DB0D82CBDF6972D94D6781E675371D947683C675363C0C8AD7D3A0B7D99C1EA7C320"
        "72795E96D7DD7450FBCD66A7E9A0B03BDD06A5C9A0F29C0E6287C56F79BD0D",
    ]
    pdus = encode_submit("+15125551234", LOREM, reject_duplicates=True)
    assert [p.hex for p in pdus] == expected
    assert [(p.part, p.parts) for p in pdus] == [(1, 3), (2, 3), (3, 3)]
    assert "".join(decode_submit(p.hex).text for p in pdus) == LOREM


def test_ucs2_chinese_hand_computed() -> None:
    """Worked by hand for '你好' to 13800138000 (bare national number, type 81), VP 4 days:

    00            SMSC field: use the SIM's service centre
    11            first octet: SMS-SUBMIT (01) + relative validity (10)
    00            TP-MR (the modem assigns one)
    0B 81         11 digits, type 81 (unknown type, ISDN plan)
    3108108300F0  13 80 01 38 00 0 -> nibbles swapped, odd digit padded with F
    00            TP-PID
    08            TP-DCS: UCS2
    AA            TP-VP: 170 -> (170-166) = 4 days
    04            TP-UDL: 4 octets
    4F60 597D     U+4F60 你, U+597D 好
    TPDU length for AT+CMGS = 19 octets - 1 (SMSC field) = 18.
    """
    (pdu,) = encode_submit("13800138000", "你好", validity=0xAA)
    assert pdu.hex == "0011000B813108108300F00008AA044F60597D"
    assert pdu.tpdu_length == 18


def test_ucs2_field_arrears_text_international_number() -> None:
    text = "温馨提示:户名：张三,状态：欠费,(电费)剩余金额-558.50元,请及时充值。"
    assert len(text) <= 70
    (pdu,) = encode_submit("+8613800138000", text, validity=0xA7)
    assert pdu.hex.startswith("0011000D91683108108300F00008A7")  # 13 digits, 0x91, 86 13 80 01 38 00 0F -> 68 31 08 10 83 00 F0
    assert int(pdu.hex[30:32], 16) == len(text) * 2
    assert pdu.hex[32:].lower() == text.encode("utf-16-be").hex()
    assert decode_submit(pdu.hex).text == text


def test_long_chinese_text_is_concatenated_ucs2() -> None:
    text = "".join(chr(0x4E00 + i) for i in range(150))  # 150 CJK characters -> 67 + 67 + 16
    pdus = encode_submit("13800138000", text, concat_ref=0x5A)
    assert [p.parts for p in pdus] == [3, 3, 3]
    for seq, p in enumerate(pdus, 1):
        d = decode_submit(p.hex)
        assert d.concat == (0x5A, 3, seq)
        assert int(p.hex[2:4], 16) & 0x40  # UDHI
        assert p.hex[24:26] == "08"  # UCS2 (after 00 | 41 | 00 | 0B 81 + 6 octets | 00)
    udl = [int(p.hex[26:28], 16) for p in pdus]
    assert udl == [6 + 134, 6 + 134, 6 + 32]
    assert "".join(decode_submit(p.hex).text for p in pdus) == text
    assert segment_count(text) == 3


def test_16_bit_reference_and_part_sizes() -> None:
    text = "".join(chr(0x4E00 + i) for i in range(133))  # 66 + 66 + 1 with a 7-octet UDH
    pdus = encode_submit("13800138000", text, concat_ref=0x1234, ref16=True)
    assert len(pdus) == 3
    assert decode_submit(pdus[0].hex).concat == (0x1234, 3, 1)
    assert "060804123403" in pdus[0].hex
    gsm = "x" * 305  # 152 + 152 + 1
    assert len(encode_submit("1", gsm, ref16=True)) == 3
    assert len(encode_submit("1", "x" * 306)) == 2  # 153 + 153


def test_surrogate_pair_never_split() -> None:
    text = "中" * 66 + "😀" + "文" * 5  # 73 units: concatenated; the 2-unit emoji would straddle unit 67
    pdus = encode_submit("10086", text)
    assert [decode_submit(p.hex).text for p in pdus] == ["中" * 66, "😀" + "文" * 5]


def test_gsm7_escape_pair_never_split_and_extension_packing() -> None:
    text = "a" * 152 + "€" + "b" * 10  # € is ESC 0x65: would straddle 153
    pdus = encode_submit("10086", text)
    assert [decode_submit(p.hex).text for p in pdus] == ["a" * 152, "€" + "b" * 10]
    # python-gsmmodem's published packing of 'a[]{}€'
    septets = [s for chunk in gsm7.to_septets("a[]{}€") for s in chunk]
    assert septets == [97, 27, 60, 27, 62, 27, 40, 27, 41, 27, 101]
    assert list(gsm7.pack(septets)) == [225, 13, 111, 227, 219, 160, 54, 169, 77, 25]


def test_single_part_limits() -> None:
    assert len(encode_submit("1", "x" * 160)) == 1
    assert len(encode_submit("1", "x" * 161)) == 2
    assert len(encode_submit("1", "中" * 70)) == 1
    assert len(encode_submit("1", "中" * 71)) == 2
    assert segment_count("x" * 159 + "€") == 2  # € counts two septets


def test_ascii_outside_gsm7_falls_back_to_ucs2() -> None:
    (pdu,) = encode_submit("1", "a`b")  # backtick has no GSM 7-bit code
    assert decode_submit(pdu.hex).dcs == 0x08
    with pytest.raises(SmsInvalidMessage):
        encode_submit("1", "a`b", encoding="gsm7")
    (forced,) = encode_submit("1", "abc", encoding="ucs2")
    assert decode_submit(forced.hex).dcs == 0x08


@pytest.mark.parametrize(
    ("number", "normal", "field"),
    [
        ("+46708251358", "+46708251358", "0B916407281553F8"),
        ("+86 138-0013-8000", "+8613800138000", "0D91683108108300F0"),
        ("10086", "10086", "05810180F6"),
    ],
)
def test_numbers(number: str, normal: str, field: str) -> None:
    assert normalise_number(number) == normal
    assert address_field(number).hex().upper() == field


@pytest.mark.parametrize("bad", ["", "+", "abc", "138 0013 800x", "1" * 21, "+٣٣٣"])
def test_bad_numbers(bad: str) -> None:
    with pytest.raises(SmsInvalidMessage):
        encode_submit(bad, "hi")


def test_semi_octets() -> None:
    assert semi_octets("15125551234") == bytes([0x51, 0x21, 0x55, 0x15, 0x32, 0xF4])
    assert semi_octets("1234") == bytes([0x21, 0x43])


def test_too_many_parts() -> None:
    with pytest.raises(SmsInvalidMessage):
        encode_submit("1", "中" * 500, max_parts=5)
