"""Thresholds and 总表 in the Settings meter dialog's service call (issue 14): a prepaid meter's typed
thresholds go to the meter as a settings download and become its own only when it confirms them by
read-back; a console-billed meter takes them at once; an emptied field is the site default again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import ValidationError
from acrel_console.drivers.simulator.meter import Model
from acrel_console.storage.tables.commands import MeterCommandRow
from tests.integration.sim_site import SimSite, make_site, meters, wait_for
from tests.services.test_remote_control import start_runtime


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    yield s
    s.close()


def _downloads(site: SimSite, mid: int) -> list[dict[str, int]]:
    import json

    with site.ctx.read() as s:
        return [json.loads(c.payload_json) for c in s.execute(
            select(MeterCommandRow).where(MeterCommandRow.meter_id == mid,
                                          MeterCommandRow.kind == "settings_download")).scalars()]


def test_prepaid_meter_takes_typed_thresholds_by_download_and_read_back(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=9_000))
    mid = site.meter_ids[("A", 1)]
    svc, admin = site.svc, site.admin
    after = svc.site.update_meter(admin, mid, room="A-1", alarm1_yuan="80", alarm2_yuan="30.50", overload_kw="4.4")
    assert (after.alarm1_fen, after.alarm2_fen, after.overload_power_w) == (None, None, None)  # not confirmed yet
    assert _downloads(site, mid) == [{"alarm1_fen": 8000, "alarm2_fen": 3050, "overload_power_w": 4400}]
    rt, _rc = start_runtime(site)
    try:
        wait_for(lambda: svc.site.get_meter(admin, mid).alarm1_fen == 8000, what="read-back confirmation")
        meter = svc.site.get_meter(admin, mid)
        assert (meter.alarm2_fen, meter.overload_power_w) == (3050, 4400)
        assert (bus.meter(1).alarm1_fen, bus.meter(1).alarm2_fen) == (8000, 3050)
        # the same values again: nothing to download; an emptied power field downloads the site default
        svc.site.update_meter(admin, mid, alarm1_yuan="80.00", alarm2_yuan="30.5", overload_kw="4.40")
        assert len(_downloads(site, mid)) == 1
        svc.site.update_meter(admin, mid, alarm1_yuan="80", alarm2_yuan="30.5", overload_kw="")
        assert _downloads(site, mid)[-1] == {"overload_power_w": 10_000}
        wait_for(lambda: svc.site.get_meter(admin, mid).overload_power_w == 10_000, what="default power")
    finally:
        rt.stop()


def test_console_billed_meter_stores_thresholds_and_main_meter_at_once(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.ADL400, [1, 2]))
    main, sub = site.meter_ids[("A", 1)], site.meter_ids[("A", 2)]
    svc, admin = site.svc, site.admin
    after = svc.site.update_meter(admin, sub, alarm1_yuan="40", alarm2_yuan="10", overload_kw="6",
                                  main_meter=main)
    assert (after.alarm1_fen, after.alarm2_fen, after.overload_power_w, after.parent_meter_id) == (4000, 1000, 6000,
                                                                                                  main)
    assert _downloads(site, sub) == []
    [entry] = svc.audit.list(admin, kind="meter.thresholds")
    assert '"console"' in entry.after
    cleared = svc.site.update_meter(admin, sub, alarm1_yuan="", alarm2_yuan="", overload_kw="", main_meter="")
    assert (cleared.alarm1_fen, cleared.overload_power_w, cleared.parent_meter_id) == (None, None, None)
    with pytest.raises(ValidationError) as info:
        svc.site.update_meter(admin, sub, alarm1_yuan="10", alarm2_yuan="40")
    assert info.value.field == "alarm1_yuan"
    svc.site.update_meter(admin, sub, main_meter=main)
    with pytest.raises(ValidationError):  # one level: a main meter cannot itself be a sub-meter
        svc.site.update_meter(admin, main, main_meter=sub)


def test_a_new_prepaid_meter_with_thresholds_gets_them_downloaded(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    added = site.svc.site.add_meter(site.admin, gateway="A", address=2, model="DDSY1352", room="A-2",
                                    alarm1_yuan="60", alarm2_yuan="20")
    assert _downloads(site, added.id) == [{"alarm1_fen": 6000, "alarm2_fen": 2000}]


def test_account_opening_sets_the_meters_thresholds(site: SimSite) -> None:
    """开户 with 告警金额1/2 and 功率阈值: downloaded to the prepaid meter (its own once read back), stored at once
    for the console-billed one; a bad rule opens nothing."""
    from acrel_console.services.accounts import AccountService

    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=0) + meters(Model.ADL400, [2]))
    prepaid, billed = site.meter_ids[("A", 1)], site.meter_ids[("A", 2)]
    accounts, svc, admin = AccountService(site.ctx), site.svc, site.admin
    with pytest.raises(ValidationError) as info:
        accounts.open_account(admin, "王记", "A-1", [prepaid, billed], thresholds={"alarm1_yuan": "10",
                                                                                    "alarm2_yuan": "30"})
    assert info.value.field == "alarm1_yuan" and accounts.account_of_meter(admin, prepaid) is None
    accounts.open_account(admin, "王记", "A-1", [prepaid, billed],
                          thresholds={"alarm1_yuan": "30", "alarm2_yuan": "10", "overload_kw": ""})
    assert (svc.site.get_meter(admin, billed).alarm1_fen, svc.site.get_meter(admin, prepaid).alarm1_fen) == (3000, None)
    assert _downloads(site, prepaid) == [{"alarm1_fen": 3000, "alarm2_fen": 1000}] and _downloads(site, billed) == []
    rt, _rc = start_runtime(site)
    try:
        wait_for(lambda: svc.site.get_meter(admin, prepaid).alarm1_fen == 3000, what="read-back confirmation")
    finally:
        rt.stop()
    assert bus.meter(1).alarm2_fen == 1000
