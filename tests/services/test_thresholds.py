"""Per-meter thresholds (issue 14): a confirmed settings download becomes the meter's own thresholds for
the status rule, the grid and the alarms; console-billed meters (ADL400) get arrears, alarm levels and
overload from their ledger balance and their own thresholds."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import PermissionDenied, ValidationError
from acrel_console.domain.roles import Role
from acrel_console.domain.status import MeterStatus
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.accounts import AccountService
from acrel_console.services.alarms import AlarmEngine, AlarmService
from acrel_console.services.meter_views import MeterViewService
from acrel_console.services.tariffs import flat
from tests.integration.sim_site import SimSite, make_site, meters, wait_for
from tests.services.test_remote_control import start_runtime


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    yield s
    s.close()


def _live(site: SimSite, mid: int):  # type: ignore[no-untyped-def]
    [m] = MeterViewService(site.ctx).list_live(site.admin, [mid])
    return m


def test_confirmed_download_is_the_meters_threshold(site: SimSite) -> None:
    """40 yuan left: alarm 1 by the site default (50 yuan); after the meter confirms alarm 1 = 30 yuan it
    is 'opened', and the row, the grid and the log say so. A plain 报警设置 batch did nothing to the grid."""
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=4_000))
    mid = site.meter_ids[("A", 1)]
    AccountService(site.ctx).open_account(site.admin, "T", "A-1", [mid])
    with site.poller() as p:
        p.run_once()
    assert _live(site, mid).status is MeterStatus.ALARM1
    rt, rc = start_runtime(site)
    try:
        batch = rc.submit(site.admin, [mid], "settings_download",
                          {"alarm1_fen": 3000, "alarm2_fen": 1000, "overload_power_w": 5000}, "tenant asked")
        wait_for(lambda: all(x.done for x in rc.batch_progress(site.admin, batch)), what="download")
        assert bus.meter(1).alarm1_fen == 3000
        live = _live(site, mid)
        assert (live.alarm1_fen, live.alarm2_fen, live.status) == (3000, 1000, MeterStatus.OPENED)
        meter = site.svc.site.get_meter(site.admin, mid)
        assert (meter.alarm1_fen, meter.alarm2_fen, meter.overload_power_w) == (3000, 1000, 5000)
        [entry] = site.svc.audit.list(site.admin, kind="meter.thresholds")
        assert '"read-back"' in entry.after and entry.reason == "tenant asked"
        # a download the meter did not confirm changes nothing
        bus.meter(1).alarm1_fen = 3000
        res = rc.set_thresholds(site.admin, [mid], {"alarm1_yuan": "45", "alarm2_yuan": "5"}, "r")
        assert res.downloaded == (mid,) and res.stored == ()
        wait_for(lambda: all(x.done for x in rc.batch_progress(site.admin, res.batch_id)), what="download 2")
        assert _live(site, mid).alarm1_fen == 4500 and _live(site, mid).status is MeterStatus.ALARM1
    finally:
        rt.stop()


def test_console_billed_meter_at_minus_20_is_in_arrears(site: SimSite) -> None:
    """An ADL400 account billed to -20.00 yuan shows arrears (not green 'opened') and raises the
    arrears alarm; at 30.00 yuan with alarm 1 = 50.00 it is alarm 1; over its power threshold it is
    overloaded."""
    site.add_bus("A", "modbus-tcp", meters(Model.ADL400, [1], load_w=8_000))
    mid = site.meter_ids[("A", 1)]
    svc, admin = site.svc, site.admin
    AccountService(site.ctx).open_account(admin, "T", "M-1", [mid], phone="13800138000")
    tariff = svc.tariffs.create(admin, "flat 1 yuan", flat(10_000))
    svc.tariffs.assign(admin, tariff.tariff_id, [mid], download=False)
    svc.vending.sell(admin, mid, Decimal("30.00"), "cash")
    with site.poller() as p:
        p.run_once()
    assert _live(site, mid).remaining_fen == 3000
    assert _live(site, mid).status is MeterStatus.ALARM1  # 30.00 <= the default alarm 1 (50.00)
    from acrel_console.services.remote_control import RemoteControlService

    rc = RemoteControlService(site.ctx)
    res = rc.set_thresholds(admin, [mid], {"alarm1_fen": 2000, "alarm2_fen": 500, "overload_power_w": 5000}, "x")
    assert res.batch_id is None and res.stored == (mid,)
    live = _live(site, mid)
    assert live.status is MeterStatus.OPENED and live.overload  # 8 kW > 5 kW
    from acrel_console.ledger import book, posting

    with site.ctx.transaction() as s:  # 50.00 yuan of energy billed by the console
        book.post(s, posting.consumption(mid, 5_000), id=book.new_id(), kind="consumption", at=site.ctx.clock(),
                  meter_id=mid, amount_fen=5_000, operator_id=admin.id, operator_name=admin.name)
    live = _live(site, mid)
    assert live.remaining_fen == -2000 and live.status is MeterStatus.ARREARS
    AlarmEngine(site.ctx).on_sweep(type("S", (), {"changed": (live,), "health": None})())
    kinds = {a.kind for a in AlarmService(site.ctx).active(admin) if a.meter_id == mid}
    assert AlarmKind.ARREARS in kinds and AlarmKind.OVERLOAD in kinds
    from acrel_console.services.sms import SmsLevel

    text = svc.sms.send_manual(admin, mid, SmsLevel.ARREARS).text  # 下发报警短信 quotes the ledger balance
    assert "-20.00" in text, text


def test_thresholds_need_the_right_and_a_valid_rule(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.ADL400, [1]))
    mid = site.meter_ids[("A", 1)]
    from acrel_console.services.remote_control import RemoteControlService

    rc = RemoteControlService(site.ctx)
    with pytest.raises(ValidationError):
        rc.set_thresholds(site.admin, [mid], {"alarm1_fen": 100, "alarm2_fen": 200})
    with pytest.raises(ValidationError):
        rc.set_thresholds(site.admin, [mid], {"overload_power_w": 5005})
    site.svc.operators.add(site.admin, "cash", Role.CASHIER, "cashpw12")
    with pytest.raises(PermissionDenied):
        rc.set_thresholds(site.svc.operators.login("cash", "cashpw12"), [mid], {"overload_power_w": 5000})
    assert site.svc.site.get_meter(site.admin, mid).alarm1_fen is None
