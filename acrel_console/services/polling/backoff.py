"""Per-meter poll state and the pure rules on it: offline/recovery (design §5) and dead-meter back-off
(design §10). No clock and no I/O: callers pass `now`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from acrel_console.domain.status import OFFLINE_AFTER_FAILED_SWEEPS

MAX_PROBE_GAP_S = 1800  # an offline meter is re-probed at least every 30 minutes
ONLINE, OFFLINE = "online", "offline"


@dataclass(slots=True)
class MeterPollState:
    """What the poller remembers about one meter between sweeps (persisted in meter_state).

    `offline_since` is set when the offline transition was logged and cleared on recovery; it is
    the "logged" state, so every transition is logged once. `backoff_level` L >= 1 means: probe every
    2**L-th sweep (capped so that the gap stays within MAX_PROBE_GAP_S).
    """

    meter_id: int
    consecutive_failures: int = 0
    backoff_level: int = 0
    sweeps_skipped: int = 0
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    offline_since: datetime | None = None
    last_error: str = ""
    forced: bool | None = None  # last known force-control state (None = unknown); not a back-off field
    force_readable: bool = True  # False once the profile said it has no force read-back

    @property
    def offline(self) -> bool:
        return self.offline_since is not None


def max_backoff_level(status_interval_s: int) -> int:
    """The largest L with 2**L sweeps no longer than MAX_PROBE_GAP_S (at least 1)."""
    level = 1
    while (2 ** (level + 1)) * status_interval_s <= MAX_PROBE_GAP_S:
        level += 1
    return level


def should_probe(state: MeterPollState, now: datetime, status_interval_s: int) -> bool:
    """True when this sweep should try the meter (always, unless it is offline and backed off)."""
    if not state.offline or state.backoff_level <= 0:
        return True
    if state.last_attempt_at is None or now - state.last_attempt_at >= timedelta(seconds=MAX_PROBE_GAP_S):
        return True
    return state.sweeps_skipped + 1 >= 2 ** state.backoff_level


def note_skipped(state: MeterPollState) -> None:
    """The sweep passed the meter by (back-off)."""
    state.sweeps_skipped += 1


def note_success(state: MeterPollState, now: datetime) -> str | None:
    """A successful read; returns ONLINE when this recovers a meter logged offline."""
    was_offline = state.offline
    state.consecutive_failures = 0
    state.backoff_level = 0
    state.sweeps_skipped = 0
    state.last_success_at = now
    state.last_attempt_at = now
    state.last_error = ""
    state.offline_since = None
    return ONLINE if was_offline else None


def note_failure(state: MeterPollState, now: datetime, status_interval_s: int, error: str,
                 sweep_s: int | None = None) -> str | None:
    """A failed read; returns OFFLINE when the meter just crossed the offline rule (design §5).

    A meter never read successfully goes offline after 3 failed sweeps (not at its first failure);
    once offline, every failed probe doubles the back-off up to the 30-minute cap, counted in sweeps of
    `sweep_s` (how often status sweeps start; the status interval when not given).
    """
    state.consecutive_failures += 1
    state.last_attempt_at = now
    state.last_error = error
    state.sweeps_skipped = 0
    if state.offline:
        state.backoff_level = min(state.backoff_level + 1, max_backoff_level(sweep_s or status_interval_s))
        return None
    too_many = state.consecutive_failures >= OFFLINE_AFTER_FAILED_SWEEPS
    too_old = (state.last_success_at is not None
               and now - state.last_success_at > timedelta(seconds=OFFLINE_AFTER_FAILED_SWEEPS * status_interval_s))
    if too_many or too_old:
        state.offline_since = now
        state.backoff_level = 1
        return OFFLINE
    return None
