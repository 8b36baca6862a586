"""Offline/recovery transitions and the dead-meter back-off as pure rules (design §5, §10)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from acrel_console.services.polling.backoff import (OFFLINE, ONLINE, MeterPollState, max_backoff_level, note_failure,
                                                    note_skipped, note_success, should_probe)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
INTERVAL = 180


def _run(pattern_len: int, state: MeterPollState, interval: int = INTERVAL) -> str:
    """Simulate sweeps of a dead meter: 'P' probed (and failed), '.' skipped."""
    out = []
    now = T0
    for _ in range(pattern_len):
        now += timedelta(seconds=interval)
        if should_probe(state, now, interval):
            note_failure(state, now, interval, "timeout")
            out.append("P")
        else:
            note_skipped(state)
            out.append(".")
    return "".join(out)


def test_dead_meter_probes_every_2nd_4th_8th_sweep_capped_at_30_minutes() -> None:
    st = MeterPollState(1, last_success_at=T0)
    # 3 failures -> offline, then probes after 2, 4, 8, 8 ... sweeps (8 x 180 s = 24 min <= 30 min)
    assert _run(40, st) == "PPP" + ".P" + "...P" + ".......P" * 3 + "......."
    assert st.offline and st.backoff_level == max_backoff_level(INTERVAL) == 3


@pytest.mark.parametrize("interval, level", [(10, 7), (180, 3), (600, 1), (1800, 1), (3600, 1)])
def test_backoff_cap_keeps_probes_within_30_minutes(interval: int, level: int) -> None:
    assert max_backoff_level(interval) == level


def test_time_cap_forces_a_probe_after_30_minutes() -> None:
    st = MeterPollState(1, backoff_level=3, offline_since=T0, last_attempt_at=T0)
    assert not should_probe(st, T0 + timedelta(minutes=29), 60)
    assert should_probe(st, T0 + timedelta(minutes=30), 60)


def test_transitions_are_reported_once() -> None:
    st = MeterPollState(1, last_success_at=T0)
    events = [note_failure(st, T0 + timedelta(seconds=i), INTERVAL, "x") for i in range(6)]
    assert events == [None, None, OFFLINE, None, None, None]
    assert note_success(st, T0 + timedelta(seconds=10)) == ONLINE
    assert note_success(st, T0 + timedelta(seconds=11)) is None
    assert (st.consecutive_failures, st.backoff_level, st.sweeps_skipped) == (0, 0, 0)


def test_never_seen_meter_goes_offline_after_three_failures_not_the_first() -> None:
    st = MeterPollState(1)
    assert note_failure(st, T0, INTERVAL, "x") is None
    assert note_failure(st, T0, INTERVAL, "x") is None
    assert note_failure(st, T0, INTERVAL, "x") == OFFLINE


def test_a_stale_meter_goes_offline_at_its_first_failure() -> None:
    st = MeterPollState(1, last_success_at=T0)
    assert note_failure(st, T0 + timedelta(seconds=3 * INTERVAL + 1), INTERVAL, "x") == OFFLINE
