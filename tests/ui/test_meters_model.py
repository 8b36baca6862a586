"""The live model, filter, legend counts and tile delegate (offscreen, no database)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from acrel_console.domain.status import MeterStatus
from acrel_console.ui.meters.filter_proxy import MeterFilterProxy
from acrel_console.ui.meters.legend import StatusCounts
from acrel_console.ui.meters.live_model import COLUMN_KEYS, METER_ROLE, MeterLiveModel
from acrel_console.ui.meters.meter_filter import NO_BUILDING, MeterFilter
from acrel_console.ui.meters.tile_delegate import TileDelegate
from acrel_console.ui.theme import theme
from tests.ui.test_meters_support import drained, live, population


@pytest.fixture
def model(qapp) -> MeterLiveModel:  # type: ignore[no-untyped-def]
    m = MeterLiveModel()
    m.set_meters(population(50))
    return m


def test_apply_touches_exactly_the_changed_rows(model: MeterLiveModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    resets: list[int] = []
    changed: list[tuple[int, int, int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _r=None: changed.append((a.row(), b.row(), a.column(), b.column())))
    batch = [drained(model.meter_at(r), remaining_fen=1) for r in (4, 5, 6, 20)]
    batch.append(model.meter_at(30))  # unchanged value: no signal for it
    changes = model.apply(batch)
    assert resets == []
    assert sorted(c.row for c in changes) == [4, 5, 6, 20]
    last = len(COLUMN_KEYS) - 1
    assert changed == [(4, 6, 0, last), (20, 20, 0, last)]  # one signal per run of consecutive rows
    assert model.meter_at(5).remaining_fen == 1


def test_apply_inserts_unknown_meters_at_the_end(model: MeterLiveModel) -> None:
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.apply([live(500), live(501)])
    assert inserted == [(50, 51)]
    assert model.row_of(501) == 51


@pytest.mark.parametrize(("flt", "expected"), [
    (MeterFilter(), 50),
    (MeterFilter(statuses=frozenset({MeterStatus.OFFLINE})), 4),  # 11 22 33 44
    (MeterFilter(text="r0013"), 1),
    (MeterFilter(text="tenant 2"), 11),  # 2, 20-29 (less unopened 26) ... by name
    (MeterFilter(text="100012"), 1),  # meter number
    (MeterFilter(text="gw1/12"), 1),  # gateway/address
    (MeterFilter(balance="le0"), 6),  # arrears 7 14 21 28 35 49 (42 is ... 42%7==0 -> arrears)
    (MeterFilter(relay="open"), 6),
    (MeterFilter(mode="forced"), 6 + 12),
    (MeterFilter(account="unopened"), 3),  # 13 26 39
    (MeterFilter(building_id=NO_BUILDING), 0),
    (MeterFilter(building_id=1, gateway_id=1), 50),
    (MeterFilter(gateway_id=2), 0),
])
def test_filter_rule(flt: MeterFilter, expected: int) -> None:
    ms = population(50)
    got = [m for m in ms if flt.accepts(m)]
    if flt.text == "tenant 2":
        assert all("tenant 2" in (m.tenant_name or "").lower() for m in got)
        return
    if flt.balance == "le0":
        expected = sum(1 for m in ms if m.remaining_fen is not None and m.remaining_fen <= 0)
    if flt.relay == "open" or flt.mode == "forced":
        expected = sum(1 for m in ms if (m.relay_closed is False if flt.relay == "open" else bool(m.forced)))
    assert len(got) == expected


def test_proxy_filters_and_follows_updates(model: MeterLiveModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    proxy = MeterFilterProxy(model)
    proxy.set_filter(MeterFilter(statuses=frozenset({MeterStatus.ARREARS})))
    before = proxy.rowCount()
    assert before == sum(1 for m in model.meters() if m.status == MeterStatus.ARREARS)
    model.apply([drained(model.meter_at(0), status=MeterStatus.ARREARS, remaining_fen=-1)])
    assert proxy.rowCount() == before + 1  # a meter that falls into arrears appears at once


def test_legend_counts_follow_changes_without_recount(model: MeterLiveModel) -> None:
    counts = StatusCounts()
    scope = MeterFilter(text="r00")  # R0001..R0050 all match
    counts.recount(((model.meter_at(i), model.key_at(i)) for i in range(model.rowCount())), scope)
    full = dict(counts.counts)
    assert counts.total() == 50
    changes = model.apply([drained(model.meter_at(0), status=MeterStatus.OFFLINE)])
    assert counts.update(changes, scope)
    assert counts.counts[MeterStatus.OFFLINE] == full[MeterStatus.OFFLINE] + 1
    assert counts.counts[MeterStatus.OPENED] == full[MeterStatus.OPENED] - 1


def test_sorting_by_remaining(model: MeterLiveModel) -> None:
    proxy = MeterFilterProxy(model)
    col = COLUMN_KEYS.index("remaining")
    proxy.sort(col)
    values = [proxy.index(r, 0).data(METER_ROLE).remaining_fen for r in range(proxy.rowCount())]
    known = [v for v in values if v is not None]
    assert known == sorted(known)
    # the row index map follows the new order: an update lands on the right meter
    target = model.meter_at(10)
    changes = model.apply([drained(target, remaining_fen=77)])
    assert [c.row for c in changes] == [model.row_of(target.meter_id)] == [10]
    assert all(model.row_of(model.meter_at(r).meter_id) == r for r in range(model.rowCount()))
    proxy.sort(col, Qt.SortOrder.DescendingOrder)
    first = model.meter_at(0).remaining_fen
    assert first == max(m.remaining_fen for m in model.meters() if m.remaining_fen is not None)


def test_tile_paints_status_colour_and_text(model: MeterLiveModel, qapp) -> None:  # type: ignore[no-untyped-def]
    delegate = TileDelegate()
    option = QStyleOptionViewItem()
    option.font = qapp.font()
    size = delegate.sizeHint(option, QModelIndex())
    assert size.width() >= 150 and size.height() >= 60
    row = next(i for i in range(model.rowCount()) if model.meter_at(i).status == MeterStatus.ARREARS)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    option.rect = image.rect()
    p = QPainter(image)
    delegate.paint(p, option, model.index(row, 0))
    p.end()
    bg = theme().style(MeterStatus.ARREARS).background
    # the tile's body is the status colour (sampled inside, away from text)
    pixel = image.pixelColor(size.width() - 12, size.height() - 8)
    assert pixel.rgb() == bg.rgb()
    assert image.size() == QSize(size)


def test_palette_switch_repaints_without_reset(model: MeterLiveModel) -> None:
    from acrel_console.ui.theme import DEFAULT_PALETTE, LEGACY_PALETTE, set_palette

    resets: list[int] = []
    spans: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _r=None: spans.append((a.row(), b.row())))
    row = next(i for i in range(model.rowCount()) if model.meter_at(i).status == MeterStatus.OFFLINE)
    status_col = COLUMN_KEYS.index("status")
    before = model.index(row, status_col).data(Qt.ItemDataRole.BackgroundRole)
    try:
        set_palette(LEGACY_PALETTE)
        model.refresh_palette()
        after = model.index(row, status_col).data(Qt.ItemDataRole.BackgroundRole)
    finally:
        set_palette(DEFAULT_PALETTE)
    assert spans == [(0, model.rowCount() - 1)] and resets == []
    assert after != before  # the legacy palette shows offline in its own (green) colour


def test_times_show_in_the_site_time_zone() -> None:
    from datetime import datetime, timezone

    from acrel_console.services.site_clock import SiteClock
    from acrel_console.ui import site_time
    from acrel_console.ui.meters import formatting as fmt

    at = datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)
    before = site_time.site_clock()
    clock = SiteClock(zone="Asia/Shanghai")
    try:
        site_time.use_site_clock(clock)
        assert fmt.local_time(at) == "2026-03-02 09:30:00"
        clock.set_zone("Europe/Berlin")  # Settings changed the zone: every time follows at once
        assert fmt.local_time(at) == "2026-03-02 02:30:00"
        clock.set_zone("Not/AZone")  # unknown: the default zone, never the machine's
        assert fmt.local_time(at) == "2026-03-02 09:30:00"
    finally:
        site_time.use_site_clock(before)
    assert fmt.drift_text(-28800) == "−8 h 0 min"
    assert fmt.drift_text(3) == "+3 s"


def test_batch_model_signals_runs_of_changed_rows(qapp) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    from datetime import datetime, timezone

    from acrel_console.services.remote_control import CommandProgress
    from acrel_console.ui.meters.batch_dialog import BatchModel

    def prog(i: int, state: str = "pending", outcome: str = "pending") -> CommandProgress:
        return CommandProgress(f"c{i}", "b", i, "GW1", i, f"R{i}", "trip", state, outcome, "", 0, "admin", "why",
                               datetime(2026, 3, 2, tzinfo=timezone.utc), None, {})

    model = BatchModel(lambda _i: None)
    rows = [prog(i) for i in range(6)]
    model.set_progress(rows)
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r=None: spans.append((a.row(), b.row())))
    done = [dataclasses.replace(p, state="delivered", outcome="confirmed") if p.meter_id in (1, 2, 5) else p
            for p in rows]
    model.set_progress(done)
    assert spans == [(1, 2), (5, 5)]
    assert model.cell(1, 1) == "—"  # no meter number known: a dash, as everywhere (issue 13), not gateway/address
    assert model.cell(1, 4) == "Confirmed by read-back"
    assert model.cell(0, 3) == "Waiting"
