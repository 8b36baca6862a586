"""Codec tests against hand-computed bytes from the hardware doc and design §13."""

from __future__ import annotations

from datetime import datetime

import pytest

from acrel_console.domain.readings import ForceMode
from acrel_console.drivers import crc, pdu, rtu, tea16, vendor20
from acrel_console.drivers.api import ExceptionReply, FrameError, InvalidRequest

PURCHASE_PLAIN = bytes.fromhex("01 20 01 00 00 04 08 00 00 27 10 00 01 00 00 12 1F")
PURCHASE_CIPHER = bytes.fromhex("32 7C FF AA 63 C3 82 E2 F4 29 F7 E0 BD E3 C6 E4 15 42 D6 8F")
TRIP = bytes.fromhex("01 10 00 57 00 02 04 00 01 00 01 27 75")
CLOSE = bytes.fromhex("01 10 00 57 00 02 04 00 01 00 00 E6 B5")
RELEASE = bytes.fromhex("01 10 00 57 00 02 04 00 00 00 00 B7 75")


def test_crc_known_frames() -> None:
    # Classic reference: read 1 register at 0 from unit 1 -> CRC 84 0A.
    assert rtu.build_adu(1, bytes.fromhex("03 00 00 00 01")) == bytes.fromhex("01 03 00 00 00 01 84 0A")
    for frame in (PURCHASE_PLAIN, TRIP, CLOSE, RELEASE):
        assert crc.crc_ok(frame)
        assert crc.append_crc(frame[:-2]) == frame
    assert not crc.crc_ok(TRIP[:-1] + bytes((TRIP[-1] ^ 1,)))
    assert crc.crc16(b"123456789") == 0x4B37  # CRC-16/MODBUS check value


@pytest.mark.parametrize(
    ("values", "frame"), [((1, 1), TRIP), ((1, 0), CLOSE), ((0, 0), RELEASE)]
)
def test_force_frames(values: tuple[int, int], frame: bytes) -> None:
    p, spec = pdu.write_multiple_request(0x0057, values)
    assert rtu.build_adu(1, p) == frame
    assert spec.matches(bytes.fromhex("10 00 57 00 02"))
    assert not spec.matches(bytes.fromhex("10 00 58 00 02"))


def test_purchase_request_frame() -> None:
    p, spec = vendor20.request(0x01, 0x00, vendor20.purchase_data(10000, 1))
    assert rtu.build_adu(1, p) == PURCHASE_PLAIN
    assert spec.length == 12 and spec.prefix == bytes((0x20, 0x01, 0x00))
    assert vendor20.parse_request(p) == (1, 0, bytes.fromhex("00 00 27 10 00 01 00 00"))
    assert vendor20.decode_purchase_data(vendor20.purchase_data(-500, 7)) == (-500, 7)
    # A refund: negative INT32 two's complement.
    assert vendor20.purchase_data(-1, 2) == bytes.fromhex("FF FF FF FF 00 02 00 00")


def test_tea16_vector_and_round_trip() -> None:
    assert tea16.encrypt(PURCHASE_PLAIN) == PURCHASE_CIPHER
    assert tea16.decrypt(PURCHASE_CIPHER) == PURCHASE_PLAIN + bytes(3)
    key = (1, 2, 0xFFFF, 0x1234)
    for n in range(0, 40):
        data = bytes(range(n))
        ct = tea16.encrypt(data, key)
        assert len(ct) % 4 == 0 and len(ct) >= n
        assert tea16.decrypt(ct, key)[:n] == data
    assert tea16.encrypt(PURCHASE_PLAIN, key) != PURCHASE_CIPHER
    with pytest.raises(ValueError):
        tea16.decrypt(b"\x00" * 5)
    with pytest.raises(ValueError):
        tea16.encrypt(b"x", (1, 2, 3, 0x10000))


