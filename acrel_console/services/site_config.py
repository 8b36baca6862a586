"""Site configuration use cases: buildings, gateways (buses) and meters, validated and logged."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.ledger.queries import meter_has_money_records
from acrel_console.domain.site import (BAUD_RATES, GATEWAY_KINDS, MAX_ADDRESS, MIN_ADDRESS, PARITIES, STOPBITS,
                                       Building, Gateway, Meter)
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.money_common import meter_side
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.site import BuildingRow, GatewayRow, MeterRow


def known_models() -> tuple[str, ...]:
    """Model names with a profile (profiles are data: drivers/profiles/*.toml)."""
    from acrel_console.drivers.profiles import list_profiles

    return tuple(list_profiles())


def circuits_of(model: str) -> int:
    """Consecutive addresses a meter of this model takes (3 for an ADF400L three-phase user)."""
    from acrel_console.drivers.profiles import ProfileError, load_profile

    try:
        return load_profile(model).circuits
    except ProfileError:
        return 1


def building_value(r: BuildingRow) -> Building:
    return Building(r.id, r.name, r.floor, r.area, r.notes)


def gateway_value(r: GatewayRow) -> Gateway:
    return Gateway(r.id, r.name, r.kind, r.host, r.port, r.serial_port, r.baud, r.parity, r.stopbits, r.timeout_ms,
                   r.retries, r.inter_frame_delay_ms, r.building_id, r.enabled, bool(r.local_echo), r.zone or "")


def meter_value(r: MeterRow, gateway: str, building: str | None) -> Meter:
    return Meter(r.id, r.gateway_id, gateway, r.address, r.model, r.room, r.building_id, building, r.ct_ratio,
                 r.circuit, r.meter_no, r.alarm1_fen, r.alarm2_fen, r.overload_power_w, r.max_credit_fen, r.retired,
                 r.parent_meter_id)


def _int(value: Any, field: str, label: str, lo: int, hi: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not a whole number."),
                              field=field, label=label, value=value) from None
    if not lo <= number <= hi:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: {value} is outside {minimum}..{maximum}."),
                              field=field, label=label, value=number, minimum=lo, maximum=hi)
    return number


def _text(value: Any, field: str, label: str, required: bool = True, max_len: int = 100) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field=field, label=label)
    if len(text) > max_len:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is longer than {n} characters."),
                              field=field, label=label, n=max_len)
    return text


def parse_host_port(text: str) -> tuple[str, int]:
    """'HOST:PORT' into its parts, validated."""
    host, sep, port = str(text).strip().rpartition(":")
    if not sep or not host:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{value}' is not HOST:PORT."), field="tcp", value=text)
    return host, _int(port, "tcp", "TCP port", 1, 65535)


def validate_gateway(fields: dict[str, Any]) -> dict[str, Any]:
    """Normalise and validate gateway fields (shared by the GUI dialog, CLI and xlsx import)."""
    out: dict[str, Any] = {}
    out["name"] = _text(fields.get("name"), "name", "Gateway name")
    kind = str(fields.get("kind", "")).strip().lower()
    if kind not in GATEWAY_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Gateway mode must be one of {choices}."), field="kind",
                              choices=", ".join(GATEWAY_KINDS))
    out["kind"] = kind
    if kind == "serial":
        out["serial_port"] = _text(fields.get("serial_port"), "serial_port", "Serial port", max_len=255)
        out["host"], out["port"] = None, None
    else:
        if fields.get("tcp"):
            out["host"], out["port"] = parse_host_port(fields["tcp"])
        else:
            out["host"] = _text(fields.get("host"), "host", "Host", max_len=255)
            out["port"] = _int(fields.get("port"), "port", "TCP port", 1, 65535)
        out["serial_port"] = None
    baud = _int(fields.get("baud", 9600), "baud", "Baud rate", 300, 115200)
    if baud not in BAUD_RATES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Baud rate must be one of {choices}."), field="baud",
                              choices=", ".join(map(str, BAUD_RATES)))
    out["baud"] = baud
    parity = str(fields.get("parity", "N")).strip().upper()[:1]
    if parity not in PARITIES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Parity must be N, E or O."), field="parity")
    out["parity"] = parity
    stopbits = _int(fields.get("stopbits", 1), "stopbits", "Stop bits", 1, 2)
    if stopbits not in STOPBITS:  # pragma: no cover - range check above covers it
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Stop bits must be 1 or 2."), field="stopbits")
    out["stopbits"] = stopbits
    out["timeout_ms"] = _int(fields.get("timeout_ms", 500), "timeout_ms", "Timeout (ms)", 20, 10000)
    out["retries"] = _int(fields.get("retries", 1), "retries", "Retries", 0, 5)
    out["inter_frame_delay_ms"] = _int(fields.get("inter_frame_delay_ms", 0), "inter_frame_delay_ms",
                                       "Inter-frame delay (ms)", 0, 1000)
    out["local_echo"] = _flag(fields.get("local_echo", False), "local_echo", "Local echo")
    out["zone"] = validate_zone(fields.get("zone", ""))
    return out


def validate_zone(value: Any) -> str:
    """A zone name: letters, digits, '-' and '_', at most 28 (it names the zone's lease); '' = the site's own."""
    text = _text(value, "zone", "Zone", required=False, max_len=28)
    if text and not all(c.isascii() and (c.isalnum() or c in "-_") for c in text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Zone '{value}': use letters, digits, '-' and '_'."),
                              field="zone", value=text)
    return text


def _flag(value: Any, field: str, label: str) -> bool:
    """A yes/no setting from a checkbox, the CLI or a spreadsheet cell."""
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in ("", "0", "no", "n", "false", "off", "否"):
        return False
    if text in ("1", "yes", "y", "true", "on", "是"):
        return True
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not yes or no."), field=field,
                          label=label, value=value)


def validate_meter(fields: dict[str, Any]) -> dict[str, Any]:
    """Normalise and validate meter fields that need no database."""
    out: dict[str, Any] = {}
    out["address"] = _int(fields.get("address"), "address", "RS485 address", MIN_ADDRESS, MAX_ADDRESS)
    model = str(fields.get("model", "")).strip().upper()
    models = known_models()
    if model not in models:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown meter model '{model}'; known: {choices}."),
                              field="model", model=fields.get("model", ""), choices=", ".join(models))
    out["model"] = model
    out["room"] = _text(fields.get("room"), "room", "Room")
    out["ct_ratio"] = _int(fields.get("ct_ratio", 1) or 1, "ct_ratio", "CT ratio", 1, 10000)
    circuit = fields.get("circuit")
    out["circuit"] = None if circuit in (None, "") else _int(circuit, "circuit", "Circuit", 1, 36)
    out["meter_no"] = _text(fields.get("meter_no", ""), "meter_no", "Meter number", required=False, max_len=40)
    return out


THRESHOLD_KEYS = ("alarm1_fen", "alarm2_fen", "overload_power_w")  # the meter row's own thresholds
TYPED_THRESHOLDS = ("alarm1_yuan", "alarm2_yuan", "overload_kw")  # as a dialog or the import sheet types them


def threshold_fields(fields: dict[str, Any]) -> dict[str, int]:
    """告警金额1/2 (yuan) and 功率阈值 (kW) typed in a sheet or a dialog, as the meter row's fen and W;
    empty: the site default applies. Alarm 1 > alarm 2 >= 0 and power in 10 W steps, as for a download."""
    from acrel_console.domain.amount_input import parse_decimal
    from acrel_console.services.thresholds import threshold_values

    given: dict[str, Any] = {}
    for key in ("alarm1_yuan", "alarm2_yuan"):
        if fields.get(key) not in (None, ""):
            given[key] = str(fields[key])
    if fields.get("overload_kw") not in (None, ""):
        kw = parse_decimal(str(fields["overload_kw"]), places=2, field="overload_kw").value
        given["overload_power_w"] = int(kw * 1000)
    if not given:
        return {}
    try:
        return threshold_values(given)
    except ValidationError as err:  # name the sheet's / dialog's column, not the stored one
        err.field = {"alarm1_fen": "alarm1_yuan", "alarm2_fen": "alarm2_yuan",
                     "overload_power_w": "overload_kw"}.get(err.field or "", err.field)
        raise


def endpoint_key(kind: str, host: str | None, port: int | None, serial_port: str | None) -> tuple[str, str, int]:
    """What identifies the physical line behind a gateway: ("tcp", host, port) for both TCP modes (a
    Modbus-TCP and an RTU-over-TCP gateway on one host:port are the same device), ("serial", path, 0)
    with symbolic links resolved. Host names are compared as written (no lookups), IP text normalised."""
    import ipaddress
    import os

    if kind == "serial":
        path = str(serial_port or "").strip()
        if path and "://" not in path and os.path.exists(path):
            path = os.path.realpath(path)
        return ("serial", path, 0)
    name = str(host or "").strip().lower()
    if name == "localhost":
        name = "127.0.0.1"
    try:
        name = str(ipaddress.ip_address(name))
    except ValueError:
        pass
    return ("tcp", name, int(port or 0))


def _check_port_settings(clean: dict[str, Any]) -> None:
    """A serial port present on this machine that refuses the line settings (a pty refuses parity E) is
    refused now, naming the port and the setting, instead of failing at every poll."""
    if clean["kind"] != "serial":
        return
    from acrel_console.drivers.api import BusConfig
    from acrel_console.drivers.transports import check_serial_port

    refused = check_serial_port(BusConfig(name="check", kind="serial", serial_port=clean["serial_port"],
                                          baud=clean["baud"], parity=clean["parity"], stopbits=clean["stopbits"]))
    if refused is not None:
        field = "parity" if refused.setting.startswith("parity") else (
            "baud" if refused.setting.startswith("baud") else "stopbits")
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The port {port} does not support {setting}."),
                              field=field, port=refused.port, setting=refused.setting)


class SiteConfigService:
    """Buildings, gateways and meters. Every change is validated and lands in the operation log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- buildings ---------------------------------------------------------------------------
    @requires(Permission.VIEW)
    def list_buildings(self, actor: Actor) -> list[Building]:
        with self.ctx.read() as s:
            return [building_value(r) for r in s.execute(select(BuildingRow).order_by(BuildingRow.name)).scalars()]

    @requires(Permission.CONFIGURE_SITE)
    def add_building(self, actor: Actor, name: str, floor: str = "", area: str = "", notes: str = "") -> Building:
        with self.ctx.transaction() as s:
            return self.add_building_in(s, actor, name, floor, area, notes)

    def add_building_in(self, s: Session, actor: Actor, name: str, floor: str = "", area: str = "",
                        notes: str = "") -> Building:
        name = _text(name, "name", "Building name")
        if s.execute(select(BuildingRow.id).where(BuildingRow.name == name)).first():
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "A building named {name} already exists."), name=name)
        row = BuildingRow(name=name, floor=_text(floor, "floor", "Floor", False, 50),
                          area=_text(area, "area", "Area", False), notes=str(notes or ""))
        s.add(row)
        s.flush()
        value = building_value(row)
        audit.append(s, actor, "building.add", name, after=asdict(value), at=self.ctx.clock())
        return value

    @requires(Permission.CONFIGURE_SITE)
    def update_building(self, actor: Actor, building_id: int, **fields: Any) -> Building:
        with self.ctx.transaction() as s:
            row = s.get(BuildingRow, building_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No building {name}."), name=building_id)
            before = building_value(row)
            if "name" in fields:
                name = _text(fields["name"], "name", "Building name")
                clash = s.execute(select(BuildingRow.id).where(BuildingRow.name == name, BuildingRow.id != row.id)).first()
                if clash:
                    raise ConflictError(QT_TRANSLATE_NOOP("errors", "A building named {name} already exists."), name=name)
                row.name = name
            for key in ("floor", "area", "notes"):
                if key in fields:
                    setattr(row, key, str(fields[key] or "").strip())
            s.flush()
            after = building_value(row)
            audit.append(s, actor, "building.update", row.name, before=asdict(before), after=asdict(after),
                         at=self.ctx.clock())
            return after

    @requires(Permission.CONFIGURE_SITE)
    def remove_building(self, actor: Actor, building_id: int) -> None:
        with self.ctx.transaction() as s:
            row = s.get(BuildingRow, building_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No building {name}."), name=building_id)
            used = s.execute(select(func.count(MeterRow.id)).where(MeterRow.building_id == row.id)).scalar() or 0
            used += s.execute(select(func.count(GatewayRow.id)).where(GatewayRow.building_id == row.id)).scalar() or 0
            if used:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Building {name} still has meters or gateways."),
                                    name=row.name)
            before = building_value(row)
            s.delete(row)
            audit.append(s, actor, "building.remove", before.name, before=asdict(before), at=self.ctx.clock())

    def building_id_by_name(self, s: Session, name: str | None) -> int | None:
        if name in (None, ""):
            return None
        bid = s.execute(select(BuildingRow.id).where(BuildingRow.name == str(name).strip())).scalar()
        if bid is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No building named {name}."), name=name)
        return int(bid)

    # --- gateways ----------------------------------------------------------------------------
    @requires(Permission.VIEW)
    def list_gateways(self, actor: Actor) -> list[Gateway]:
        with self.ctx.read() as s:
            return [gateway_value(r) for r in s.execute(select(GatewayRow).order_by(GatewayRow.name)).scalars()]

    @requires(Permission.CONFIGURE_SITE)
    def add_gateway(self, actor: Actor, **fields: Any) -> Gateway:
        with self.ctx.transaction() as s:
            return self.add_gateway_in(s, actor, **fields)

    def add_gateway_in(self, s: Session, actor: Actor, **fields: Any) -> Gateway:
        clean = validate_gateway(fields)
        clean["building_id"] = self.building_id_by_name(s, fields.get("building"))
        if s.execute(select(GatewayRow.id).where(GatewayRow.name == clean["name"])).first():
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "A gateway named {name} already exists."), name=clean["name"])
        self._check_endpoint_free(s, clean, None)
        _check_port_settings(clean)  # a new port, used by no gateway yet: opening it disturbs nobody
        row = GatewayRow(**clean)
        s.add(row)
        s.flush()
        value = gateway_value(row)
        audit.append(s, actor, "gateway.add", value.name, after=asdict(value), at=self.ctx.clock())
        return value

    @requires(Permission.CONFIGURE_SITE)
    def update_gateway(self, actor: Actor, gateway_id: int, **fields: Any) -> Gateway:
        with self.ctx.transaction() as s:
            row = s.get(GatewayRow, gateway_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No gateway {name}."), name=gateway_id)
            before = gateway_value(row)
            merged = {**asdict(before), **fields}
            if "tcp" in fields:
                merged.pop("host", None)
                merged.pop("port", None)
            clean = validate_gateway(merged)
            if "building" in fields:
                clean["building_id"] = self.building_id_by_name(s, fields.get("building"))
            clash = s.execute(select(GatewayRow.id).where(GatewayRow.name == clean["name"], GatewayRow.id != row.id)).first()
            if clash:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "A gateway named {name} already exists."), name=clean["name"])
            self._check_endpoint_free(s, clean, row.id)
            for key, value in clean.items():
                setattr(row, key, value)
            if "enabled" in fields:
                row.enabled = bool(fields["enabled"])
            s.flush()
            after = gateway_value(row)
            audit.append(s, actor, "gateway.update", after.name, before=asdict(before), after=asdict(after),
                         at=self.ctx.clock())
            return after

    @requires(Permission.CONFIGURE_SITE)
    def remove_gateway(self, actor: Actor, name: str) -> None:
        with self.ctx.transaction() as s:
            row = self._gateway(s, name)
            used = s.execute(select(func.count(MeterRow.id)).where(MeterRow.gateway_id == row.id,
                                                                   MeterRow.retired.is_(False))).scalar() or 0
            if used:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Gateway {name} still has {n} meters; remove them first."),
                                    name=row.name, n=used)
            before = gateway_value(row)
            from acrel_console.storage.tables.meter_state import BusHealthRow

            health = s.get(BusHealthRow, row.id)
            if health is not None:
                s.delete(health)
            s.delete(row)
            audit.append(s, actor, "gateway.remove", before.name, before=asdict(before), at=self.ctx.clock())

    def _check_endpoint_free(self, s: Session, clean: dict[str, Any], gateway_id: int | None) -> None:
        """One gateway per physical endpoint: a second one would list the same meters twice and run two
        bus workers against one line (or be locked out by a gateway taking one client only)."""
        key = endpoint_key(clean["kind"], clean.get("host"), clean.get("port"), clean.get("serial_port"))
        for other in s.execute(select(GatewayRow)).scalars():
            if other.id != gateway_id and endpoint_key(other.kind, other.host, other.port, other.serial_port) == key:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Gateway {other} already uses {endpoint}: the same line cannot be configured twice."),
                    other=other.name, endpoint=gateway_value(other).endpoint.split(" ")[0])

    def _gateway(self, s: Session, name_or_id: str | int) -> GatewayRow:
        q = select(GatewayRow).where(GatewayRow.name == str(name_or_id))
        row = s.execute(q).scalar_one_or_none()
        if row is None and str(name_or_id).isdigit():
            row = s.get(GatewayRow, int(name_or_id))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No gateway named {name}."), name=name_or_id)
        return row

    # --- meters ------------------------------------------------------------------------------
    def _meter_values(self, s: Session, where: Any = None) -> list[Meter]:
        """Meters with their gateway's and building's names, from plain columns in Meter's field order (no ORM
        object per meter: 20,000 meters in the Settings page, issue 15)."""
        q = (select(MeterRow.id, MeterRow.gateway_id, GatewayRow.name, MeterRow.address, MeterRow.model, MeterRow.room,
                    MeterRow.building_id, BuildingRow.name, MeterRow.ct_ratio, MeterRow.circuit, MeterRow.meter_no,
                    MeterRow.alarm1_fen, MeterRow.alarm2_fen, MeterRow.overload_power_w, MeterRow.max_credit_fen,
                    MeterRow.retired, MeterRow.parent_meter_id)
             .join(GatewayRow, MeterRow.gateway_id == GatewayRow.id)
             .outerjoin(BuildingRow, MeterRow.building_id == BuildingRow.id)
             .order_by(GatewayRow.name, MeterRow.address))
        if where is not None:
            q = q.where(where)
        return [Meter(*row) for row in s.connection().execute(q)]  # type: ignore[call-arg]  # columns in field order

    @requires(Permission.VIEW)
    def list_meters(self, actor: Actor, include_retired: bool = False) -> list[Meter]:
        with self.ctx.read() as s:
            return self._meter_values(s, None if include_retired else MeterRow.retired.is_(False))

    @requires(Permission.VIEW)
    def get_meter(self, actor: Actor, meter_id: int) -> Meter:
        with self.ctx.read() as s:
            found = self._meter_values(s, MeterRow.id == meter_id)
            if not found:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            return found[0]

    @requires(Permission.CONFIGURE_SITE)
    def add_meter(self, actor: Actor, **fields: Any) -> Meter:
        with self.ctx.transaction() as s:
            return self.add_meter_in(s, actor, **fields)

    def add_meter_in(self, s: Session, actor: Actor, *, download_reason: str = "meter added", **fields: Any) -> Meter:
        """A new meter; its own thresholds (typed in yuan/kW) are stored and, on a prepaid meter, downloaded
        (confirmed by read-back when the dispatcher reaches it)."""
        clean = validate_meter(fields)
        gw = self._gateway(s, fields.get("gateway", ""))
        clean["gateway_id"] = gw.id
        clean["building_id"] = (self.building_id_by_name(s, fields.get("building"))
                                if fields.get("building") not in (None, "") else gw.building_id)
        self._check_address_free(s, gw, clean["address"], None, clean["model"])
        clean.update(threshold_fields(fields))
        if fields.get("main_meter") not in (None, "") or fields.get("parent_meter_id") not in (None, ""):
            clean["parent_meter_id"] = self._main_meter_id(s, fields, None)
        row = MeterRow(**clean, created_at=self.ctx.clock())
        s.add(row)
        s.flush()
        value = self._meter_values(s, MeterRow.id == row.id)[0]
        audit.append(s, actor, "meter.add", f"{value.gateway}/{value.address}", after=asdict(value), at=self.ctx.clock())
        own = {k: v for k in THRESHOLD_KEYS if (v := getattr(row, k)) is not None}
        if own and meter_side(row.model):
            from acrel_console.services.remote_control import submit_in

            submit_in(self.ctx, s, actor, [row.id], "settings_download", own, download_reason)
        return value

    def _check_address_free(self, s: Session, gw: GatewayRow, address: int, meter_id: int | None,
                            model: str | None = None) -> None:
        """The unit is free on this line: on this gateway, and on any other gateway row reaching the same
        endpoint (rows older than the one-gateway-per-endpoint rule). A meter taking several addresses
        (an ADF400L three-phase user: 3 circuits) needs them all free. The same physical meter is never
        listed twice."""
        span = circuits_of(model) if model else 1
        if address + span - 1 > MAX_ADDRESS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A {model} takes addresses {address} to {last}; the last address is {maximum}."),
                field="address", model=model, address=address, last=address + span - 1, maximum=MAX_ADDRESS)
        key = endpoint_key(gw.kind, gw.host, gw.port, gw.serial_port)
        same_line = [g.id for g in s.execute(select(GatewayRow)).scalars()
                     if g.id == gw.id or endpoint_key(g.kind, g.host, g.port, g.serial_port) == key]
        q = select(MeterRow.id, MeterRow.address, MeterRow.model, GatewayRow.name).join(
            GatewayRow, MeterRow.gateway_id == GatewayRow.id).where(MeterRow.gateway_id.in_(same_line),
                                                                    MeterRow.address <= address + span - 1,
                                                                    MeterRow.address >= address - 2)
        if meter_id is not None:
            q = q.where(MeterRow.id != meter_id)
        for _mid, other, other_model, gw_name in s.execute(q):
            if other <= address + span - 1 and address <= other + circuits_of(other_model) - 1:
                taken = address if other <= address else other
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Address {address} is already used on bus {gateway}."),
                                    address=taken, gateway=gw_name)

    @requires(Permission.CONFIGURE_SITE)
    def update_meter(self, actor: Actor, meter_id: int, **fields: Any) -> Meter:
        with self.ctx.transaction() as s:
            row = s.get(MeterRow, meter_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            before = self._meter_values(s, MeterRow.id == meter_id)[0]
            merged = {**asdict(before), **fields}
            clean = validate_meter(merged)
            gw = self._gateway(s, fields["gateway"]) if "gateway" in fields else s.get(GatewayRow, row.gateway_id)
            assert gw is not None
            self._check_address_free(s, gw, clean["address"], row.id, clean["model"])
            clean["gateway_id"] = gw.id
            if "building" in fields:
                clean["building_id"] = self.building_id_by_name(s, fields.get("building"))
            for key in ("alarm1_fen", "alarm2_fen", "overload_power_w", "max_credit_fen"):
                if key in fields:
                    clean[key] = None if fields[key] in (None, "") else _int(fields[key], key, key, 0, 2_000_000_000)
            if "main_meter" in fields or "parent_meter_id" in fields:
                clean["parent_meter_id"] = self._main_meter_id(s, fields, row.id)
            for key, value in clean.items():
                setattr(row, key, value)
            if any(k in fields for k in TYPED_THRESHOLDS):
                self._typed_thresholds(s, actor, row, fields)
            s.flush()
            after = self._meter_values(s, MeterRow.id == meter_id)[0]
            audit.append(s, actor, "meter.update", f"{after.gateway}/{after.address}", before=asdict(before),
                         after=asdict(after), at=self.ctx.clock())
            return after

    def _typed_thresholds(self, s: Session, actor: Actor, row: MeterRow, fields: dict[str, Any]) -> None:
        """告警金额1/2 and 功率阈值 edited in the Settings meter dialog (yuan / kW; empty = the site default).
        A console-billed meter takes them at once. A prepaid meter gets a settings download of what changed
        (an emptied field downloads the site default, so meter and console agree); its row changes when the
        meter confirms by read-back (services.thresholds), like 报警设置 on the Meters toolbar."""
        from acrel_console.services.remote_control import submit_in
        from acrel_console.services.site_settings import load_all
        from acrel_console.services.thresholds import store_thresholds

        wanted: dict[str, int | None] = {k: None for k in THRESHOLD_KEYS}
        wanted.update(threshold_fields(fields))
        current = {k: getattr(row, k) for k in THRESHOLD_KEYS}
        if wanted == current:
            return
        if not meter_side(row.model):
            store_thresholds(s, actor, row, wanted, self.ctx.clock(), "console")
            return
        defaults = load_all(s)
        payload: dict[str, int] = {}
        if (wanted["alarm1_fen"], wanted["alarm2_fen"]) != (current["alarm1_fen"], current["alarm2_fen"]):
            for k in ("alarm1_fen", "alarm2_fen"):
                value = wanted[k]
                payload[k] = int(defaults[k]) if value is None else value
        if wanted["overload_power_w"] != current["overload_power_w"]:
            power = wanted["overload_power_w"]
            if power is None and defaults.get("overload_power_w") not in (None, "", 0):
                power = int(defaults["overload_power_w"])
            if power is not None:
                payload["overload_power_w"] = power
        if payload:
            submit_in(self.ctx, s, actor, [row.id], "settings_download", payload, "meter settings")

    def _main_meter_id(self, s: Session, fields: dict[str, Any], meter_id: int | None) -> int | None:
        """总表: the main meter of a sub-meter, by id, 仪表编号, or GATEWAY/ADDRESS; None clears it. One
        level only: a main meter is no sub-meter itself, and a meter with sub-meters cannot become one."""
        ref = fields.get("main_meter", fields.get("parent_meter_id"))
        if ref in (None, ""):
            return None
        text = str(ref).strip()
        q = select(MeterRow).where(MeterRow.retired.is_(False))
        if isinstance(ref, int) or text.isdigit():
            found = s.execute(q.where(MeterRow.id == int(text))).scalars().all()
            if not found and not isinstance(ref, int):
                found = s.execute(q.where(MeterRow.meter_no == text)).scalars().all()
        elif "/" in text:
            gw_name, _, addr = text.rpartition("/")
            found = s.execute(q.join(GatewayRow, MeterRow.gateway_id == GatewayRow.id).where(
                GatewayRow.name == gw_name, MeterRow.address == _int(addr, "main_meter", "Main meter", 0, 255))
                              ).scalars().all()
        else:
            found = s.execute(q.where(MeterRow.meter_no == text)).scalars().all()
        if len(found) != 1:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {ref} to be the main meter."), field="main_meter",
                           ref=text)
        main = found[0]
        if main.id == meter_id or main.parent_meter_id is not None or (meter_id is not None and s.execute(
                select(MeterRow.id).where(MeterRow.parent_meter_id == meter_id).limit(1)).first()):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A main meter cannot be a sub-meter itself, nor a meter its own main meter."),
                field="main_meter")
        return int(main.id)

    @requires(Permission.CONFIGURE_SITE)
    def remove_meter(self, actor: Actor, meter_id: int) -> None:
        """Remove a meter that never carried money or commands; otherwise it must be retired."""
        with self.ctx.transaction() as s:
            row = s.get(MeterRow, meter_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            before = self._meter_values(s, MeterRow.id == meter_id)[0]
            has_history = s.execute(select(MeterCommandRow.id).where(MeterCommandRow.meter_id == meter_id).limit(1)).first()
            if has_history or meter_has_money_records(s, meter_id):
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Meter {id} has money or command records; replace or retire it instead of removing."),
                    id=meter_id)
            from acrel_console.storage.tables.meter_state import MeterStateRow

            state = s.get(MeterStateRow, meter_id)
            if state is not None:
                s.delete(state)
            s.delete(row)
            audit.append(s, actor, "meter.remove", f"{before.gateway}/{before.address}", before=asdict(before),
                         at=self.ctx.clock())
