"""Meter profiles as data (design §12): loads drivers/profiles/*.toml into frozen dataclasses.

A profile names the protocol, the type code, the register blocks of the real-time reading and where
each value sits in them (register, byte, type, scale), the status bits, the clock, the force-control
registers, the vendor 0x20 groups with the flagged byte layouts, the money-parameter read-back block
and the balance location (`metering_only = true` marks a model that takes no remote recharge).
Adding a model that speaks a known protocol is a new TOML file, no code.
A `[status]` table names the short status read of every status sweep (its blocks); the values, bits
and clock of `[realtime]` that lie inside those blocks are decoded from it, and the full real-time
block is read on history sweeps (issue 15: two-speed polling). Without `[status]` every sweep reads
the full block.
A site can override or add profiles with a directory of its own (`extra_dirs`, or the
ACREL_PROFILES_DIR environment variable); a file there wins over the built-in one of the same name.

Value types: u8 i8 u16 i16 u32 i32 (multi-register values in the profile's word order) and, for
flags/bits, a (reg, byte, bit) triple where byte 0 is the register's high byte. A value's domain
unit is raw * mul // div (exact integers; never float).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from acrel_console.domain.readings import MeterReading, MoneyParams
from acrel_console.drivers.vendor20 import FlaggedField, FlaggedItem, field_size

BUILTIN_DIR = Path(__file__).with_name("profiles")
ENV_DIR = "ACREL_PROFILES_DIR"

PROTOCOLS = ("acrel-modbus", "modbus")
BALANCE = ("meter", "console")
VALUE_TYPES = {"u8": 1, "i8": 1, "u16": 2, "i16": 2, "u32": 4, "i32": 4}
FORCE_METHODS = ("registers", "vendor20", "none")
_READING_FIELDS = {f.name for f in fields(MeterReading)} - {"read_at", "extra"}
_MONEY_FIELDS = {f.name for f in fields(MoneyParams)}
_BIT_NAMES = {"relay_closed", "fault", "fee_control_enabled", "over_limit", "arrears_bit", "alarm1_bit",
              "alarm2_bit", "forced", "forced_open"}


class ProfileError(ValueError):
    """A profile file is missing, malformed or inconsistent."""


@dataclass(frozen=True, slots=True)
class Block:
    """One FC03 read: `count` registers from `start`."""

    start: int
    count: int

    def holds(self, reg: int, byte: int, size: int) -> bool:
        """True if `size` bytes from (reg, byte) lie inside this block."""
        first = (reg - self.start) * 2 + byte
        return first >= 0 and first + size <= self.count * 2


@dataclass(frozen=True, slots=True)
class ValueSpec:
    """A numeric value at (reg, byte) of a block: type and exact integer scale."""

    reg: int
    type: str
    byte: int = 0
    mul: int = 1
    div: int = 1


@dataclass(frozen=True, slots=True)
class BitSpec:
    """One status bit at (reg, byte, bit); `invert` when 0 means True."""

    reg: int
    byte: int
    bit: int
    invert: bool = False


@dataclass(frozen=True, slots=True)
class NamedValue:
    """A MeterReading/MoneyParams attribute (or extra key) and its value(s); many -> tuple."""

    name: str
    specs: tuple[ValueSpec, ...]
    many: bool


@dataclass(frozen=True, slots=True)
class NamedBits:
    """A MeterReading boolean attribute and its bit(s); many -> tuple (per phase/channel)."""

    name: str
    specs: tuple[BitSpec, ...]
    many: bool


@dataclass(frozen=True, slots=True)
class ClockSpec:
    """Where the meter clock sits and its byte format (only "YYMMDDWWhhmmss" binary is known)."""

    reg: int
    byte: int
    format: str


@dataclass(frozen=True, slots=True)
class RealtimeSpec:
    """The real-time reading: blocks read in order, values, bits, clock, extras."""

    blocks: tuple[Block, ...]
    values: tuple[NamedValue, ...]
    bits: tuple[NamedBits, ...]
    clock: ClockSpec | None
    extra: tuple[NamedValue, ...]
    secondary_side: bool = False


@dataclass(frozen=True, slots=True)
class ForceSpec:
    """How ForceMode is written: FC10 of two registers from enable_reg, or vendor 0x20 group 05."""

    method: str
    enable_reg: int | None
    trip: tuple[int, int]
    keep_power: tuple[int, int]
    restore_prepaid: tuple[int, int]
    readback: bool = True  # read enable_reg..+1 back with FC03


@dataclass(frozen=True, slots=True)
class ReadSpec:
    """A read-back block and the values decoded from it."""

    block: Block
    values: tuple[NamedValue, ...]
    per_circuit: bool = False  # read at every circuit of the user (address, +1, +2), not only the first


@dataclass(frozen=True, slots=True)
class VendorGroup:
    """One 0x20 command: group, channel, register count, and (for flagged payloads) the layout."""

    group: int
    channel: int
    registers: int
    items: tuple[FlaggedItem, ...] = ()
    per_circuit: bool = False  # sent to every circuit of the user (address, +1, +2), channel as given


@dataclass(frozen=True, slots=True)
class TouSpec:
    """Where the year-zone table and schedule 1 sit (FC03 read, FC10 write; layout in drivers/tou.py)."""

    zones_reg: int | None
    zones: int
    schedule_reg: int
    slots: int


@dataclass(frozen=True, slots=True)
class Profile:
    """One meter model."""

    name: str
    description: str
    protocol: str
    type_code: int | None
    phases: int
    balance: str
    word_order: str
    realtime: RealtimeSpec
    force: ForceSpec
    money_read: ReadSpec | None
    power_read: ReadSpec | None
    vendor_function: int | None
    purchase: VendorGroup | None
    money_params: VendorGroup | None
    power: VendorGroup | None
    vendor_force: VendorGroup | None
    clock_set: VendorGroup | None
    link_cipher: str | None
    addressing: str
    source: str
    cipher_groups: tuple[int, ...] = (0x01, 0x02)  # 0x20 groups enciphered when the bus has a key
    # A metering-only model (or a site's meters on firmware without the vendor recharge function,
    # FIELD.md): never sent a recharge; its balance is kept by the console (design §6).
    metering_only: bool = False
    # Consecutive RS485 addresses one meter takes: an ADF400L three-phase user is 3 circuits (L1 at its
    # address, L2 +1, L3 +2; hardware doc §3.1). No other meter may sit on those addresses.
    circuits: int = 1
    status: RealtimeSpec | None = None  # the short status read (None: the full real-time block)
    # The day-period schedule (时段表) the meter takes by download; None: the model takes none (the
    # console's tariff schedule still splits and bills its energy, design §6).
    tou: TouSpec | None = None

    @property
    def takes_schedule(self) -> bool:
        """True when the console downloads a TOU tariff's day-period schedule to this model."""
        return self.tou is not None

    @property
    def meter_side_balance(self) -> bool:
        """True when the meter holds and deducts the balance (design §6)."""
        return self.balance == "meter" and not self.metering_only

    @property
    def status_read(self) -> RealtimeSpec:
        """What a status sweep reads: the [status] blocks, or the whole real-time reading without them."""
        return self.status or self.realtime

    @property
    def status_fields(self) -> frozenset[str]:
        """The MeterReading attributes a status read decodes (all of them without a [status] table)."""
        spec = self.status_read
        return frozenset(v.name for v in spec.values) | frozenset(b.name for b in spec.bits) | (
            frozenset({"meter_clock"}) if spec.clock is not None else frozenset())

    def realtime_rtu_frames(self) -> tuple[tuple[int, int], ...]:
        """(request bytes, reply bytes) on an RTU line for each real-time read: what one meter
        costs a sweep on the wire (Acrel: ((8, 101),))."""
        return tuple((8, 5 + 2 * b.count) for b in self.realtime.blocks)