def test_vendor_reply_decode() -> None:
    reply = bytes.fromhex("20 01 00 00 00 00 27 10 00 01 00 00")
    r = vendor20.decode_reply(reply, 1, 0)
    assert (r.status, r.remaining_fen, r.purchase_count) == (0, 10000, 1)
    assert vendor20.encode_reply(1, 0, 0, 10000, 1) == reply
    dup = vendor20.decode_reply(bytes.fromhex("20 01 00 01 FF FF FF 9C 00 05 00 00"), 1, 0)
    assert (dup.status, dup.remaining_fen, dup.purchase_count) == (1, -100, 5)
    with pytest.raises(ExceptionReply) as ei:
        vendor20.decode_reply(bytes.fromhex("A0 04"), 1, 0)
    assert (ei.value.function, ei.value.code) == (0x20, 4)
    with pytest.raises(FrameError):
        vendor20.decode_reply(reply, 2, 0)
    with pytest.raises(FrameError):
        vendor20.decode_reply(reply[:-1], 1, 0)
    with pytest.raises(FrameError):
        vendor20.decode_reply(bytes.fromhex("20 01 00 07 00 00 27 10 00 01 00 00"), 1, 0)


def test_clock_payload() -> None:
    at = datetime(2026, 11, 22, 13, 4, 5)  # a Sunday
    data = vendor20.clock_data(at)
    assert data == bytes.fromhex("05 04 0D 00 16 0B 1A 00 00 00")
    assert vendor20.decode_clock_data(data) == at
    p, spec = vendor20.request(vendor20.GROUP_CLOCK, vendor20.CHANNEL_CLOCK, data)
    assert p[:6] == bytes.fromhex("20 03 54 00 05 0A")
    assert datetime(2026, 11, 23).weekday() == 0 and vendor20.clock_data(datetime(2026, 11, 23))[3] == 1


def test_force_group05_payload() -> None:
    assert vendor20.force_data(ForceMode.TRIP, 3) == bytes.fromhex("01 01 01 01 01 01 01 01 01 00")
    assert vendor20.force_data(ForceMode.KEEP_POWER, 1) == bytes.fromhex("01 01 00 00 00 00 00 00 00 00")
    assert vendor20.force_data(ForceMode.RESTORE_PREPAID, 1)[:3] == bytes.fromhex("01 00 00")


def test_power_control_payload() -> None:
    d = vendor20.power_control_data(2000, 50, 500)
    assert len(d) == 26
    assert d[:9] == bytes.fromhex("00 00 01 07 D0 00 32 01 F4")
    with pytest.raises(InvalidRequest):
        vendor20.power_control_data(70000, 0, 0)


def test_read_request_and_reply_spec() -> None:
    p, spec = pdu.read_holding_request(0x0200, 48)
    assert rtu.build_adu(1, p)[:6] == bytes.fromhex("01 03 02 00 00 30")
    assert spec.length == 98 and spec.prefix == bytes((3, 96))
    assert pdu.registers(bytes.fromhex("00 07 FF FF")) == [7, 0xFFFF]
    with pytest.raises(ExceptionReply):
        pdu.check_reply(bytes.fromhex("83 02"), spec)
    with pytest.raises(FrameError):
        pdu.check_reply(bytes.fromhex("03 02 00 00"), spec)
    with pytest.raises(InvalidRequest):
        pdu.read_holding_request(0, 126)
    with pytest.raises(InvalidRequest):
        pdu.write_multiple_request(0x10000, [1])


def test_every_bus_error_has_a_user_template() -> None:
    from acrel_console.drivers import api

    classes = [api.BusError, api.BusUnavailable, api.MeterTimeout, api.FrameError, api.CrcError,
               api.ExceptionReply, api.InvalidRequest]
    templates = {c: c.user_template for c in classes}
    assert all(t and t[0].isupper() for t in templates.values())
    assert len(set(templates.values())) == len(classes)
    assert api.ExceptionReply(0x20, 4).code == 4


def test_cipher_key_is_not_in_repr() -> None:
    from acrel_console.drivers.api import BusConfig

    cfg = BusConfig(name="b", kind="serial", serial_port="/dev/x", cipher_key=(0x6163, 0x7265, 0x6C33, 0x3231))
    assert "6163" not in repr(cfg) and "24931" not in repr(cfg) and "cipher" not in repr(cfg)
