"""Property/fuzz tests: >100,000 random and mutated frames into every decoder; only documented
errors may come out, inputs are never modified, and valid replies are always found behind junk."""

from __future__ import annotations

import random
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acrel_console.drivers import decode, mbap, pdu, rtu, tea16, vendor20
from acrel_console.drivers.api import BusConfig, BusCounters, BusError, ExceptionReply, FrameError
from acrel_console.drivers.crc import append_crc
from acrel_console.drivers.profiles import list_profiles, load_profile
from acrel_console.drivers.transports import _RtuStream

TS = datetime(2026, 1, 1, tzinfo=timezone.utc)
PROFILES = [load_profile(n) for n in list_profiles()]
SPECS = [
    pdu.read_holding_request(0x0200, 48)[1],
    pdu.read_holding_request(0x0400, 25)[1],
    pdu.write_multiple_request(0x0057, [1, 1])[1],
    vendor20.request(1, 0, bytes(8))[1],
    vendor20.request(3, 0x54, bytes(10))[1],
]
FUZZ_COUNT = {"rtu": 0, "mbap": 0, "realtime": 0, "vendor": 0, "tea": 0, "money": 0, "stream": 0}


def _valid_reply(rng: random.Random, unit: int, spec: pdu.ReplySpec) -> bytes:
    body = spec.prefix + bytes(rng.getrandbits(8) for _ in range(spec.length - len(spec.prefix)))
    return append_crc(bytes((unit,)) + body)


def _mutate(rng: random.Random, frame: bytes) -> bytes:
    b = bytearray(frame)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        if op == 0 and b:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        elif op == 1 and b:
            del b[rng.randrange(len(b)) :]
        elif op == 2:
            i = rng.randrange(len(b) + 1)
            b[i:i] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 5)))
        elif op == 3 and b:
            i = rng.randrange(len(b))
            del b[i : i + rng.randint(1, 4)]
        elif op == 4:
            b += bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 20)))
        else:
            b = bytearray(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 120))))
    return bytes(b)


def _scan_checked(buf: bytes, unit: int, spec: pdu.ReplySpec) -> rtu.ScanResult:
    before = bytearray(buf)
    arg = bytearray(buf)
    res = rtu.scan(arg, unit, spec)
    assert arg == before  # never modifies its input
    assert 0 <= res.consumed <= len(buf)
    if res.outcome in (rtu.Outcome.REPLY, rtu.Outcome.EXCEPTION):
        assert spec.matches(res.pdu) or spec.is_exception(res.pdu)
    return res


def test_fuzz_rtu_scanner_and_parser() -> None:
    rng = random.Random(20261124)
    for _ in range(40_000):
        unit = rng.randint(1, 247)
        spec = rng.choice(SPECS)
        frame = _valid_reply(rng, unit, spec)
        data = _mutate(rng, frame)
        _scan_checked(data, unit, spec)
        try:
            u, body = rtu.parse_adu(data)
            assert 0 <= u <= 255 and isinstance(body, bytes)
        except ValueError:
            pass
        FUZZ_COUNT["rtu"] += 1


def test_valid_reply_always_found_behind_late_frames() -> None:
    rng = random.Random(7)
    for _ in range(5_000):
        unit = rng.randint(1, 247)
        spec = rng.choice(SPECS)
        late = []
        for _ in range(rng.randint(0, 3)):
            other = rng.choice([u for u in (unit - 1, unit + 1, 248) if 1 <= u <= 255])
            late.append(_valid_reply(rng, other, rng.choice(SPECS)))
        ours = _valid_reply(rng, unit, spec)
        res = _scan_checked(b"".join(late) + ours, unit, spec)
        assert res.outcome is rtu.Outcome.REPLY and res.pdu == ours[1:-2]
        assert res.late_frames == len(late)
        FUZZ_COUNT["rtu"] += 1


def test_valid_reply_found_behind_random_junk() -> None:
    rng = random.Random(11)
    missed = 0
    n = 5_000
    for _ in range(n):
        unit = rng.randint(1, 247)
        spec = rng.choice(SPECS)
        junk = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 12)))
        ours = _valid_reply(rng, unit, spec)
        res = _scan_checked(junk + ours, unit, spec)
        if not (res.outcome is rtu.Outcome.REPLY and res.pdu == ours[1:-2]):
            missed += 1
        FUZZ_COUNT["rtu"] += 1
    assert missed <= n // 1000  # only CRC-16 coincidences may hide a reply


