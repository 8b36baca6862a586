"""调价 reaches the meters: a new tariff version, or a tariff assigned from a later date, is downloaded to every
meter-side meter on that tariff when it takes effect — at once, or by the dispatcher's minute pass when its
date comes (also after the console was off then) — once per meter and version, and logged."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from acrel_console.ledger import tariffs
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.price_rollout import roll_out_due
from acrel_console.storage.tables.operators import AuditRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=3)
    yield world
    world.svc.close()


def _prices(w: World) -> list[int]:
    return [w.model(m).prices[0] for m in w.meters]


def _rollouts(w: World) -> list[dict]:  # type: ignore[type-arg]
    with w.ctx.read() as s:
        return [json.loads(r.after_json) for r in s.execute(select(AuditRow).where(AuditRow.kind == "tariff.rollout")
                                                            .order_by(AuditRow.id)).scalars()]


def test_a_new_price_reaches_every_meter_on_the_tariff_once(w: World) -> None:
    flat = w.tariffs.create(w.admin, "Shops", tariffs.flat(6000))
    other = w.tariffs.create(w.admin, "Offices", tariffs.flat(9000))
    w.tariffs.assign(w.admin, flat.tariff_id, w.meters[:2])
    w.tariffs.assign(w.admin, other.tariff_id, w.meters[2:])
    deliver_all(w.ctx, w.bus)
    assert _prices(w) == [6000, 6000, 9000]
    w.tariffs.add_version(w.admin, flat.tariff_id, tariffs.flat(6500))  # 调价 from now on (it stayed at 0.60)
    deliver_all(w.ctx, w.bus)
    assert _prices(w) == [6500, 6500, 9000]
    assert roll_out_due(w.ctx).command_ids == ()  # already there: nothing sent twice
    again = w.tariffs.assign(w.admin, flat.tariff_id, w.meters[:1])  # assigned again by hand: downloaded again
    assert len(again.download_command_ids) == 1
    assert roll_out_due(w.ctx).command_ids == ()  # and the minute pass adds nothing


def test_a_price_dated_later_is_sent_when_its_date_comes(w: World) -> None:
    flat = w.tariffs.create(w.admin, "Shops", tariffs.flat(6000))
    w.tariffs.assign(w.admin, flat.tariff_id, w.meters)
    deliver_all(w.ctx, w.bus)
    w.tariffs.add_version(w.admin, flat.tariff_id, tariffs.flat(7000), effective_from=w.clock.now + timedelta(days=2))
    assert roll_out_due(w.ctx).command_ids == ()  # not yet
    deliver_all(w.ctx, w.bus)
    assert _prices(w) == [6000] * 3
    w.clock.now += timedelta(days=3)  # the console was off when it took effect: sent when it comes back
    first = roll_out_due(w.ctx)
    assert len(first.command_ids) == 3
    assert roll_out_due(w.ctx).command_ids == ()  # pending already: the next pass sends nothing more
    deliver_all(w.ctx, w.bus)
    assert _prices(w) == [7000] * 3
    assert [r["meters"] for r in _rollouts(w)] == [3]


def test_a_tariff_assigned_from_a_later_date_is_sent_then(w: World) -> None:
    flat = w.tariffs.create(w.admin, "Shops", tariffs.flat(6000))
    night = w.tariffs.create(w.admin, "Night shop", tariffs.flat(4000))
    w.tariffs.assign(w.admin, flat.tariff_id, w.meters)
    deliver_all(w.ctx, w.bus)
    res = w.tariffs.assign(w.admin, night.tariff_id, [w.meters[1]], effective_from=w.clock.now + timedelta(hours=5))
    assert res.download_command_ids == ()
    w.clock.now += timedelta(hours=6)
    assert len(roll_out_due(w.ctx).command_ids) == 1
    deliver_all(w.ctx, w.bus)
    assert _prices(w) == [6000, 4000, 6000]
    assert w.vending.check_ledger(w.admin) == []
