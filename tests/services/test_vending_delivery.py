"""Design §8 end to end over a fake bus: lost replies, crashes between steps, forged rows, conflicts,
offline meters, resequencing of never-sent commands, price downloads confirmed by read-back."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from acrel_console.app import build_services
from acrel_console.services.deliveries import (
    STEPS, deliver_all, execute_credit_command, execute_download_command)
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.ledger import tariffs
from tests.ledger.helpers import SITE_KEY, World, hold_site_lease, make_world


class Crash(Exception):
    """The console dies here."""


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url)
    world.accounts.open_account(world.cashier, "Li Si", "B-2", [world.meters[0]])
    yield world
    world.svc.close()


def _restart(w: World):  # type: ignore[no-untyped-def]
    svc = build_services(w.ctx.db_url)
    svc.ctx.site_key, svc.ctx.clock = SITE_KEY, w.clock
    hold_site_lease(svc.ctx)  # the restarted process is the dispatcher now
    return svc


@pytest.fixture
def ws(sqlite_url: str) -> World:
    """A world on a SQLite file only: a restart reopens the same file."""
    world = make_world(sqlite_url)
    world.accounts.open_account(world.cashier, "Li Si", "B-2", [world.meters[0]])
    yield world
    world.svc.close()


@pytest.mark.parametrize("crash_at", STEPS)
def test_crash_at_any_step_then_restart_delivers_exactly_once(ws: World, crash_at: str) -> None:
    w = ws
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "88.00", "cash")

    def hook(step: str) -> None:
        if step == crash_at:
            raise Crash(step)

    try:
        execute_credit_command(w.ctx, w.bus, sale.command_id, hook=hook)
    except Crash:
        pass
    svc = _restart(w)
    try:
        out = execute_credit_command(svc.ctx, w.bus, sale.command_id)
        assert out.state == "delivered", out
        assert w.model(m).applied == [(1, 8800)]
        assert w.vending.check_ledger(w.admin) == []
    finally:
        svc.close()


def test_lost_reply_is_resolved_by_reading_the_count_first(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    calls = iter(["none", "lost_reply", "lost_reply"])  # read ok, recharge applied but reply lost, read-back lost
    w.bus.plan = lambda call, addr: {"none": None}.get(next(calls, "none"), next(iter(["lost_reply"])))
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "sending" and out.waiting  # unknown: nothing resent blindly
    w.bus.plan = lambda call, addr: None
    before = len(w.bus.calls)
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "delivered"
    assert [c for c, _a in w.bus.calls[before:]] == ["read_realtime"]  # confirmed by reading, not by resending
    assert w.model(m).applied == [(1, 1000)]


def test_lost_request_is_resent_once_with_the_same_count(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    faults = {("recharge", 1): "lost_request"}
    seen: dict[str, int] = {}

    def plan(call: str, addr: int) -> str | None:
        seen[call] = seen.get(call, 0) + 1
        return faults.get((call, seen[call]))

    w.bus.plan = plan
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "delivered" and out.attempts == 2
    assert w.model(m).applied == [(1, 1000)]


def test_offline_meter_stays_pending_and_is_delivered_at_next_contact(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    w.model(m).down_calls = 1
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "pending" and out.waiting and "unreachable" in out.reason
    assert execute_credit_command(w.ctx, w.bus, sale.command_id).state == "delivered"


def test_forged_or_altered_row_is_refused_and_alarmed(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    with w.ctx.transaction() as s:  # someone edits the database: 10 yuan becomes 1000
        s.execute(update(MeterCommandRow).where(MeterCommandRow.id == sale.command_id).values(amount_fen=100000))
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "failed" and "MAC" in out.reason
    assert w.model(m).applied == [] and w.bus.calls == []
    with w.ctx.read() as s:
        alarms = s.execute(select(AuditRow.target).where(AuditRow.kind == "alarm.mac_failure")).scalars().all()
    assert len(alarms) == 1 and sale.command_id in alarms[0]
    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import AlarmService

    active = AlarmService(w.ctx).active(w.admin)
    assert [(a.kind, a.meter_id) for a in active] == [(AlarmKind.MAC_FAILURE, m)]
    codes = {v.code for v in w.vending.check_ledger(w.admin)}
    assert "delivery_failed" in codes
    again = w.vending.reissue_conflict(w.cashier, sale.command_id, "forged row: deliver the real sale")
    assert again.amount == 10  # from the ledger, not the altered row
    assert execute_credit_command(w.ctx, w.bus, again.command_id).state == "delivered"
    assert w.model(m).applied == [(1, 1000)] and w.vending.check_ledger(w.admin) == []


def test_a_row_inserted_without_the_key_is_refused(w: World) -> None:
    m = w.meters[0]
    with w.ctx.transaction() as s:
        s.add(MeterCommandRow(id="00000000-0000-4000-8000-000000000001", meter_id=m, kind="recharge",
                              state="pending", amount_fen=50000, expected_purchase_count=1, payload_json="{}",
                              mac="0" * 16, created_at=w.clock()))
    out = execute_credit_command(w.ctx, w.bus, "00000000-0000-4000-8000-000000000001")
    assert out.state == "failed" and w.model(m).applied == []
    codes = {v.code for v in w.vending.check_ledger(w.admin)}
    assert "delivery_without_operation" in codes


def test_other_count_after_a_send_is_a_conflict_not_resent(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    model = w.model(m)
    original = w.bus.recharge

    def meddled(address: int, mdl: str, amount: int, count: int):  # type: ignore[no-untyped-def]
        model.purchase_count += 5  # a card top-up at the meter at the same time
        return original(address, mdl, amount, count)

    w.bus.recharge = meddled  # type: ignore[method-assign]
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "conflict" and out.purchase_count == 5
    assert execute_credit_command(w.ctx, w.bus, sale.command_id).state == "conflict"  # nothing resent
    assert {v.code for v in w.vending.check_ledger(w.admin)} >= {"delivery_conflict"}
    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import AlarmService

    conflict_alarms = [a for a in AlarmService(w.ctx).active(w.admin) if a.kind is AlarmKind.DELIVERY_CONFLICT]
    assert len(conflict_alarms) == 1 and sale.command_id in conflict_alarms[0].target
    w.bus.recharge = original  # type: ignore[method-assign]
    new = w.vending.reissue_conflict(w.cashier, sale.command_id, "checked the meter: not applied")
    assert execute_credit_command(w.ctx, w.bus, new.command_id).state == "delivered"
    assert model.remaining_fen == 1000 and w.vending.check_ledger(w.admin) == []
    assert AlarmService(w.ctx).active(w.admin) == []  # resolved: the conflict alarm is cleared


def test_never_sent_command_is_renumbered_to_the_meters_count(w: World) -> None:
    m = w.meters[0]
    w.model(m).purchase_count = 41  # the meter came from another system
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    assert sale.expected_purchase_count == 1
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "delivered" and out.purchase_count == 42
    with w.ctx.read() as s:
        assert s.execute(select(AuditRow).where(AuditRow.kind == "delivery.resequence")).first() is not None
    nxt = w.vending.sell(w.cashier, m, "5", "cash")
    assert nxt.expected_purchase_count == 43
    deliver_all(w.ctx, w.bus)
    assert w.vending.check_ledger(w.admin) == []


def test_commands_of_one_meter_go_in_order(w: World) -> None:
    m = w.meters[0]
    a = w.vending.sell(w.cashier, m, "1", "cash")
    b = w.vending.sell(w.cashier, m, "2", "cash")
    out = execute_credit_command(w.ctx, w.bus, b.command_id)
    assert out.waiting and out.state == "pending" and w.model(m).applied == []
    execute_credit_command(w.ctx, w.bus, a.command_id)
    execute_credit_command(w.ctx, w.bus, b.command_id)
    assert w.model(m).applied == [(1, 100), (2, 200)]


def test_read_back_updates_the_meter_state(w: World) -> None:
    m = w.meters[0]
    with w.ctx.transaction() as s:
        s.add(MeterStateRow(meter_id=m, purchase_count=0, remaining_fen=0))
    sale = w.vending.sell(w.cashier, m, "10", "cash")
    execute_credit_command(w.ctx, w.bus, sale.command_id)
    with w.ctx.read() as s:
        st = s.get(MeterStateRow, m)
        assert (st.purchase_count, st.remaining_fen) == (1, 1000)


def test_price_download_confirmed_by_read_back(w: World) -> None:
    m = w.meters[0]
    t = w.tariffs.create(w.admin, "TOU A", tariffs.TariffBody("tou", (15000, 12000, 8000, 4000),
                                                             ((0, 3), (480, 2), (600, 1), (1080, 0), (1260, 2))))
    res = w.tariffs.assign(w.admin, t.tariff_id, [m])
    assert len(res.download_command_ids) == 1
    cid = res.download_command_ids[0]
    w.bus.plan = lambda call, addr: "lost_reply" if call == "write_money_params" else None
    out = execute_download_command(w.ctx, w.bus, cid)
    assert out.state == "delivered" and w.model(m).prices == (15000, 12000, 8000, 4000)
    with w.ctx.transaction() as s:  # an altered download is refused too
        s.add(MeterCommandRow(id="00000000-0000-4000-8000-000000000002", meter_id=m, kind="price_download",
                              state="pending", payload_json='{"prices":[1,1,1,1]}', mac="", created_at=w.clock()))
    assert execute_download_command(w.ctx, w.bus, "00000000-0000-4000-8000-000000000002").state == "failed"
    assert w.model(m).prices == (15000, 12000, 8000, 4000)
