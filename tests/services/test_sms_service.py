"""The SMS service on SQLite and PostgreSQL with a fake clock: queue, dedupe, quiet hours, retry, log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import PermissionDenied, ValidationError
from acrel_console.domain.roles import Role
from acrel_console.drivers.sms.api import SendResult, SmsRejected, SmsTimeout
from acrel_console.drivers.sms.modem import AtModem, ModemConfig
from acrel_console.drivers.sms.modem_sim import ModemSimulator
from acrel_console.services.base import Actor
from acrel_console.services.sms import SmsLevel, SmsPolicy, SmsService
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow
from tests.services.helpers import make_services

# Shanghai is UTC+8: 02:00 UTC = 10:00 local; 14:00 UTC = 22:00 local (quiet); 00:00 UTC = 08:00 local.
T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


@dataclass
class FakeSender:
    name: str = "fake"
    fail: list[Exception] = field(default_factory=list)
    sent: list[tuple[str, str]] = field(default_factory=list)

    def send(self, phone: str, text: str) -> SendResult:
        if self.fail:
            raise self.fail.pop(0)
        self.sent.append((phone, text))
        return SendResult(driver=self.name, parts=1, refs=(str(len(self.sent)),))

    def close(self) -> None:
        pass


@pytest.fixture
def stack(db_url: str) -> Iterator[SimpleNamespace]:
    svc, admin = make_services(db_url)
    clock = Clock(T0)
    svc.ctx.clock = clock
    with svc.ctx.transaction() as s:
        gw = GatewayRow(name="gw1", kind="modbus-tcp", host="127.0.0.1", port=502)
        s.add(gw)
        s.flush()
        meters = [MeterRow(gateway_id=gw.id, address=i, model="DDSY1352", room=f"A-{i}") for i in (1, 2, 3)]
        s.add_all(meters)
        s.flush()
        for m, phone in zip(meters[:2], ("13800138000", "")):
            t = TenantRow(account_no=f"U{m.id}", name="张三" if phone else "李四", room="224", phone=phone)
            s.add(t)
            s.flush()
            acc = TenantAccountRow(tenant_id=t.id, opened_at=T0, opened_by="admin")
            s.add(acc)
            s.flush()
            s.add(AccountMeterRow(account_id=acc.id, meter_id=m.id, added_at=T0, added_by="admin"))
        s.add(MeterStateRow(meter_id=meters[0].id, remaining_fen=-55850))
        ids = [m.id for m in meters]
    sender = FakeSender()
    sms = SmsService(svc.ctx, sender=sender, policy=SmsPolicy(enabled_levels=frozenset(SmsLevel)))
    yield SimpleNamespace(svc=svc, admin=admin, clock=clock, sender=sender, sms=sms, meter=ids[0],
                          no_phone=ids[1], no_tenant=ids[2])
    svc.ctx.engine.dispose()


def test_arrears_text_is_queued_sent_and_logged(stack: SimpleNamespace) -> None:
    m = stack.sms.notify(stack.admin, stack.meter, SmsLevel.ARREARS)
    assert m is not None and m.status == "queued"
    assert m.text == "温馨提示:户名：张三,状态：欠费,(电费)剩余金额-558.50元,请及时充值。"
    report = stack.sms.process_due(stack.admin)
    assert report.sent == [m.id]
    assert stack.sender.sent == [("13800138000", m.text)]
    (logged,) = stack.sms.messages(stack.admin)
    assert logged.status == "sent" and logged.sent_at == T0 and logged.refs == ("1",) and logged.attempts == 1


def test_one_text_per_meter_per_level_per_local_day(stack: SimpleNamespace) -> None:
    sms, admin = stack.sms, stack.admin
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM1) is not None
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM1) is None  # same day
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM2) is not None  # another level
    stack.clock.advance(hours=5)  # 15:00 local, still the 24th
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM1) is None
    stack.clock.at = datetime(2026, 11, 25, 0, 30, tzinfo=timezone.utc)  # 08:30 local on the 25th
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM1) is not None
    assert len(sms.messages(admin)) == 3


def test_quiet_hours_defer_until_morning(stack: SimpleNamespace) -> None:
    stack.clock.at = datetime(2026, 11, 24, 14, 0, tzinfo=timezone.utc)  # 22:00 local
    m = stack.sms.notify(stack.admin, stack.meter, SmsLevel.ALARM2)
    assert m is not None and m.next_attempt_at == datetime(2026, 11, 25, 0, 0, tzinfo=timezone.utc)
    assert stack.sms.process_due(stack.admin).sent == []
    # the same alarm re-raised in the morning: the deferred text already counts for that day
    stack.clock.at = datetime(2026, 11, 25, 0, 0, tzinfo=timezone.utc)
    assert stack.sms.notify(stack.admin, stack.meter, SmsLevel.ALARM2) is None
    assert stack.sms.process_due(stack.admin).sent == [m.id]


def test_retry_with_back_off_then_give_up(stack: SimpleNamespace) -> None:
    sms = SmsService(stack.svc.ctx, sender=stack.sender, policy=SmsPolicy(max_attempts=3, backoff_base_s=60))
    stack.sender.fail = [SmsTimeout("no answer"), SmsRejected("+CMS ERROR: 500", code=500), SmsTimeout("x")]
    m = sms.notify(stack.admin, stack.meter, SmsLevel.ALARM1)
    assert sms.process_due(stack.admin).retrying == [m.id]
    (row,) = sms.messages(stack.admin)
    assert row.status == "queued" and row.attempts == 1 and row.error_reason == "timeout"
    assert row.next_attempt_at == T0 + timedelta(seconds=60)
    stack.clock.advance(seconds=59)
    assert sms.process_due(stack.admin).retrying == []  # not due yet
    stack.clock.advance(seconds=1)
    assert sms.process_due(stack.admin).retrying == [m.id]
    (row,) = sms.messages(stack.admin)
    assert row.next_attempt_at == stack.clock.at + timedelta(seconds=120) and row.error_reason == "rejected"
    stack.clock.advance(seconds=120)
    assert sms.process_due(stack.admin).failed == [m.id]
    (row,) = sms.messages(stack.admin)
    assert row.status == "failed" and row.attempts == 3 and row.error_reason == "timeout"
    assert stack.sender.sent == []


def test_non_retryable_failure_fails_at_once(stack: SimpleNamespace) -> None:
    stack.sender.fail = [SmsRejected("+CMS ERROR: 1", code=1, retryable=False)]
    m = stack.sms.notify(stack.admin, stack.meter, SmsLevel.ALARM1)
    assert stack.sms.process_due(stack.admin).failed == [m.id]
    assert stack.sms.messages(stack.admin, status="failed")[0].error_detail == "+CMS ERROR: 1"


def test_no_phone_no_tenant_no_text(stack: SimpleNamespace) -> None:
    assert stack.sms.notify(stack.admin, stack.no_phone, SmsLevel.ALARM1) is None
    assert stack.sms.notify(stack.admin, stack.no_tenant, SmsLevel.ALARM1) is None
    with pytest.raises(ValidationError):
        stack.sms.send_manual(stack.admin, stack.no_phone)
    assert stack.sms.messages(stack.admin) == []


def test_after_sale_text_is_idempotent_per_sale(stack: SimpleNamespace) -> None:
    sms, admin = stack.sms, stack.admin
    m = sms.notify(admin, stack.meter, SmsLevel.AFTER_SALE, amount_fen=2000, balance_fen=3550, method="现金",
                   sale_id="5d1f")
    assert m is not None and m.text == "户号:224,现金缴费：20.00元,余额：35.50元。"
    assert sms.notify(admin, stack.meter, SmsLevel.AFTER_SALE, amount_fen=2000, sale_id="5d1f") is None
    assert sms.notify(admin, stack.meter, SmsLevel.AFTER_SALE, amount_fen=100, sale_id="77aa") is not None


def test_disabled_after_sale_by_default(stack: SimpleNamespace) -> None:
    sms = SmsService(stack.svc.ctx, sender=stack.sender)
    assert sms.notify(stack.admin, stack.meter, SmsLevel.AFTER_SALE, amount_fen=1, sale_id="x") is None


def test_templates_are_editable_and_audited(stack: SimpleNamespace) -> None:
    sms, admin = stack.sms, stack.admin
    sms.set_template(admin, SmsLevel.ALARM1, "{room} 余额 {balance} 元")
    assert sms.notify(admin, stack.meter, SmsLevel.ALARM1).text == "224 余额 -558.50 元"
    assert sms.templates(admin)[SmsLevel.ALARM1] == "{room} 余额 {balance} 元"
    with pytest.raises(ValidationError):
        sms.set_template(admin, SmsLevel.ALARM1, "{phone}")
    sms.set_template(admin, SmsLevel.ALARM1, None)
    assert sms.templates(admin)[SmsLevel.ALARM1].startswith("温馨提示")
    with stack.svc.ctx.read() as s:
        kinds = [r.kind for r in s.execute(select(AuditRow).where(AuditRow.kind == "sms.template")).scalars()]
    assert kinds == ["sms.template", "sms.template"]
    cashier = Actor(id=5, name="c", role=Role.CASHIER)
    with pytest.raises(PermissionDenied):
        sms.set_template(cashier, SmsLevel.ALARM1, "x")


def test_manual_text_ignores_daily_limit_and_is_audited(stack: SimpleNamespace) -> None:
    sms, admin = stack.sms, stack.admin
    sms.notify(admin, stack.meter, SmsLevel.ARREARS)
    m1 = sms.send_manual(admin, stack.meter, SmsLevel.ARREARS)
    m2 = sms.send_manual(admin, stack.meter, SmsLevel.ARREARS)
    assert m1.level is SmsLevel.MANUAL and m1.id != m2.id
    assert len(sms.process_due(admin).sent) == 3
    with stack.svc.ctx.read() as s:
        assert len(s.execute(select(AuditRow).where(AuditRow.kind == "sms.manual")).all()) == 2


def test_expired_texts_are_dropped(stack: SimpleNamespace) -> None:
    sms = SmsService(stack.svc.ctx, sender=None)  # no modem configured: retries, then expiry
    m = sms.notify(stack.admin, stack.meter, SmsLevel.ALARM1)
    assert sms.process_due(stack.admin).retrying == [m.id]
    assert sms.messages(stack.admin)[0].error_reason == "no_sender"
    stack.clock.advance(hours=25)
    assert sms.process_due(stack.admin).failed == [m.id]
    assert sms.messages(stack.admin)[0].error_reason == "expired"


def test_alarm_listener(stack: SimpleNamespace) -> None:
    stack.sms.on_alarm(SimpleNamespace(id=1, kind=SimpleNamespace(value="arrears"), meter_id=stack.meter))
    stack.sms.on_alarm(SimpleNamespace(id=2, kind=SimpleNamespace(value="overload"), meter_id=stack.meter))
    stack.sms.on_alarm(SimpleNamespace(id=3, kind=SimpleNamespace(value="alarm1"), meter_id=None))
    assert [m.level for m in stack.sms.messages(stack.admin)] == [SmsLevel.ARREARS]


def test_send_test_validates_number(stack: SimpleNamespace) -> None:
    with pytest.raises(ValidationError):
        stack.sms.send_test(stack.admin, "not-a-number")
    m = stack.sms.send_test(stack.admin, "+86 139 0000 0000")
    assert m.status == "sent" and m.phone == "+8613900000000"


def test_through_the_modem_simulator_with_an_error_and_a_retry(stack: SimpleNamespace) -> None:
    """The full AT conversation over a pty: +CMS ERROR 500 on the first try, sent on the retry."""
    with ModemSimulator() as sim:
        modem = AtModem(ModemConfig(port=sim.port, command_timeout_s=1, prompt_timeout_s=1, submit_timeout_s=1))
        sms = SmsService(stack.svc.ctx, sender=modem)
        sim.fail_next("cms_error", code=500)
        m = sms.notify(stack.admin, stack.meter, SmsLevel.ARREARS)
        assert sms.process_due(stack.admin).retrying == [m.id]
        assert sms.messages(stack.admin)[0].error_detail == "modem answered +CMS ERROR: 500"
        stack.clock.advance(seconds=60)
        assert sms.process_due(stack.admin).sent == [m.id]
        (row,) = sms.messages(stack.admin)
        assert row.status == "sent" and row.driver == "modem" and row.attempts == 2
        assert [s.decoded.text for s in sim.sent] == [m.text]
        assert sim.sent[0].decoded.number == "13800138000"
        modem.close()
