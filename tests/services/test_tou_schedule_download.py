"""Issue 14: a TOU tariff's day-period schedule (时段表) reaches the meters whose profile takes one, through
the remote-control queue, confirmed by read-back; the other meters are billed by the same schedule."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from acrel_console.domain.errors import ValidationError
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.remote_control import normalise_params
from acrel_console.services.tariffs import TariffBody
from tests.integration.sim_site import SimSite, make_site, meters, wait_for
from tests.services.test_remote_control import _DeafBus, start_runtime

# 谷 00:00, 峰 08:00, 尖 11:30, 平 13:00, 谷 22:00; prices 尖 1.20 峰 1.00 平 0.70 谷 0.40
SCHEDULE = ((0, 3), (480, 1), (690, 0), (780, 2), (1320, 3))
TOU = TariffBody("tou", (12_000, 10_000, 7_000, 4_000), SCHEDULE)


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    yield s
    s.close()


class _StubbornBus(_DeafBus):
    """A meter that acknowledges a schedule download (and any switching or parameter write) and keeps its old one."""

    def write_schedule(self, *args) -> None:  # type: ignore[no-untyped-def]
        return None


def test_tou_tariff_downloads_its_schedule_to_meters_that_take_one(site: SimSite) -> None:
    bus = site.add_bus("A", "rtu-over-tcp", meters(Model.DDSY1352, [1]) + meters(Model.DTSY1352, [2])
                       + meters(Model.ADL400, [3]) + meters(Model.ADF400L, [13]))
    ids = [site.meter_ids[("A", a)] for a in (1, 2, 3, 13)]
    svc, admin = site.svc, site.admin
    site.ctx.site_key = bytes(range(16))  # the price downloads are signed deliveries
    tariff = svc.tariffs.create(admin, "峰谷", TOU)
    rt, rc = start_runtime(site)
    try:
        result = svc.tariffs.assign(admin, tariff.tariff_id, ids)
        assert result.schedule_batch is not None
        progress = wait_for(lambda: (p := rc.batch_progress(admin, result.schedule_batch))  # type: ignore[arg-type]
                            and all(x.done for x in p) and p, what="schedule batch")
        assert sorted(p.meter_id for p in progress) == ids[:2]  # DDSY1352 and DTSY1352 only
        assert {(p.kind, p.outcome) for p in progress} == {("schedule_download", "confirmed")}
        assert progress[0].result["read"]["schedule"] == [list(x) for x in SCHEDULE]
    finally:
        rt.stop()
    assert bus.meter(1).schedule.points == SCHEDULE and bus.meter(2).schedule.points == SCHEDULE
    assert bus.meter(13).schedule.points != SCHEDULE  # the ADF board keeps its own
    [entry] = svc.audit.list(admin, kind="tariff.assign")
    assert result.schedule_batch in entry.after
    # a flat tariff has no schedule to download
    flat_tariff = svc.tariffs.create(admin, "flat", TariffBody("flat", (7_000,) * 4))
    assert svc.tariffs.assign(admin, flat_tariff.tariff_id, ids[:1]).schedule_batch is None


def test_a_meter_keeping_its_old_schedule_is_a_mismatch(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    mid = site.meter_ids[("A", 1)]
    rt, rc = start_runtime(site, bus_factory=lambda c: _StubbornBus(open_bus(c)))
    try:
        batch = rc.submit(site.admin, [mid], "schedule_download", {"schedule": [list(x) for x in SCHEDULE]}, "t")
        [p] = wait_for(lambda: (q := rc.batch_progress(site.admin, batch)) and all(x.done for x in q) and q,
                       what="download")
        assert (p.state, p.outcome) == ("failed", "mismatch") and p.result["expected"][1] == [480, 1]
    finally:
        rt.stop()


@pytest.mark.parametrize("bad", [None, [], [[60, 1]], [[0, 1], [0, 2]], [[0, 4]], [[0, 1]] + [[i * 60, 1] for i in
                                                                                      range(1, 15)]])
def test_bad_schedules_are_refused_before_anything_is_queued(bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        normalise_params("schedule_download", {"schedule": bad})