def _int(d: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    v = d.get(key, default)
    if not isinstance(v, int) or isinstance(v, bool):
        raise ProfileError(f"{where}: '{key}' must be an integer")
    return v


def _value(d: Any, where: str) -> ValueSpec:
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: expected a table")
    unknown = set(d) - {"reg", "type", "byte", "mul", "div"}
    if unknown:
        raise ProfileError(f"{where}: unknown keys {sorted(unknown)}")
    t = d.get("type")
    if t not in VALUE_TYPES:
        raise ProfileError(f"{where}: type must be one of {sorted(VALUE_TYPES)}")
    spec = ValueSpec(_int(d, "reg", where), t, _int(d, "byte", where, 0), _int(d, "mul", where, 1),
                     _int(d, "div", where, 1))
    if spec.byte not in (0, 1) or spec.div <= 0:
        raise ProfileError(f"{where}: byte must be 0/1 and div > 0")
    return spec


def _bit(d: Any, where: str) -> BitSpec:
    if not isinstance(d, dict) or set(d) - {"reg", "byte", "bit", "invert"}:
        raise ProfileError(f"{where}: expected {{reg, byte, bit[, invert]}}")
    spec = BitSpec(_int(d, "reg", where), _int(d, "byte", where, 0), _int(d, "bit", where),
                   bool(d.get("invert", False)))
    if spec.byte not in (0, 1) or not 0 <= spec.bit <= 7:
        raise ProfileError(f"{where}: byte 0/1, bit 0..7")
    return spec


def _named_values(table: dict[str, Any], where: str, allowed: set[str] | None) -> tuple[NamedValue, ...]:
    out = []
    for name, v in table.items():
        if allowed is not None and name not in allowed:
            raise ProfileError(f"{where}: '{name}' is not a known field")
        many = isinstance(v, list)
        specs = tuple(_value(x, f"{where}.{name}") for x in (v if many else [v]))
        out.append(NamedValue(name, specs, many))
    return tuple(out)


def _block(d: Any, where: str) -> Block:
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: expected {{start, count}}")
    b = Block(_int(d, "start", where), _int(d, "count", where))
    if not 0 <= b.start <= 0xFFFF or not 1 <= b.count <= 125:
        raise ProfileError(f"{where}: start 0..0xFFFF, count 1..125")
    return b


def _check_inside(blocks: tuple[Block, ...], reg: int, byte: int, size: int, where: str) -> None:
    if not any(b.holds(reg, byte, size) for b in blocks):
        raise ProfileError(f"{where}: 0x{reg:04X} byte {byte} (+{size}) lies outside the read blocks")


def _read_spec(d: Any, where: str) -> ReadSpec:
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: expected a table")
    block = _block(d, where)
    values = _named_values(d.get("values", {}), f"{where}.values", _MONEY_FIELDS | {
        "max_power_10w", "power_increment_10w", "pf_threshold_milli"})
    for nv in values:
        for s in nv.specs:
            _check_inside((block,), s.reg, s.byte, VALUE_TYPES[s.type], f"{where}.{nv.name}")
    return ReadSpec(block, values, bool(d.get("per_circuit", False)))


def _status_spec(d: Any, rt: RealtimeSpec, where: str) -> RealtimeSpec | None:
    """The [status] read: its blocks and the real-time values/bits/clock lying wholly inside them."""
    if d is None:
        return None
    if not isinstance(d, dict) or set(d) - {"blocks"}:
        raise ProfileError(f"{where}: expected {{blocks = [...]}}")
    blocks = tuple(_block(b, f"{where}.blocks") for b in d.get("blocks", []))

    def inside(reg: int, byte: int, size: int) -> bool:
        return any(b.holds(reg, byte, size) for b in blocks)

    def values(named: tuple[NamedValue, ...]) -> tuple[NamedValue, ...]:
        return tuple(nv for nv in named if all(inside(s.reg, s.byte, VALUE_TYPES[s.type]) for s in nv.specs))

    bits = tuple(nb for nb in rt.bits if all(inside(s.reg, s.byte, 1) for s in nb.specs))
    clock = rt.clock if rt.clock is not None and inside(rt.clock.reg, rt.clock.byte, 7) else None
    spec = RealtimeSpec(blocks, values(rt.values), bits, clock, values(rt.extra), rt.secondary_side)
    if not blocks or not (spec.values or spec.bits):
        raise ProfileError(f"{where}: the status blocks hold no value or bit of [realtime]")
    return spec


def _tou(d: Any, where: str) -> TouSpec | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: expected a table")
    if not d.get("takes_schedule", True):
        return None
    zones_reg = d.get("zones_reg")
    spec = TouSpec(None if zones_reg is None else _int(d, "zones_reg", where), _int(d, "zones", where, 4),
                   _int(d, "schedule_reg", where), _int(d, "slots", where, 14))
    if not 1 <= spec.slots <= 14 or not 1 <= spec.zones <= 14:
        raise ProfileError(f"{where}: 1..14 slots and zones")
    return spec


def _group(d: Any, where: str) -> VendorGroup | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: expected a table")
    items = []
    for i, it in enumerate(d.get("items", [])):
        w = f"{where}.items[{i}]"
        fl = tuple(
            FlaggedField(str(f["name"]), _int(f, "offset", w), str(f["type"])) for f in it.get("fields", [])
        )
        for f in fl:
            if f.type not in ("u8", "i8", "u16", "i16", "u32", "i32", "bcd6"):
                raise ProfileError(f"{w}: bad type {f.type}")
            if f.offset + field_size(f.type) > 2 * _int(d, "registers", where):
                raise ProfileError(f"{w}: {f.name} beyond the payload")
        items.append(FlaggedItem(_int(it, "flag", w), fl, bool(it.get("writable", True))))
    g = VendorGroup(_int(d, "group", where), _int(d, "channel", where, 0), _int(d, "registers", where),
                    tuple(items), bool(d.get("per_circuit", False)))
    if not 1 <= g.registers <= 123:
        raise ProfileError(f"{where}: registers 1..123")
    return g


def parse_profile(data: dict[str, Any], source: str = "<dict>") -> Profile:
    """Build and validate a Profile from parsed TOML."""
    where = source
    try:
        name = str(data["name"])
        protocol = data.get("protocol", "modbus")
        if protocol not in PROTOCOLS:
            raise ProfileError(f"{where}: protocol must be one of {PROTOCOLS}")
        balance = data.get("balance", "console")
        if balance not in BALANCE:
            raise ProfileError(f"{where}: balance must be one of {BALANCE}")
        word_order = data.get("word_order", "big")
        if word_order not in ("big", "little"):
            raise ProfileError(f"{where}: word_order big|little")
        phases = _int(data, "phases", where, 1)
        if phases not in (1, 3):
            raise ProfileError(f"{where}: phases 1 or 3")

        rt = data["realtime"]
        blocks = tuple(_block(b, f"{where}.realtime.blocks") for b in rt["blocks"])
        values = _named_values(rt.get("values", {}), f"{where}.realtime.values", _READING_FIELDS - _BIT_NAMES)
        extra = _named_values(rt.get("extra", {}), f"{where}.realtime.extra", None)
        for nv in values + extra:
            for s in nv.specs:
                _check_inside(blocks, s.reg, s.byte, VALUE_TYPES[s.type], f"{where}.{nv.name}")
        bits = []
        for bname, v in rt.get("bits", {}).items():
            if bname not in _BIT_NAMES:
                raise ProfileError(f"{where}.realtime.bits: '{bname}' is not a known flag")
            many = isinstance(v, list)
            specs = tuple(_bit(x, f"{where}.bits.{bname}") for x in (v if many else [v]))
            for bs in specs:
                _check_inside(blocks, bs.reg, bs.byte, 1, f"{where}.bits.{bname}")
            bits.append(NamedBits(bname, specs, many))
        clock = None
        if "clock" in rt:
            c = rt["clock"]
            clock = ClockSpec(_int(c, "reg", where), _int(c, "byte", where, 0), str(c.get("format", "")))
            if clock.format != "YYMMDDWWhhmmss":
                raise ProfileError(f"{where}.realtime.clock: only format YYMMDDWWhhmmss is known")
            _check_inside(blocks, clock.reg, clock.byte, 7, f"{where}.realtime.clock")
        realtime = RealtimeSpec(blocks, values, tuple(bits), clock, extra, bool(rt.get("secondary_side", False)))

        f = data.get("force", {"method": "none"})
        method = f.get("method", "none")
        if method not in FORCE_METHODS:
            raise ProfileError(f"{where}.force: method one of {FORCE_METHODS}")

        def pair(key: str) -> tuple[int, int]:
            v = f.get(key, [0, 0])
            if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)):
                raise ProfileError(f"{where}.force.{key}: two integers")
            return (v[0], v[1])

        force = ForceSpec(method, f.get("enable_reg"), pair("trip"), pair("keep_power"), pair("restore_prepaid"),
                          bool(f.get("readback", method == "registers")))
        if method == "registers" and not isinstance(force.enable_reg, int):
            raise ProfileError(f"{where}.force: enable_reg needed for method registers")

        vendor = data.get("vendor", {})
        vf = vendor.get("function")
        prof = Profile(
            name=name,
            description=str(data.get("description", "")),
            protocol=protocol,
            type_code=data.get("type_code"),
            phases=phases,
            balance=balance,
            word_order=word_order,
            realtime=realtime,
            force=force,
            money_read=_read_spec(data["money_read"], f"{where}.money_read") if "money_read" in data else None,
            power_read=_read_spec(data["power_read"], f"{where}.power_read") if "power_read" in data else None,
            vendor_function=vf,
            purchase=_group(vendor.get("purchase"), f"{where}.vendor.purchase"),
            money_params=_group(vendor.get("money_params"), f"{where}.vendor.money_params"),
            power=_group(vendor.get("power"), f"{where}.vendor.power"),
            vendor_force=_group(vendor.get("force"), f"{where}.vendor.force"),
            clock_set=_group(vendor.get("clock"), f"{where}.vendor.clock"),
            link_cipher=data.get("link_cipher"),
            addressing=str(data.get("addressing", "unit")),
            source=source,
            cipher_groups=tuple(int(g) for g in data.get("link_cipher_groups", [0x01, 0x02])),
            metering_only=bool(data.get("metering_only", False)),
            circuits=_int(data, "circuits", where, 1),
            status=_status_spec(data.get("status"), realtime, f"{where}.status"),
            tou=_tou(data.get("tou"), f"{where}.tou"),
        )
        if prof.circuits not in (1, 3):
            raise ProfileError(f"{where}: circuits 1 or 3")
    except ProfileError:
        raise
    except (KeyError, TypeError, AttributeError) as exc:
        raise ProfileError(f"{where}: malformed profile ({exc!r})") from None
    if method == "vendor20" and prof.vendor_force is None:
        raise ProfileError(f"{where}: force method vendor20 needs [vendor.force]")
    if prof.meter_side_balance and (prof.purchase is None or prof.money_read is None):
        raise ProfileError(f"{where}: a meter-side balance needs [vendor.purchase] and [money_read]")
    return prof


