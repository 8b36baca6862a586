"""Site configuration through the services: validation, duplicate addresses, logging, settings."""

from __future__ import annotations

import pytest

from acrel_console.domain.errors import ConflictError, NotFound, ValidationError
from tests.services.helpers import make_services


def test_gateways_meters_and_duplicate_address(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_building(admin, "A栋", floor="1-5", area="东区")
    gw = svc.site.add_gateway(admin, name="COM1", kind="serial", serial_port="/dev/ttyUSB0", baud=9600, parity="E",
                              building="A栋")
    assert gw.endpoint == "/dev/ttyUSB0 9600 8E1"
    tcp = svc.site.add_gateway(admin, name="GW1", kind="rtu-over-tcp", tcp="10.0.0.5:4196", timeout_ms=300, retries=0)
    assert (tcp.host, tcp.port, tcp.retries) == ("10.0.0.5", 4196, 0)
    m = svc.site.add_meter(admin, gateway="COM1", address=7, model="DTSY1352", room="A-101", ct_ratio=20)
    assert m.building == "A栋" and m.ct_ratio == 20
    with pytest.raises(ConflictError, match="Address 7 is already used on bus COM1"):
        svc.site.add_meter(admin, gateway="COM1", address=7, model="DDSY1352", room="A-102")
    svc.site.add_meter(admin, gateway="GW1", address=7, model="DDSY1352", room="A-102")  # other bus: fine
    with pytest.raises(ValidationError) as e:
        svc.site.add_meter(admin, gateway="GW1", address=248, model="DDSY1352", room="x")
    assert e.value.field == "address"
    with pytest.raises(ValidationError) as e:
        svc.site.add_meter(admin, gateway="GW1", address=9, model="NOPE", room="x")
    assert e.value.field == "model"
    with pytest.raises(NotFound):
        svc.site.add_meter(admin, gateway="GW9", address=9, model="DDSY1352", room="x")
    with pytest.raises(ConflictError):
        svc.site.remove_gateway(admin, "COM1")
    updated = svc.site.update_meter(admin, m.id, room="A-101B", alarm1_fen=8000)
    assert updated.room == "A-101B" and updated.alarm1_fen == 8000
    svc.site.remove_meter(admin, m.id)
    svc.site.remove_gateway(admin, "COM1")
    kinds = [e.kind for e in svc.audit.list(admin)]
    for k in ("building.add", "gateway.add", "meter.add", "meter.update", "meter.remove", "gateway.remove"):
        assert k in kinds
    assert svc.audit.verify(admin).ok
    svc.close()


@pytest.mark.parametrize("fields, field", [
    ({"name": "", "kind": "serial", "serial_port": "x"}, "name"),
    ({"name": "g", "kind": "bluetooth"}, "kind"),
    ({"name": "g", "kind": "modbus-tcp", "tcp": "nohost"}, "tcp"),
    ({"name": "g", "kind": "modbus-tcp", "tcp": "h:70000"}, "tcp"),
    ({"name": "g", "kind": "serial", "serial_port": "p", "baud": 9601}, "baud"),
    ({"name": "g", "kind": "serial", "serial_port": "p", "parity": "X"}, "parity"),
    ({"name": "g", "kind": "serial", "serial_port": "p", "timeout_ms": 5}, "timeout_ms"),
])
def test_gateway_validation_names_the_field(fields: dict, field: str) -> None:
    from acrel_console.services.site_config import validate_gateway

    with pytest.raises(ValidationError) as e:
        validate_gateway(fields)
    assert e.value.field == field


def test_settings_defaults_update_and_alarm_rule(db_url: str) -> None:
    svc, admin = make_services(db_url)
    values = svc.settings.get_all(admin)
    assert values["status_interval_s"] == 180 and values["history_interval_s"] == 1800
    svc.settings.update(admin, {"alarm1_fen": "8000", "no_trip_hours": "18:00-09:30"})
    assert svc.settings.get_all(admin)["alarm1_fen"] == 8000
    with pytest.raises(ValidationError):
        svc.settings.update(admin, {"alarm2_fen": 9000})  # alarm 2 above alarm 1
    with pytest.raises(ValidationError):
        svc.settings.update(admin, {"no_trip_hours": "late evening"})
    assert svc.settings.get_all(admin)["alarm2_fen"] == 2000  # nothing changed
    assert any(e.kind == "settings.update" for e in svc.audit.list(admin))
    svc.close()


def test_same_line_cannot_be_configured_twice(db_url: str) -> None:
    """Issue 12 item 7: two gateways on one host:port (either TCP mode, any spelling of the address) or
    one serial port are refused, and one physical meter is never listed twice."""
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="GW1", kind="modbus-tcp", tcp="127.0.0.1:4196")
    for name, kind, tcp in (("GW2", "modbus-tcp", "127.0.0.1:4196"), ("GW3", "rtu-over-tcp", "localhost:4196"),
                            ("GW4", "modbus-tcp", "LOCALHOST:4196")):
        with pytest.raises(ConflictError, match="Gateway GW1 already uses 127.0.0.1:4196"):
            svc.site.add_gateway(admin, name=name, kind=kind, tcp=tcp)
    svc.site.add_gateway(admin, name="GW5", kind="modbus-tcp", tcp="127.0.0.1:4197")  # another port: fine
    with pytest.raises(ConflictError, match="already uses"):
        svc.site.update_gateway(admin, svc.site.list_gateways(admin)[1].id, tcp="127.0.0.1:4196")
    svc.site.add_gateway(admin, name="COM1", kind="serial", serial_port="/dev/ttyUSB7")
    with pytest.raises(ConflictError, match="Gateway COM1 already uses /dev/ttyUSB7"):
        svc.site.add_gateway(admin, name="COM2", kind="serial", serial_port="/dev/ttyUSB7", baud=2400)
    # A database from before the rule may hold two rows on one endpoint: the same unit is still refused.
    from acrel_console.storage.tables.site import GatewayRow

    with svc.ctx.transaction() as s:
        s.add(GatewayRow(name="OLD", kind="rtu-over-tcp", host="127.0.0.1", port=4196, baud=9600, parity="N",
                         stopbits=1, timeout_ms=500, retries=1, inter_frame_delay_ms=0, enabled=True, notes=""))
    svc.site.add_meter(admin, gateway="GW1", address=2, model="DDSY1352", room="A-2")
    with pytest.raises(ConflictError, match="Address 2 is already used on bus GW1"):
        svc.site.add_meter(admin, gateway="OLD", address=2, model="DDSY1352", room="A-2 again")
    svc.site.add_meter(admin, gateway="GW5", address=2, model="DDSY1352", room="B-2")  # another line: fine
    svc.close()


