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