def _dirs(extra_dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    env = os.environ.get(ENV_DIR)
    site = tuple(Path(p) for p in env.split(os.pathsep) if p) if env else ()
    return tuple(extra_dirs) + site + (BUILTIN_DIR,)


def _path_for(name: str, dirs: tuple[Path, ...]) -> Path:
    for d in dirs:
        p = d / f"{name}.toml"
        if p.is_file():
            return p
    raise ProfileError(f"no meter profile named {name!r}")


@lru_cache(maxsize=64)
def _load_file(path: Path, mtime_ns: int) -> Profile:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path}: {exc}") from None
    return parse_profile(data, str(path))


def load_profile(name: str, extra_dirs: tuple[Path, ...] = ()) -> Profile:
    """The profile named `name` (file `<name>.toml`); site directories win over built-ins."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ProfileError(f"bad profile name {name!r}")
    path = _path_for(name, _dirs(tuple(extra_dirs)))
    return _load_file(path, path.stat().st_mtime_ns)


def list_profiles(extra_dirs: tuple[Path, ...] = ()) -> list[str]:
    """Names of every available profile, sorted."""
    names: set[str] = set()
    for d in _dirs(tuple(extra_dirs)):
        if d.is_dir():
            names.update(p.stem for p in d.glob("*.toml"))
    return sorted(names)
