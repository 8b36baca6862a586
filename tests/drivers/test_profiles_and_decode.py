"""Profiles as data (loader, validation, site overrides) and the profile-driven decoders on
hand-built register blocks."""

from __future__ import annotations

import ast
import pathlib
from datetime import datetime, timezone

import pytest

from acrel_console.domain.readings import MoneyParams
from acrel_console.drivers import decode
from acrel_console.drivers.api import FrameError
from acrel_console.drivers.profiles import BUILTIN_DIR, ProfileError, list_profiles, load_profile

TS = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_builtin_profiles() -> None:
    assert {"DDSY1352", "DTSY1352", "ADF400L", "ADL400"} <= set(list_profiles())
    ddsy, dtsy, adf, adl = (load_profile(n) for n in ("DDSY1352", "DTSY1352", "ADF400L", "ADL400"))
    assert (ddsy.type_code, dtsy.type_code, adf.type_code, adl.type_code) == (7, 5, 10, None)
    assert ddsy.phases == 1 and dtsy.phases == 3
    for p in (ddsy, dtsy, adf):
        assert p.meter_side_balance and p.realtime.blocks[0].start == 0x0200 and p.realtime.blocks[0].count == 48
        assert p.force.method == "registers" and p.force.enable_reg == 0x0057
        assert (p.force.trip, p.force.keep_power, p.force.restore_prepaid[0]) == ((1, 1), (1, 0), 0)
        assert p.vendor_function == 0x20 and p.purchase is not None and p.purchase.registers == 4
        assert p.money_params is not None and p.money_params.registers == 30
        assert p.clock_set is not None and (p.clock_set.group, p.clock_set.channel) == (3, 0x54)
        assert p.cipher_groups == (1, 2)
    assert ddsy.money_read is not None and (ddsy.money_read.block.start, ddsy.money_read.block.count) == (0x0400, 25)
    assert adf.money_read is not None and adf.money_read.block.start == 0x0500 and adf.addressing == "circuit"
    assert not adl.meter_side_balance and adl.purchase is None and adl.force.method == "none"
    assert adl.realtime.secondary_side
    assert ddsy.realtime_rtu_frames() == ((8, 101),)
    assert adl.realtime_rtu_frames() == ((8, 49), (8, 51), (8, 9), (8, 61))
    with pytest.raises(ProfileError):
        load_profile("NOPE")
    with pytest.raises(ProfileError):
        load_profile("../DDSY1352")


def test_money_params_layout_covers_60_bytes_without_overlap() -> None:
    p = load_profile("DDSY1352")
    assert p.money_params is not None
    used: set[int] = set()
    sizes = {"u8": 1, "u16": 2, "i32": 4, "bcd6": 6}
    for item in p.money_params.items:
        assert item.flag not in used
        used.add(item.flag)
        for f in item.fields:
            span = set(range(f.offset, f.offset + sizes[f.type]))
            assert not span & used
            used |= span
    assert used == set(range(60))
    writable = {f.name for it in p.money_params.items if it.writable for f in it.fields}
    assert "remaining_fen" not in writable and "purchase_count" not in writable
    assert {"alarm1_fen", "price1", "overdraft_fen", "fee_control_on"} <= writable


