"""Two-speed polling (issue 15): the short status read named in each profile on status sweeps, the whole
real-time block on history sweeps and at first contact; a status read changes only what it carries; a
long sweep is published in chunks as it goes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from acrel_console.drivers.profiles import load_profile
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.meter_views import MeterViewService
from tests.integration.sim_site import SimSite, make_site, meters

WHOLE = (0x0200, 48)
SHORT = (0x021F, 7)


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    yield s
    s.close()


def test_every_profile_names_its_status_block() -> None:
    for model in ("DDSY1352", "DTSY1352", "ADF400L"):
        p = load_profile(model)
        assert p.status is not None and [(b.start, b.count) for b in p.status.blocks] == [SHORT]
        assert {"remaining_fen", "purchase_count", "relay_closed", "status_raw", "alarm1_bit"} <= p.status_fields
        assert "energy_total" not in p.status_fields and "voltage_dv" not in p.status_fields
    adl = load_profile("ADL400")  # the console keeps its balance: the status read is the billed energy
    assert adl.status is not None and adl.status_fields == {"energy_total"}


def test_status_sweeps_read_the_short_block_history_sweeps_the_whole(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4)) + meters(Model.ADL400, [9]))
    with site.poller() as p:
        p.run_once()  # first contact: the whole block of every meter
        first = dict(bus.stats.reads)
        p.run_once()
        p.run_once()
        status = {k: v - first.get(k, 0) for k, v in bus.stats.reads.items()}
        p.run_once(history=True)
        history = {k: v - first.get(k, 0) - status.get(k, 0) for k, v in bus.stats.reads.items()}
    assert first[WHOLE] == 3 and SHORT not in first
    assert status.get(WHOLE, 0) == 0 and status[SHORT] == 2 * 3 and status[(0x000A, 2)] == 2
    assert history[WHOLE] == 3 and history.get(SHORT, 0) == 0


def test_a_status_read_changes_only_what_it_carries(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=9_000, load_w=0))
    mid = site.meter_ids[("A", 1)]
    views = MeterViewService(site.ctx)
    bus.meter(1).energy = [100, 200, 300, 400]
    with site.poller() as p:
        p.run_once()
        before = views.detail(site.admin, mid)
        bus.meter(1).energy = [500, 600, 700, 800]
        bus.meter(1).remaining_fen = 4_000
        p.run_once()
        after = views.detail(site.admin, mid)
        assert after.live.remaining_fen == 4_000 and after.live.status.value == "unopened"
        assert after.live.last_seen is not None and before.live.last_seen is not None
        assert after.live.last_seen > before.live.last_seen
        # not in the status block: as the last whole reading left them
        assert after.live.energy_total == before.live.energy_total == 1000
        assert after.energy_by_period == (100, 200, 300, 400) and after.voltage_v == before.voltage_v != ()
        assert after.clock_drift_s == before.clock_drift_s and after.meter_clock == before.meter_clock
        p.run_once(history=True)
    fresh = views.detail(site.admin, mid)
    assert fresh.live.energy_total == 2600 and fresh.energy_by_period == (500, 600, 700, 800)


def test_a_long_sweep_is_published_as_it_goes(site: SimSite) -> None:
    """30 meters answering in 50 ms each take over a second: the sweep is published in several chunks
    (each at most a second of reads), not once at its end."""
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 31)))
    bus.reply_latency_s = 0.05
    with site.poller() as p:
        p.run_once()
        site.results.clear()
        [final] = p.run_once()
    chunks = [r for r in site.results if r.kind == "status"]
    assert chunks[-1] is final or chunks[-1].complete
    assert len(chunks) >= 2 and not chunks[0].complete
    published = [m.meter_id for r in chunks for m in r.changed]
    assert sorted(published) == sorted(site.meter_ids.values())  # each meter once, as read
    assert all(len(r.changed) < 30 for r in chunks)