def test_same_shape_late_reply_of_other_length_is_not_taken() -> None:
    # A late FC03 reply of the same unit for a 25-register read is not the answer to a 48-register read.
    spec48 = SPECS[0]
    late = append_crc(bytes((5, 3, 50)) + bytes(50))
    res = rtu.scan(late, 5, spec48)
    assert res.outcome is rtu.Outcome.NEED_MORE and res.late_frames == 1
    # An FC10 echo for another register is not the answer to the force write.
    late10 = append_crc(bytes.fromhex("05 10 00 46 00 1C"))
    res = rtu.scan(late10, 5, SPECS[2])
    assert res.outcome is rtu.Outcome.NEED_MORE and res.late_frames == 1


def test_fuzz_mbap_split() -> None:
    rng = random.Random(3)
    for _ in range(15_000):
        frames = b"".join(mbap.build(rng.getrandbits(16), rng.randint(0, 255), bytes((3, 2, 0, 1)))
                          for _ in range(rng.randint(0, 3)))
        data = _mutate(rng, frames) if rng.random() < 0.8 else frames
        before = bytes(data)
        try:
            out, used = mbap.split(bytearray(data))
            assert 0 <= used <= len(data)
            assert all(isinstance(f.pdu, bytes) for f in out)
        except mbap.MbapError:
            pass
        assert data == before
        FUZZ_COUNT["mbap"] += 1


def test_fuzz_realtime_decoder() -> None:
    rng = random.Random(5)
    for i in range(20_000):
        prof = PROFILES[i % len(PROFILES)]
        blocks = prof.realtime.blocks
        if rng.random() < 0.8:
            datas = [bytes(rng.getrandbits(8) for _ in range(b.count * 2)) for b in blocks]
            r = decode.decode_realtime(prof, datas, TS)  # right lengths: must always decode
            assert r.read_at == TS
            if prof.realtime.clock is not None:
                assert (r.meter_clock is None) == ("clock_invalid" in r.extra)
            if r.forced is False:
                assert r.forced_open is False
        else:
            datas = [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 110))) for _ in range(rng.randint(0, 4))]
            try:
                decode.decode_realtime(prof, datas, TS)
            except FrameError:
                pass
        FUZZ_COUNT["realtime"] += 1


def test_fuzz_money_and_force_decoders() -> None:
    rng = random.Random(9)
    meter_side = [p for p in PROFILES if p.money_read is not None]
    for i in range(8_000):
        prof = meter_side[i % len(meter_side)]
        assert prof.money_read is not None
        n = prof.money_read.block.count * 2 if rng.random() < 0.7 else rng.randint(0, 80)
        try:
            decode.decode_money_params(prof, bytes(rng.getrandbits(8) for _ in range(n)), None)
        except FrameError:
            pass
        try:
            decode.decode_force_state(bytes(rng.getrandbits(8) for _ in range(rng.choice((4, 4, 3, 5)))))
        except FrameError:
            pass
        FUZZ_COUNT["money"] += 1


def test_fuzz_vendor_reply_and_request_decoders() -> None:
    rng = random.Random(13)
    items = PROFILES[0].money_params.items if PROFILES[0].money_params else ()
    for _ in range(15_000):
        reply = vendor20.encode_reply(rng.randint(1, 5), rng.choice((0, 0x54)), rng.randint(0, 1),
                                      rng.randint(-(2**31), 2**31 - 1), rng.randint(0, 65535))
        data = _mutate(rng, reply) if rng.random() < 0.7 else reply
        try:
            r = vendor20.decode_reply(data, data[1] if len(data) > 1 else 0, data[2] if len(data) > 2 else 0)
            assert r.status in (0, 1)
        except (ExceptionReply, FrameError):
            pass
        for fn in (vendor20.parse_request, vendor20.decode_purchase_data, vendor20.decode_clock_data,
                   lambda d: vendor20.decode_flagged(d, items)):
            try:
                fn(data)
            except FrameError:
                pass
        FUZZ_COUNT["vendor"] += 1


