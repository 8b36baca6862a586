"""历史抄表记录 (issue 14): one meter's readings over a date range, paged (a year of 30-minute readings),
with the Acrel columns, and exported to a real .xlsx read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert, select

from acrel_console.domain.errors import ValidationError
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.accounts import AccountService
from acrel_console.services.reading_history import ReadingHistoryService
from acrel_console.storage.reading_codec import StoredReading
from acrel_console.storage.reading_days import add_readings, of_meter
from tests.integration.sim_site import SimSite, make_site, meters

YEAR_START = datetime(2025, 1, 1, tzinfo=timezone.utc) - timedelta(hours=8)  # 2025-01-01 00:00 in Shanghai


@pytest.fixture
def site(db_url: str) -> Iterator[SimSite]:
    s = make_site(db_url)
    yield s
    s.close()


def _year_of_readings(site: SimSite, mid: int) -> int:
    """A year of 30-minute readings, with one 6-hour hole on 2025-03-10 (contact lost)."""
    rows, t, energy, k = [], YEAR_START, 0, 0
    hole = (datetime(2025, 3, 10, 2, tzinfo=timezone.utc), datetime(2025, 3, 10, 8, tzinfo=timezone.utc))
    while t < YEAR_START + timedelta(days=365):
        if not hole[0] <= t < hole[1]:
            rows.append(StoredReading(t, energy_total=energy, energy_p1=0, energy_p2=energy // 2,
                                      energy_p3=energy - energy // 2, energy_p4=0, remaining_fen=50_000 - k * 3,
                                      purchase_count=1, power_w=1200, relay_closed=True, forced=False))
            k += 1
        energy += 60
        t += timedelta(minutes=30)
    with site.ctx.transaction() as s:
        add_readings(s, mid, rows)
    return len(rows)


def test_a_year_in_pages_with_the_acrel_columns(site: SimSite, tmp_path: Path) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    mid = site.meter_ids[("A", 1)]
    n = _year_of_readings(site, mid)
    svc = ReadingHistoryService(site.ctx)
    first = svc.page(site.admin, mid, date(2025, 1, 1), date(2025, 12, 31))
    assert first.total == n == 17_520 - 12 and len(first.rows) == 500 and first.after is not None
    r0 = first.rows[0]
    assert r0.read_at == YEAR_START and r0.remaining_fen == 50_000 and r0.energy_by_period == (0, 0, 0, 0)
    assert (r0.power_w, r0.arrears, r0.opened, r0.forced, r0.relay_closed, r0.lost_contact) == (
        1200, False, False, False, True, False)
    # keyset pages: every row once, in order
    seen, after = 0, None
    last = None
    while True:
        page = svc.page(site.admin, mid, date(2025, 1, 1), date(2025, 12, 31), after=after, limit=4000)
        assert all(last is None or r.read_at > last for r in page.rows[:1])
        seen += len(page.rows)
        last = page.rows[-1].read_at
        if page.after is None:
            break
        after = page.after
    assert seen == n
    # the day of the hole: the first reading after it says contact was lost; the range is site days
    day = svc.page(site.admin, mid, date(2025, 3, 10), date(2025, 3, 10))
    assert day.total == 48 - 12 and [r.lost_contact for r in day.rows].count(True) == 1
    assert day.rows[0].read_at == datetime(2025, 3, 9, 16, tzinfo=timezone.utc)  # 00:00 Shanghai
    with pytest.raises(ValidationError):
        svc.page(site.admin, mid, date(2025, 3, 10), date(2025, 3, 9))
    out = svc.export(site.admin, mid, date(2025, 3, 1), date(2025, 3, 31), tmp_path / "h.xlsx")
    ws = openpyxl.load_workbook(out, read_only=True).active
    cells = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(cells) if r and r[0] == "Read at")
    assert cells[header][1:3] == ["Remaining (yuan)", "Total energy (kWh)"] and cells[header][-1] == "Lost contact"
    data = [r for r in cells[header + 1:] if r and r[0] is not None and isinstance(r[1], (int, float))]
    assert len(data) == 31 * 48 - 12


def test_opened_follows_the_account_history_and_polls_store_the_flags(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=0))
    mid = site.meter_ids[("A", 1)]
    with site.poller() as p:
        p.run_once(history=True)
    AccountService(site.ctx).open_account(site.admin, "T", "A-1", [mid])
    with site.ctx.read() as s:
        stored = [(r.relay_closed, r.forced) for r in of_meter(s, mid)]
    assert [tuple(r) for r in stored] == [(False, False)]  # at 0.00 the prepaid meter has tripped itself
    today = site.ctx.site_clock.today()
    [row] = ReadingHistoryService(site.ctx).page(site.admin, mid, today - timedelta(days=1), today).rows
    assert row.opened is False and row.arrears is True and row.relay_closed is False  # read before opening