def test_a_port_refusing_a_setting_is_named(db_url: str) -> None:
    """Issue 12 item 7: a Linux pty refuses even parity (EINVAL); the error names the port and the
    setting instead of 'internal error while decoding: error(22 ...)'."""
    import os

    from acrel_console.i18n import error_text

    master, slave = os.openpty()
    path = os.ttyname(slave)
    svc, admin = make_services(db_url)
    try:
        with pytest.raises(ValidationError) as e:
            svc.site.add_gateway(admin, name="COM1", kind="serial", serial_port=path, parity="E")
        assert e.value.field == "parity"
        assert error_text(e.value) == f"The port {path} does not support parity E."
        gw = svc.site.add_gateway(admin, name="COM1", kind="serial", serial_port=path, parity="N", local_echo=True)
        assert gw.local_echo is True
        assert svc.site.update_gateway(admin, gw.id, local_echo=False).local_echo is False
    finally:
        svc.close()
        os.close(master)
        os.close(slave)


def test_the_bus_names_a_refused_setting_too() -> None:
    import os

    from acrel_console.drivers.api import BusConfig, PortSettingRefused
    from acrel_console.drivers.bus import open_bus

    master, slave = os.openpty()
    path = os.ttyname(slave)
    bus = open_bus(BusConfig(name="COM1", kind="serial", serial_port=path, parity="E"))
    try:
        with pytest.raises(PortSettingRefused) as e:
            bus.read_realtime(1, "DDSY1352")
        assert (e.value.port, e.value.setting) == (path, "parity E")
        assert f"cannot open {path}: this port does not support parity E" in str(e.value)
    finally:
        bus.close()
        os.close(master)
        os.close(slave)


def test_a_three_phase_adf_user_takes_three_addresses(db_url: str) -> None:
    """Issue 12 item 9: an ADF400L three-phase user is three consecutive circuits; none of them may be
    configured as another meter."""
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="B", kind="rtu-over-tcp", tcp="10.0.0.9:4001")
    svc.site.add_meter(admin, gateway="B", address=4, model="ADF400L-3P", room="3P-1")  # takes 4, 5, 6
    for address, model in ((5, "ADF400L"), (6, "ADF400L"), (2, "ADF400L-3P"), (4, "DDSY1352")):
        with pytest.raises(ConflictError, match="is already used on bus B"):
            svc.site.add_meter(admin, gateway="B", address=address, model=model, room=f"x{address}")
    svc.site.add_meter(admin, gateway="B", address=3, model="ADF400L", room="1P-3")
    svc.site.add_meter(admin, gateway="B", address=7, model="ADF400L-3P", room="3P-2")  # 7, 8, 9
    with pytest.raises(ValidationError, match="takes addresses 246 to 248"):
        svc.site.add_meter(admin, gateway="B", address=246, model="ADF400L-3P", room="edge")
    svc.close()