def test_new_model_needs_no_code(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site adds a model that speaks a known protocol by dropping a TOML file."""
    src = (BUILTIN_DIR / "DDSY1352.toml").read_text(encoding="utf-8")
    text = src.replace('name = "DDSY1352"', 'name = "DDSY1352-SITE"').replace(
        "type_code = 7 ", "type_code = 77")
    (tmp_path / "DDSY1352-SITE.toml").write_text(text, encoding="utf-8")
    # ... and corrects a built-in one (same name wins over the package's file).
    (tmp_path / "DTSY1352.toml").write_text(
        (BUILTIN_DIR / "DTSY1352.toml").read_text(encoding="utf-8").replace("type_code = 5 ", "type_code = 55"),
        encoding="utf-8")
    monkeypatch.setenv("ACREL_PROFILES_DIR", str(tmp_path))
    assert "DDSY1352-SITE" in list_profiles()
    assert load_profile("DDSY1352-SITE").type_code == 77
    assert load_profile("DTSY1352").type_code == 55
    monkeypatch.delenv("ACREL_PROFILES_DIR")
    assert load_profile("DTSY1352").type_code == 5


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('protocol = "acrel-modbus"', 'protocol = "smoke-signals"'),
        ('balance = "meter"', 'balance = "somewhere"'),
        ("start = 0x0200, count = 48", "start = 0x0200, count = 30"),  # fields fall outside the block
        ('type_code = { reg = 0x0200, type = "u16" }', 'type_code = { reg = 0x0200, type = "float" }'),
        ('fault = { reg = 0x0224, byte = 0, bit = 0 }', 'fault = { reg = 0x0224, byte = 0, bit = 9 }'),
        ('voltage_dv = [', 'voltage_volts = ['),
        ('method = "registers"', 'method = "telepathy"'),
        ('format = "YYMMDDWWhhmmss"', 'format = "BCD"'),
        ("[vendor.purchase]", "[vendor.purchase_not]"),  # meter-side balance without purchase
    ],
)
def test_bad_profiles_are_refused(tmp_path: pathlib.Path, old: str, new: str) -> None:
    src = (BUILTIN_DIR / "DDSY1352.toml").read_text(encoding="utf-8")
    assert old in src
    (tmp_path / "BAD.toml").write_text(src.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile("BAD", extra_dirs=(tmp_path,))


def _acrel_block() -> bytes:
    b = bytearray(96)
    b[0:2] = (7).to_bytes(2, "big")
    b[2:4] = (2203).to_bytes(2, "big")  # Ua 220.3 V
    b[8:10] = (1234).to_bytes(2, "big")  # Ia 12.34 A
    b[14:16] = (-25).to_bytes(2, "big", signed=True)  # Pa -0.025 kW
    b[20:22] = (2715).to_bytes(2, "big")  # P total
    b[30:32] = (987).to_bytes(2, "big")
    b[36:38] = (990).to_bytes(2, "big")
    b[38:40] = (1).to_bytes(2, "big")
    b[40:42] = (40).to_bytes(2, "big")
    b[42:46] = (1_234_567).to_bytes(4, "big")
    for i, v in enumerate((1, 2, 3, 4)):
        b[46 + 4 * i : 50 + 4 * i] = v.to_bytes(4, "big")
    b[62:66] = (-1_500).to_bytes(4, "big", signed=True)  # in debt: 15.00 yuan
    b[66:68] = (42).to_bytes(2, "big")
    b[72] = 0b0010_0001  # relay L1 closed + fault
    b[73] = 0b1110_1000  # fee control, arrears, ALM1, ALM2
    b[75] = 0b0000_1000  # forced, L1 forced open (bit0 = 0)
    b[80:87] = bytes((26, 2, 28, 6, 23, 59, 58))
    b[87:89] = (321).to_bytes(2, "big")
    return bytes(b)


def test_decode_acrel_block_by_hand() -> None:
    r = decode.decode_realtime(load_profile("DDSY1352"), [_acrel_block()], TS)
    assert r.type_code == 7 and r.voltage_dv == (2203,) and r.current_ca == (1234,)
    assert r.power_w == (-25, 2715) and r.power_total_w == 2715 and r.pf_milli == (987, 990)
    assert (r.pt_ratio, r.ct_ratio) == (1, 40)
    assert r.energy_total == 1_234_567 and r.energy_by_period == (1, 2, 3, 4)
    assert r.remaining_fen == -1_500 and r.purchase_count == 42
    assert r.relay_closed == (True,) and r.fault
    assert r.fee_control_enabled and r.arrears_bit and r.alarm1_bit and r.alarm2_bit and not r.over_limit
    assert r.forced is None and r.forced_open is None  # 0x0225 'ms' bits are unknown [?]: not decoded
    assert r.meter_clock == datetime(2026, 2, 28, 23, 59, 58)
    assert r.status_raw == 0x21E8 and r.extra["max_demand"] == 321
    three = decode.decode_realtime(load_profile("DTSY1352"), [_acrel_block()], TS)
    assert three.relay_closed == (True, False, False) and len(three.voltage_dv) == 3 and len(three.power_w) == 4


def test_decode_invalid_clock_and_wrong_length() -> None:
    b = bytearray(_acrel_block())
    b[80:87] = bytes((26, 2, 30, 0, 0, 0, 0))  # 30 February
    r = decode.decode_realtime(load_profile("DDSY1352"), [bytes(b)], TS)
    assert r.meter_clock is None and r.extra["clock_invalid"] == 1
    with pytest.raises(FrameError):
        decode.decode_realtime(load_profile("DDSY1352"), [bytes(94)], TS)
    with pytest.raises(FrameError):
        decode.decode_realtime(load_profile("DDSY1352"), [], TS)


def test_decode_money_params_by_hand() -> None:
    b = bytearray(50)
    b[0:2] = (1).to_bytes(2, "big")
    b[2:4] = (9).to_bytes(2, "big")
    for i, price in enumerate((15000, 12000, 9000, 5000)):
        b[4 + 4 * i : 8 + 4 * i] = price.to_bytes(4, "big")
    b[20:24] = (2000).to_bytes(4, "big")
    b[24:28] = (500).to_bytes(4, "big")
    b[28:32] = (300).to_bytes(4, "big")
    b[36:40] = (99_900).to_bytes(4, "big")
    b[40:44] = (-10).to_bytes(4, "big", signed=True)
    power = bytearray(14)
    power[2:4] = (1500).to_bytes(2, "big")  # 15.00 kW
    mp = decode.decode_money_params(load_profile("DDSY1352"), bytes(b), bytes(power))
    assert mp == MoneyParams(fee_control_on=True, purchase_count=9, prices=(15000, 12000, 9000, 5000),
                             alarm1_fen=2000, alarm2_fen=500, overdraft_fen=300, total_purchased_fen=99_900,
                             remaining_fen=-10, overload_power_w=15_000)
    assert decode.decode_force_state(bytes.fromhex("0001 0001")) == (True, True)
    assert decode.decode_force_state(bytes.fromhex("0000 0001")) == (False, False)


def test_no_qt_and_no_float_in_drivers() -> None:
    root = pathlib.Path(decode.__file__).parent
    own = [p for p in root.glob("*.py") if p.name not in ("relay.py",)]
    for path in own:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                assert not any(n.startswith(("PySide6", "PyQt")) for n in names), path
        first = tree.body[0]
        assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant), f"{path} has no docstring"
    for name in ("decode.py", "vendor20.py", "profiles.py"):
        assert "float(" not in (root / name).read_text(encoding="utf-8")
