"""Bus errors keep their cause and never nest (issue 11): an unreachable gateway reads
'unavailable: bus A: cannot connect ...' once, in meter states and in a control command's result, and the
BusUnavailable a worker raises carries the transport's own failure as its __cause__."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from acrel_console.drivers.api import BusUnavailable
from acrel_console.drivers.simulator.meter import Model
from acrel_console.storage.tables.meter_state import MeterStateRow
from tests.integration.sim_site import SimSite, make_site, meters
from tests.services.test_remote_control import run_batch, start_runtime


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    s.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4)))
    s.servers[0].stop()  # the gateway refuses connections
    yield s
    s.close()


def test_meter_states_say_unavailable_once(site: SimSite) -> None:
    with site.poller() as p:
        for _ in range(3):
            p.run_once()
    with site.ctx.read() as s:
        errors = [r.last_error for r in s.execute(select(MeterStateRow)).scalars()]
    assert len(errors) == 3
    for text in errors:
        assert text.count("unavailable") == 1 and "cannot connect" in text, text


def test_worker_error_keeps_the_transport_cause(site: SimSite) -> None:
    with site.poller() as p:
        p.run_once()
        worker = p.worker_for_gateway(site.svc.site.list_gateways(site.admin)[0].id)
        assert worker is not None
        for _ in range(2):
            err = worker.unavailable()
            assert isinstance(err, BusUnavailable) and str(err).startswith("bus A: cannot connect")
            cause = err.__cause__
            assert isinstance(cause, BusUnavailable) and "cannot connect" in str(cause)
            assert getattr(cause, "__cause__", None) is None  # the transport's own error, not a wrapper


def test_control_result_says_unavailable_once(site: SimSite) -> None:
    rt, rc = start_runtime(site)
    try:
        [progress] = run_batch(rc, site.admin, [site.meter_ids[("A", 1)]], "trip", {})
    finally:
        rt.stop()
    assert progress.outcome == "unavailable"
    assert progress.error.count("unavailable") == 1 and "cannot connect" in progress.error, progress.error
