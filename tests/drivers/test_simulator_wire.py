"""Simulator over real TCP loopback: realtime block bytes, register ranges, purchase, control."""

from __future__ import annotations

import asyncio
import struct
import threading
from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.drivers.simulator import (
    FakeClock,
    Model,
    SimBus,
    SimMeter,
    crc_ok,
    start_tcp,
)
from acrel_console.drivers.simulator.probe import (
    MbapClient,
    RtuStream,
    purchase_pdu,
    read_pdu,
    vendor_pdu,
    write_pdu,
)

SUNDAY = datetime(2026, 3, 1, 13, 14, 15)  # a Sunday, peak period


def _meter(address: int, **kw: object) -> SimMeter:
    fields: dict[str, object] = dict(
        address=address,
        load_w=1000,
        pf_milli=1000,
        energy=[100, 200, 300, 400],
        remaining_fen=12_345,
        purchase_count=7,
        base_energy=99,
        alarm1_fen=2000,
        alarm2_fen=500,
    )
    fields.update(kw)
    return SimMeter(**fields)  # type: ignore[arg-type]


@pytest.fixture
def bus() -> SimBus:
    return SimBus([_meter(1), _meter(2, remaining_fen=300)], clock=FakeClock(SUNDAY))


@pytest.fixture
def tcp(bus: SimBus) -> Iterator[MbapClient]:
    with start_tcp(bus, mode="modbus-tcp") as srv, MbapClient("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture
def rtu(bus: SimBus) -> Iterator[RtuStream]:
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        yield c


def test_realtime_block_bytes_decode_by_hand(tcp: MbapClient) -> None:
    pdu = tcp.request(1, read_pdu(0x0200, 48))
    assert pdu is not None and pdu[:2] == bytes((0x03, 96))
    d = pdu[2:]
    u16 = lambda o: (d[o] << 8) | d[o + 1]  # noqa: E731
    u32 = lambda o: (u16(o) << 16) | u16(o + 2)  # noqa: E731
    assert u16(0) == 7  # DDSY1352
    assert (u16(2), u16(4), u16(6)) == (2200, 0, 0)  # 220.0 V, single phase
    assert u16(8) == 454  # 1000 W / 220 V = 4.54 A at PF 1
    assert (u16(14), u16(20)) == (1000, 1000)  # Pa, P total in 0.001 kW
    assert (u16(30), u16(36)) == (1000, 1000)  # PF
    assert (u16(38), u16(40)) == (1, 1)
    assert u32(42) == 1000 and [u32(o) for o in (46, 50, 54, 58)] == [100, 200, 300, 400]
    assert struct.unpack(">i", d[62:66])[0] == 12_345
    assert u16(66) == 7
    assert d[72] == 0x20  # relay L1 closed, no fault
    assert d[73] == 0x08 | 0x01  # fee control on, prepaid output L1 closed, no alarm
    assert u32(76) == 99
    assert tuple(d[80:87]) == (26, 3, 1, 0, 13, 14, 15)  # YY MM DD WW(Sunday=0) hh mm ss
    assert d[94:96] == b"\x00\x00"


def test_alarm_and_arrears_bits(bus: SimBus, tcp: MbapClient) -> None:
    pdu = tcp.request(2, read_pdu(0x0224, 1))
    assert pdu is not None and pdu[2] == 0x20 and pdu[3] == 0x08 | 0x01 | 0x40 | 0x80
    bus.meter(2).remaining_fen = 0
    pdu = tcp.request(2, read_pdu(0x0224, 1))
    assert pdu is not None and pdu[2] == 0x00  # relay open at zero balance
    assert pdu[3] == 0x08 | 0x20 | 0x40 | 0x80  # arrears + both alarms, prepaid output open


def test_three_phase_and_adf_layouts() -> None:
    bus = SimBus(
        [
            _meter(5, model=Model.DTSY1352, load_w=3000),
            _meter(37, model=Model.ADF400L, adf_board_code=2),
            _meter(38, model=Model.ADF400L, three_phase=True),
        ],
        clock=FakeClock(SUNDAY),
    )
    with start_tcp(bus, mode="modbus-tcp") as srv, MbapClient("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        d = c.request(5, read_pdu(0x0200, 48))[2:]  # type: ignore[index]
        assert struct.unpack(">HHHH", d[0:8]) == (5, 2200, 2200, 2200)
        assert struct.unpack(">hhhh", d[14:22]) == (1000, 1000, 1000, 3000)
        assert d[72] == 0xE0  # L1-L3 closed
        d = c.request(37, read_pdu(0x0200, 48))[2:]  # type: ignore[index]
        assert struct.unpack(">H", d[0:2])[0] == 10 and d[94:96] == bytes((2, 1))
        d = c.request(38, read_pdu(0x0200, 48))[2:]  # type: ignore[index]
        assert d[94:96] == bytes((0, 0))
        # ADF money read-back at 0x0500, none at 0x0400
        assert c.request(37, read_pdu(0x0400, 25)) == bytes((0x83, 2))
        back = c.request(37, read_pdu(0x0500, 18))
        assert back is not None and back[1] == 36 and struct.unpack(">H", back[2 + 0x0F * 2 : 2 + 0x10 * 2])[0] == 7


def test_other_ranges_and_exceptions(tcp: MbapClient) -> None:
    pdu = tcp.request(1, read_pdu(0x0000, 17))
    assert pdu is not None and pdu[1] == 34
    total, spike = struct.unpack(">II", pdu[2:10])
    assert (total, spike) == (1000, 100)
    assert struct.unpack(">H", pdu[2 + 0x0B * 2 : 2 + 0x0C * 2])[0] == 2200
    assert tcp.request(1, read_pdu(0x0022, 1)) == bytes((0x03, 2, 0x00, 0x41))  # multi-rate, prepaid
    back = tcp.request(1, read_pdu(0x0400, 25))
    assert back is not None and back[1] == 50
    words = struct.unpack(">25H", back[2:])
    assert words[0] == 1 and words[1] == 7
    assert struct.unpack(">4i", back[2 + 4 : 2 + 20]) == (12_000, 10_000, 7_000, 4_000)
    assert struct.unpack(">iii", back[2 + 20 : 2 + 32]) == (2000, 500, 0)
    assert struct.unpack(">i", back[2 + 0x14 * 2 : 2 + 0x16 * 2])[0] == 12_345
    assert tcp.request(1, read_pdu(0x0480, 7)) is not None
    assert tcp.request(1, read_pdu(0x1234, 2)) == bytes((0x83, 0x02))
    assert tcp.request(1, read_pdu(0x0200, 49)) == bytes((0x83, 0x02))  # runs past the block
    assert tcp.request(1, read_pdu(0x0200, 0)) == bytes((0x83, 0x03))
    assert tcp.request(1, bytes((0x2B, 0x0E, 0x01, 0x00))) == bytes((0xAB, 0x01))
    assert tcp.request(1, write_pdu(0x0200, [1])) == bytes((0x90, 0x02))


def test_rtu_crc_and_purchase_applied_duplicate_wrong_count(bus: SimBus, rtu: RtuStream) -> None:
    frame = rtu.request(1, read_pdu(0x0221, 1))
    assert crc_ok(frame) and frame[:3] == bytes((1, 3, 2)) and frame[3:5] == b"\x00\x07"
    # applied: count = current + 1
    frame = rtu.request(1, purchase_pdu(5_000, 8))
    assert len(frame) == 15 and crc_ok(frame)
    assert frame[:4] == bytes((1, 0x20, 0x01, 0x00))
    assert struct.unpack(">iH", frame[5:11]) == (17_345, 8) and frame[11:13] == b"\x00\x00"
    assert frame[4] == 0  # status 0 applied
    assert bus.meter(1).remaining_fen == 17_345 and bus.meter(1).purchase_count == 8
    # duplicate: same count again is ignored, status 1
    frame = rtu.request(1, purchase_pdu(5_000, 8))
    assert frame[4] == 1 and struct.unpack(">iH", frame[5:11]) == (17_345, 8)
    assert bus.meter(1).remaining_fen == 17_345
    # any other count: exception 04, nothing changes
    for wrong in (10, 7, 0):
        frame = rtu.request(1, purchase_pdu(5_000, wrong))
        assert frame[:3] == bytes((1, 0xA0, 0x04)) and crc_ok(frame)
    assert bus.meter(1).remaining_fen == 17_345 and bus.meter(1).purchase_count == 8
    assert bus.meter(1).total_purchased_fen == 5_000


def test_refund_below_zero_refused(bus: SimBus, rtu: RtuStream) -> None:
    frame = rtu.request(2, purchase_pdu(-301, 8))
    assert frame[:3] == bytes((2, 0xA0, 0x04))
    assert bus.meter(2).remaining_fen == 300
    frame = rtu.request(2, purchase_pdu(-300, 8))
    assert frame[4] == 0 and struct.unpack(">iH", frame[5:11]) == (0, 8)
    # a recharge that leaves a debt smaller is accepted (not a refund)
    bus.meter(2).remaining_fen = -500
    frame = rtu.request(2, purchase_pdu(200, 9))
    assert frame[4] == 0 and struct.unpack(">i", frame[5:9])[0] == -300


def test_forced_control_changes_relay_bits(bus: SimBus, rtu: RtuStream) -> None:
    def relay_hi() -> int:
        return rtu.request(1, read_pdu(0x0224, 1))[3]

    assert relay_hi() == 0x20
    trip = rtu.request(1, write_pdu(0x0057, [1, 1]))
    assert trip == bytes.fromhex("01 10 00 57 00 02") + trip[6:] and crc_ok(trip) and len(trip) == 8
    assert relay_hi() == 0x00
    assert rtu.request(1, read_pdu(0x0225, 1))[4] == 0x08  # forced, L1 not forced-closed
    rtu.request(1, write_pdu(0x0057, [1, 0]))  # forced close / keep power
    assert relay_hi() == 0x20
    bus.meter(1).remaining_fen = -100
    assert relay_hi() == 0x20  # keep power holds the relay closed in arrears
    rtu.request(1, write_pdu(0x0057, [0, 0]))  # restore prepaid: the meter decides
    assert relay_hi() == 0x00
    assert rtu.request(1, read_pdu(0x0057, 2))[3:7] == bytes(4)


def test_group05_forced_switching_per_channel() -> None:
    bus = SimBus([_meter(3, model=Model.DTSY1352)], clock=FakeClock(SUNDAY))
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        data = bytes((1, 1, 1, 0, 0, 0, 1, 1, 0)) + b"\x00"  # L1 forced open, L2 untouched, L3 forced closed
        frame = c.request(3, vendor_pdu(0x05, 0x00, data))
        assert crc_ok(frame) and frame[1:5] == bytes((0x20, 0x05, 0x00, 0x00))
        assert c.request(3, read_pdu(0x0224, 1))[3] == 0x40 | 0x80
        bus.meter(3).remaining_fen = 0
        assert c.request(3, read_pdu(0x0224, 1))[3] == 0x80  # L2 follows prepaid logic, L3 forced


def _money_data(**items: object) -> bytes:
    d = bytearray(60)
    if "on" in items:
        d[0], d[1] = 1, int(items["on"])  # type: ignore[call-overload]
    if "alarms" in items:
        d[20] = 1
        d[21:29] = struct.pack(">ii", *items["alarms"])  # type: ignore[misc]
    if "prices" in items:
        d[29] = 1
        d[30:46] = struct.pack(">4i", *items["prices"])  # type: ignore[misc]
    if "overdraft" in items:
        d[46] = 1
        d[47:51] = struct.pack(">i", items["overdraft"])
    if "meter_no" in items:
        d[53] = 1
        d[54:60] = bytes.fromhex(str(items["meter_no"]))
    return bytes(d)


def test_group02_money_params_and_readback(bus: SimBus, rtu: RtuStream) -> None:
    data = _money_data(alarms=(3000, 1000), prices=(15000, 11000, 8000, 3000), overdraft=200,
                       meter_no="123456789012")
    frame = rtu.request(1, vendor_pdu(0x02, 0x00, data))
    assert len(frame) == 15 and crc_ok(frame) and frame[1:5] == bytes((0x20, 0x02, 0x00, 0x00))
    assert struct.unpack(">iH", frame[5:11]) == (12_345, 7)
    back = rtu.request(1, read_pdu(0x0400, 25))
    assert struct.unpack(">4i", back[3 + 4 : 3 + 20]) == (15000, 11000, 8000, 3000)
    assert struct.unpack(">iii", back[3 + 20 : 3 + 32]) == (3000, 1000, 200)
    assert rtu.request(1, read_pdu(0x0362, 3))[3:9] == bytes.fromhex("123456789012")
    m = bus.meter(1)
    assert m.remaining_fen == 12_345 and m.purchase_count == 7 and m.fee_control_on  # unflagged kept
    bad = bytearray(data)
    bad[29] = 2
    assert rtu.request(1, vendor_pdu(0x02, 0x00, bytes(bad)))[1:3] == bytes((0xA0, 3))
    assert rtu.request(1, vendor_pdu(0x02, 0x00, data[:58]))[1:3] == bytes((0xA0, 3))


def test_group04_overload_and_group03_clock(bus: SimBus, rtu: RtuStream) -> None:
    d = bytearray(26)
    d[0], d[1] = 1, 1
    d[2] = 1
    d[3:9] = struct.pack(">HHH", 50, 0, 0)  # 0.50 kW limit, load is 1000 W
    frame = rtu.request(1, vendor_pdu(0x04, 0x00, bytes(d)))
    assert frame[1:5] == bytes((0x20, 0x04, 0x00, 0x00))
    blk = rtu.request(1, read_pdu(0x0222, 4))
    assert struct.unpack(">H", blk[3:5])[0] == 1  # one overload trip
    assert blk[7] == 0x00 and blk[8] & 0x10  # relay open, over-limit bit
    assert struct.unpack(">HH", rtu.request(1, read_pdu(0x0480, 2))[3:7]) == (1, 50)
    bus.meter(1).set_load(400)
    assert rtu.request(1, read_pdu(0x0224, 1))[3] == 0x20
    clock = bytes((5, 4, 3, 2, 10, 11, 27, 0, 0, 0))  # 2027-11-10 03:04:05
    frame = rtu.request(1, vendor_pdu(0x03, 0x54, clock))
    assert frame[1:5] == bytes((0x20, 0x03, 0x54, 0x00))
    t = rtu.request(1, read_pdu(0x0228, 4))[3:10]
    assert tuple(t) == (27, 11, 10, 3, 3, 4, 5)  # 2027-11-10 is a Wednesday
    bad = bytes((5, 4, 3, 2, 31, 2, 27, 0, 0, 0))
    assert rtu.request(1, vendor_pdu(0x03, 0x54, bad))[1:3] == bytes((0xA0, 3))


def test_many_unit_ids_on_one_endpoint() -> None:
    meters = [SimMeter(address=a, remaining_fen=a * 100) for a in range(1, 37)]
    bus = SimBus(meters, clock=FakeClock(SUNDAY))
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        for a in range(1, 37):
            frame = c.request(a, read_pdu(0x021F, 2))
            assert frame[0] == a and struct.unpack(">i", frame[3:7])[0] == a * 100
        assert c.request(99, read_pdu(0x021F, 2), timeout=0.2) == b""  # nobody at 99
    assert bus.stats.unknown_unit == 1


def test_pymodbus_client_reads_both_framings(bus: SimBus) -> None:
    from pymodbus.client import AsyncModbusTcpClient
    from pymodbus.framer import FramerType

    async def read(port: int, framer: FramerType) -> list[int]:
        client = AsyncModbusTcpClient("127.0.0.1", port=port, framer=framer, timeout=2, retries=0)
        await client.connect()
        try:
            rr = await client.read_holding_registers(0x021F, count=3, device_id=1)
            assert not rr.isError()
            return list(rr.registers)
        finally:
            client.close()

    for mode, framer in (("modbus-tcp", FramerType.SOCKET), ("rtu-over-tcp", FramerType.RTU)):
        with start_tcp(bus, mode=mode) as srv:
            assert asyncio.run(read(srv.port, framer)) == [0, 12_345, 7]  # type: ignore[arg-type]


def test_clean_stop_leaves_no_threads(bus: SimBus) -> None:
    before = set(threading.enumerate())
    for mode in ("modbus-tcp", "rtu-over-tcp"):
        srv = start_tcp(bus, mode=mode)
        c = MbapClient("127.0.0.1", srv.port) if mode == "modbus-tcp" else None  # type: ignore[arg-type]
        srv.stop()
        srv.stop()  # idempotent
        if c is not None:
            c.close()
    assert set(threading.enumerate()) == before


def test_demo_site_serves_every_bus() -> None:
    from acrel_console.drivers.simulator import build_demo_population

    before = set(threading.enumerate())
    site = build_demo_population(seed=2, clock=FakeClock(SUNDAY))
    site.start()
    try:
        desc = site.describe()
        assert len(desc) >= 3 and sum(len(d["meters"]) for d in desc) >= 200  # type: ignore[arg-type]
        for d, b in zip(desc, site.buses):
            addr = next(a for a in b.bus.addresses if b.bus.process(a, read_pdu(0, 1)) is not None and
                        b.bus.process(a, read_pdu(0, 1)).pdu is not None)  # type: ignore[union-attr]
            if d["mode"] == "modbus-tcp":
                with MbapClient("127.0.0.1", d["port"]) as c:  # type: ignore[arg-type]
                    assert c.request(addr, read_pdu(0x0000, 2)) is not None
            else:
                with RtuStream.tcp("127.0.0.1", d["port"]) as r:  # type: ignore[arg-type]
                    assert crc_ok(r.request(addr, read_pdu(0x0000, 2)))
    finally:
        site.stop()
    assert set(threading.enumerate()) == before
