"""Alarms → Online payment cases (issue 17): over the WeChat Pay / Alipay stand-ins and simulated meters on
Modbus-TCP loopback, one case of each kind — a paid order whose delivery is in conflict, a wrong amount held for a
decision, a refund still in progress at the provider, a statement difference — each listed with what can be done
and handled from the screen by the services' own actions: deliver again after checking the meter, credit what was
paid, ask the refund again, acknowledge. Ledger check passes and each meter holds each credited amount once.
Screenshots in zh_CN and en."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from acrel_console.domain.errors import PermissionDenied
from acrel_console.services.deliveries import execute_credit_command
from acrel_console.services.lease import SiteLease
from acrel_console.services.payment_statements import PaymentStatementService
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.alarms_page import AlarmsPage
from acrel_console.ui.prefs import Prefs
from acrel_console.ui.tasks import TaskRunner
from tests.ledger.helpers import SITE_KEY
from tests.payments.conftest import PayWorld, make_pay_world
from tests.payments.standins import new_key
from tests.ui.conftest import settle, type_text
from tests.ui.screens import language, missing_glyphs, shot

CHINA = timezone(timedelta(hours=8))


class Crash(Exception):
    """The console dies after marking a delivery 'sending'."""


@pytest.fixture
def pw(sqlite_url: str) -> Iterator[PayWorld]:
    keys = {name: new_key() for name in ("merchant", "platform", "app", "alipay")}
    yield from make_pay_world(sqlite_url, keys)


def _cases(pw: PayWorld) -> None:
    """One case of each kind."""
    # a paid order whose delivery is in conflict: the console died mid-delivery and the meter was topped up
    # another way meanwhile
    conflict = pw.payments.start_counter(pw.cashier, pw.meters[0], "10", "wechat")
    pw.wechat.pay(pw.trade_no(conflict.order_id), notify=False)
    assert pw.payments.confirm(conflict.order_id).state == "paid"
    [cmd] = pw.svc.vending.deliveries(pw.admin, operation_id=pw.payments.view(conflict.order_id).operation_id)

    def crash(step: str) -> None:
        if step == "marked_sending":
            raise Crash(step)

    lease = SiteLease(pw.ctx)  # this console is the site's dispatcher (only it sends)
    assert lease.acquire()
    try:
        with pytest.raises(Crash):
            execute_credit_command(pw.ctx, pw.bus, cmd.command_id, hook=crash)
    finally:
        lease.release()
    with pw.sim.locked():
        pw.sim_meter(pw.meters[0]).purchase_count = 5
    pw.deliver()
    assert pw.svc.vending.delivery(pw.admin, cmd.command_id).state == "conflict"
    # a wrong amount: held
    held = pw.payments.start_counter(pw.cashier, pw.meters[1], "20", "alipay")
    pw.alipay.pay(pw.trade_no(held.order_id), amount_fen=1900)
    assert pw.payments.view(held.order_id).state == "held"
    # a refund in progress at the provider
    pw.wechat.refund_status = "PROCESSING"
    owed = pw.payments.start_counter(pw.cashier, pw.meters[1], "30", "wechat")
    pw.wechat.pay(pw.trade_no(owed.order_id), amount_fen=3100)
    assert pw.payments.resolve(pw.supervisor, owed.order_id, "refund", "paid 31 for 30").state == "refunding"
    # a statement difference: Alipay's statement lacks the held payment
    pw.alipay.bill_edits = lambda rows: [r for r in rows if r[0] != pw.payments.view(held.order_id).transaction_id]
    day = pw.clock().astimezone(CHINA).date()
    assert PaymentStatementService(pw.ctx, pw.payments).reconcile(pw.admin, "alipay", day).differences
    pw.clock.now += timedelta(minutes=1)


def _ui(pw: PayWorld, actor: Any) -> UiContext:
    pw.svc.payments = pw.payments  # the service pointed at the stand-ins
    return UiContext(pw.svc, actor, TaskRunner(), Prefs())


def _page(qtbot, ui: UiContext) -> AlarmsPage:  # type: ignore[no-untyped-def]
    page = AlarmsPage(ui)
    qtbot.addWidget(page)
    page.resize(1366, 600)
    page.show()
    page.activated()
    page.tabs.setCurrentWidget(page.payment_cases)
    settle(ui)
    return page


def _select(panel: Any, kind: str) -> Any:
    row = next(i for i, c in enumerate(panel.model.records()) if c.kind == kind)
    panel.view.selectRow(row)
    return panel.model.record(row)


def test_a_supervisor_handles_each_kind_of_case(qtbot, pw: PayWorld, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cases(pw)
    ui = _ui(pw, pw.supervisor)
    for code in ("zh_CN", "en"):
        with language(code):
            page = _page(qtbot, ui)
            panel = page.payment_cases
            assert sorted(c.kind for c in panel.model.records()) == ["amount", "refund", "statement", "undelivered"]
            headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
            assert missing_glyphs(page, headers + [panel.count.text(), panel.deliver_button.text()]) == []
            if code == "zh_CN":
                assert "4" in panel.count.text() and "在线支付" in page.tabs.tabText(page.tabs.currentIndex())
            shot(page, f"payment-cases-{code}", tmp_path)
            if code == "zh_CN":
                page.close()
    panel = page.payment_cases
    # each case enables only its own actions
    _select(panel, "statement")
    assert panel.ack_button.isEnabled() and not panel.credit_button.isEnabled() and not panel.deliver_button.isEnabled()

    # a wrong amount: credit what was paid (a reason is required)
    case = _select(panel, "amount")
    assert panel.credit_button.isEnabled() and panel.refund_button.isEnabled() and not panel.retry_button.isEnabled()
    panel.credit_button.click()
    dialog = panel.dialog
    assert not dialog.ok_button.isEnabled()  # no reason yet
    type_text(qtbot, dialog.reason, "tenant asked to keep the 19.00 paid")
    dialog.accept()
    settle(ui)
    assert pw.payments.view(case.order.order_id).state == "credited" and "credited" in panel.message.text()

    # the refund in progress: asked again until the provider says it is done
    case = _select(panel, "refund")
    panel.retry_button.click()
    settle(ui)
    assert pw.payments.view(case.order.order_id).refund_state == "processing"
    pw.wechat.refund_status = "SUCCESS"
    _select(panel, "refund")
    panel.retry_button.click()
    settle(ui)
    assert pw.payments.view(case.order.order_id).state == "refunded"
    assert "refund" not in [c.kind for c in panel.model.records()]

    # the conflict: the operator checked the meter, the credit is not on it: deliver again
    case = _select(panel, "undelivered")
    assert case.delivery == "conflict" and panel.deliver_button.isEnabled()
    panel.deliver_button.click()
    settle(ui)
    conflict = panel.dialog
    type_text(qtbot, conflict.reason, "meter shows count 5 and no 10.00 from us")
    conflict.reissue_button.click()
    settle(ui)
    assert "undelivered" not in [c.kind for c in panel.model.records()]

    # the statement difference: acknowledged with a comment
    _select(panel, "statement")
    panel.ack_button.click()
    settle(ui)
    type_text(qtbot, panel.dialog.comment, "statement checked on the merchant site")
    panel.dialog.submit()
    settle(ui)
    assert panel.model.records() == [] and "No online payment case" in panel.count.text()
    page.close()

    pw.deliver()
    pw.ledger_ok()
    assert pw.sim_meter(pw.meters[0]).remaining_fen == 1000  # the 10.00 once, after the re-issue
    assert pw.sim_meter(pw.meters[1]).remaining_fen == 1900  # what was paid, credited by the decision
    ui.tasks.wait_idle(10_000)


def test_an_auditor_sees_the_cases_but_cannot_act(qtbot, pw: PayWorld) -> None:  # type: ignore[no-untyped-def]
    held = pw.payments.start_counter(pw.cashier, pw.meters[1], "20", "alipay")
    pw.alipay.pay(pw.trade_no(held.order_id), amount_fen=1900)
    pw.svc.operators.add(pw.admin, "aud", "auditor", "aud-secret1")
    ui = _ui(pw, pw.svc.operators.login("aud", "aud-secret1"))
    page = _page(qtbot, ui)
    _select(page.payment_cases, "amount")
    assert not page.payment_cases.credit_button.isEnabled() and not page.payment_cases.refund_button.isEnabled()
    with pytest.raises(PermissionDenied):
        pw.payments.resolve(ui.actor, held.order_id, "credit", "try")
    page.close()
    ui.tasks.wait_idle(10_000)


def test_the_cases_from_the_command_line(pw: PayWorld, sqlite_url: str, capsys, monkeypatch,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    from acrel_console.cli import main

    held = pw.payments.start_counter(pw.cashier, pw.meters[1], "20", "alipay")
    pw.alipay.pay(pw.trade_no(held.order_id), amount_fen=1900)
    monkeypatch.setenv("ACREL_PASSWORD", "secret1")
    monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())  # the world's key, as the service machine's file holds it
    assert main(["--db", sqlite_url, "--json", "--user", "boss", "payment", "cases"]) == 0
    [case] = json.loads(capsys.readouterr().out)
    assert case["kind"] == "amount" and case["order"]["order_id"] == held.order_id and case["actions"] == ["refund", "credit"]
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "resolve", held.order_id, "credit"]) == 2
    assert "--reason" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "resolve", held.order_id, "credit",
                 "--reason", "kept as paid"]) == 0
    assert "credited" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "retry-refund", held.order_id]) != 0
    assert "owes no refund" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "cases"]) == 0
    assert "no online payment cases" in capsys.readouterr().out
    # 对账 from a statement file saved from the merchant site: it lacks this payment
    day = pw.clock().astimezone(CHINA).date().isoformat()
    txn = pw.payments.view(held.order_id).transaction_id
    pw.alipay.bill_edits = lambda rows: [r for r in rows if r[0] != txn]
    bill = tmp_path / "bill.zip"
    bill.write_bytes(pw.alipay.bill_zip(day))
    assert main(["--db", sqlite_url, "--json", "--user", "boss", "payment", "reconcile", "alipay", "--day", day,
                 "--file", str(bill), "--xlsx", str(tmp_path / "recon.xlsx")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["missing_theirs"] == 1 and out["differences"][0]["transaction_id"] == txn
    assert (tmp_path / "recon.xlsx").stat().st_size > 0
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "reconcile", "alipay", "--day", "03/01"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "--user", "boss", "payment", "cases"]) == 0
    assert "missing in the statement" in capsys.readouterr().out
