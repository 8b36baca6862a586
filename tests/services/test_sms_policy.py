"""The SMS policy's pure decisions as tables: daily limit, quiet hours, back-off, templates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from acrel_console.domain.errors import ValidationError
from acrel_console.domain.timewindows import parse_windows
from acrel_console.services.sms import (
    ALARM_LEVELS,
    DEFAULT_TEMPLATES,
    Decision,
    SmsLevel,
    backoff_s,
    next_attempt_at,
    quiet_until,
    render,
    should_send,
    validate_template,
    yuan_text,
)

SH = ZoneInfo("Asia/Shanghai")  # UTC+8
QUIET = parse_windows("21:00-08:00")
ALL = frozenset(SmsLevel)
D = date(2026, 11, 24)


def utc(local: str) -> datetime:
    """'2026-11-24 22:30' Shanghai wall time -> aware UTC."""
    return datetime.fromisoformat(local).replace(tzinfo=SH).astimezone(timezone.utc)


@pytest.mark.parametrize(
    ("local_now", "level", "phone", "texted", "expected", "send_local"),
    [
        ("2026-11-24 10:00", SmsLevel.ALARM1, "138", frozenset(), Decision.SEND, "2026-11-24 10:00"),
        ("2026-11-24 10:00", SmsLevel.ALARM1, "138", frozenset({D}), Decision.DUPLICATE, None),
        ("2026-11-24 10:00", SmsLevel.ALARM2, "138", frozenset({D - timedelta(days=1)}), Decision.SEND,
         "2026-11-24 10:00"),
        ("2026-11-24 10:00", SmsLevel.ARREARS, "  ", frozenset(), Decision.NO_PHONE, None),
        ("2026-11-24 22:30", SmsLevel.ARREARS, "138", frozenset(), Decision.DEFER, "2026-11-25 08:00"),
        ("2026-11-24 02:00", SmsLevel.ARREARS, "138", frozenset(), Decision.DEFER, "2026-11-24 08:00"),
        ("2026-11-24 20:59", SmsLevel.ALARM1, "138", frozenset(), Decision.SEND, "2026-11-24 20:59"),
        ("2026-11-24 21:00", SmsLevel.ALARM1, "138", frozenset(), Decision.DEFER, "2026-11-25 08:00"),
        ("2026-11-24 08:00", SmsLevel.ALARM1, "138", frozenset(), Decision.SEND, "2026-11-24 08:00"),
        # a text deferred past midnight counts for the morning it goes out
        ("2026-11-24 22:30", SmsLevel.ALARM1, "138", frozenset({D}), Decision.DEFER, "2026-11-25 08:00"),
        ("2026-11-24 22:30", SmsLevel.ALARM1, "138", frozenset({D + timedelta(days=1)}), Decision.DUPLICATE, None),
        # receipts are not limited per day and ignore quiet hours
        ("2026-11-24 23:00", SmsLevel.AFTER_SALE, "138", frozenset({D}), Decision.SEND, "2026-11-24 23:00"),
    ],
)
def test_should_send(local_now: str, level: SmsLevel, phone: str, texted: frozenset[date], expected: Decision,
                     send_local: str | None) -> None:
    verdict = should_send(utc(local_now), level=level, zone=SH, phone=phone, enabled=ALL, quiet_hours=QUIET,
                          quiet_levels=ALARM_LEVELS, texted_days=texted)
    assert verdict.decision is expected
    assert verdict.send_at == (utc(send_local) if send_local else None)


def test_disabled_level() -> None:
    v = should_send(utc("2026-11-24 10:00"), level=SmsLevel.AFTER_SALE, zone=SH, phone="1", enabled=ALARM_LEVELS,
                    quiet_hours=QUIET, quiet_levels=ALARM_LEVELS, texted_days=frozenset())
    assert v.decision is Decision.DISABLED


def test_day_boundary_is_site_local() -> None:
    """16:30 UTC is 00:30 the next day in Shanghai: a text 'yesterday' in UTC terms is today's."""
    now = datetime(2026, 11, 24, 16, 30, tzinfo=timezone.utc)
    v = should_send(now, level=SmsLevel.ALARM1, zone=SH, phone="1", enabled=ALL, quiet_hours=(),
                    quiet_levels=ALARM_LEVELS, texted_days=frozenset({date(2026, 11, 25)}))
    assert v.decision is Decision.DUPLICATE
    v = should_send(now, level=SmsLevel.ALARM1, zone=SH, phone="1", enabled=ALL, quiet_hours=(),
                    quiet_levels=ALARM_LEVELS, texted_days=frozenset({date(2026, 11, 24)}))
    assert v.decision is Decision.SEND


@pytest.mark.parametrize(
    ("windows", "local_now", "expected_local"),
    [
        ("21:00-08:00", "2026-11-24 12:00", None),
        ("21:00-08:00", "2026-11-24 23:59", "2026-11-25 08:00"),
        ("21:00-08:00", "2026-11-24 00:00", "2026-11-24 08:00"),
        ("12:00-13:30", "2026-11-24 12:00", "2026-11-24 13:30"),
        ("12:00-13:30", "2026-11-24 13:30", None),
        ("22:00-06:00, 06:00-07:00", "2026-11-24 23:00", "2026-11-25 07:00"),  # chained windows
        ("", "2026-11-24 23:00", None),
    ],
)
def test_quiet_until(windows: str, local_now: str, expected_local: str | None) -> None:
    end = quiet_until(utc(local_now), SH, parse_windows(windows))
    assert end == (utc(expected_local) if expected_local else None)


@pytest.mark.parametrize(
    ("attempts", "retryable", "expected_s"),
    [(1, True, 60), (2, True, 120), (3, True, 240), (4, True, 480), (5, True, None), (1, False, None)],
)
def test_back_off(attempts: int, retryable: bool, expected_s: int | None) -> None:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    got = next_attempt_at(now, attempts, retryable, max_attempts=5, base_s=60, cap_s=3600)
    assert got == (now + timedelta(seconds=expected_s) if expected_s is not None else None)


def test_back_off_is_capped() -> None:
    assert [backoff_s(n, 60, 300) for n in range(1, 7)] == [60, 120, 240, 300, 300, 300]


def test_default_templates_render_like_the_field_texts() -> None:
    arrears = render(DEFAULT_TEMPLATES[SmsLevel.ARREARS], {"name": "张三", "balance": yuan_text(-55850)})
    assert arrears == "温馨提示:户名：张三,状态：欠费,(电费)剩余金额-558.50元,请及时充值。"
    receipt = render(DEFAULT_TEMPLATES[SmsLevel.AFTER_SALE],
                     {"room": "224", "method": "现金", "amount": yuan_text(2000), "balance": yuan_text(3550)})
    assert receipt == "户号:224,现金缴费：20.00元,余额：35.50元。"
    for text in DEFAULT_TEMPLATES.values():
        validate_template(text)


@pytest.mark.parametrize("bad", ["", "   ", "{phone}", "{name.__class__}", "{name!r}", "{balance:>10}", "{", "a}b{"])
def test_bad_templates(bad: str) -> None:
    with pytest.raises(ValidationError):
        validate_template(bad)


def test_yuan_text() -> None:
    assert [yuan_text(v) for v in (0, 5, -55850, 123456, None)] == ["0.00", "0.05", "-558.50", "1234.56", ""]