def test_fuzz_tea16_decrypt() -> None:
    rng = random.Random(17)
    for _ in range(10_000):
        n = rng.randint(0, 40)
        data = bytes(rng.getrandbits(8) for _ in range(n))
        key = tuple(rng.getrandbits(16) for _ in range(4))
        try:
            plain = tea16.decrypt(data, key)  # type: ignore[arg-type]
            assert tea16.encrypt(plain, key) == data  # decrypt is a bijection on whole blocks
        except ValueError:
            assert n % 4
        FUZZ_COUNT["tea"] += 1


class _ScriptedStream(_RtuStream):
    """An in-memory RTU line: each exchange receives one scripted chunk list, then silence."""

    def __init__(self) -> None:
        super().__init__(BusConfig(name="mem", kind="serial", timeout_ms=1), BusCounters())
        self.script: list[bytes] = []
        self.sent: list[bytes] = []

    @property
    def is_open(self) -> bool:
        return True

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def _write(self, data: bytes) -> None:
        self.sent.append(data)

    def _read(self, timeout: float, want: int) -> bytes:
        if self.script:
            return self.script.pop(0)
        self._expired = True
        return b""

    def _drain(self) -> bytes:
        return b""

    def _wait_gap(self, gap: float) -> None:
        pass


def test_fuzz_transport_exchange_raises_only_bus_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole receive path on random/mutated replies: a reply PDU or a BusError, nothing else."""
    import acrel_console.drivers.transports as tr

    clock = [0.0]

    def fake_monotonic() -> float:  # every call advances 0.4 ms: the deadline always comes
        clock[0] += 0.0004
        return clock[0]

    monkeypatch.setattr(tr.time, "monotonic", fake_monotonic)
    rng = random.Random(21)
    stream = _ScriptedStream()
    for _ in range(3_000):
        unit = rng.randint(1, 247)
        spec = rng.choice(SPECS)
        reply = _valid_reply(rng, unit, spec)
        data = _mutate(rng, reply) if rng.random() < 0.7 else reply
        cut = sorted(rng.sample(range(len(data) + 1), k=min(2, len(data) + 1)))
        stream.script = [data[: cut[0]], data[cut[0] : cut[-1]], data[cut[-1] :]]
        try:
            out = stream.exchange(unit, b"\x03\x02\x00\x00\x30", spec,
                                  tea16.DEFAULT_KEY if rng.random() < 0.1 else None)
            assert spec.matches(out) or spec.is_exception(out)
        except BusError:
            pass
        FUZZ_COUNT["stream"] += 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.integers(0, 255), st.sampled_from(SPECS))
def test_hypothesis_scan(data: bytes, unit: int, spec: pdu.ReplySpec) -> None:
    _scan_checked(data, unit, spec)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_hypothesis_mbap(data: bytes) -> None:
    try:
        mbap.split(data)
    except mbap.MbapError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=96, max_size=96))
def test_hypothesis_realtime_acrel(data: bytes) -> None:
    r = decode.decode_realtime(load_profile("DTSY1352"), [data], TS)
    assert r.remaining_fen is not None and -(2**31) <= r.remaining_fen < 2**31
    assert r.purchase_count == int.from_bytes(data[66:68], "big")
    assert r.relay_closed == tuple(bool(data[72] >> b & 1) for b in (5, 6, 7))


@settings(max_examples=300, deadline=None)
@given(st.integers(-(2**31), 2**31 - 1), st.integers(0, 65535), st.integers(0, 1))
def test_hypothesis_vendor_round_trip(remaining: int, count: int, status: int) -> None:
    r = vendor20.decode_reply(vendor20.encode_reply(1, 0, status, remaining, count), 1, 0)
    assert (r.status, r.remaining_fen, r.purchase_count) == (status, remaining, count)
    assert vendor20.decode_purchase_data(vendor20.purchase_data(remaining, count)) == (remaining, count)


def test_zz_fuzz_volume() -> None:
    """Runs last in this module: the random loops above fed at least 100,000 frames in total."""
    if sum(FUZZ_COUNT.values()) == 0:
        pytest.skip("run with the whole module to count the fuzz volume")
    assert sum(FUZZ_COUNT.values()) >= 100_000, FUZZ_COUNT
