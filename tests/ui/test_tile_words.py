"""Tile text (issue 13): an open account with a tripped relay no longer reads "Opened · Open"."""

from __future__ import annotations

from dataclasses import replace

from acrel_console.domain.status import MeterStatus
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.meters.tile_delegate import status_words


def _meter(**kw) -> MeterLive:  # type: ignore[no-untyped-def]
    base = MeterLive(1, 1, "GW-A", 5, "DDSY1352", "A005", None, None, "322011445566", "王记花店", "000005",
                     MeterStatus.OPENED, 100, 0, 3, True, False, False, False, False, 5000, 2000, None, 0, None, 0, "")
    return replace(base, **kw)


def test_an_open_account_with_a_tripped_relay_does_not_read_open_twice(qapp) -> None:  # type: ignore[no-untyped-def]
    assert status_words(_meter()) == "Opened"
    words = status_words(_meter(relay_closed=False))
    assert words == "Opened · Tripped" and "Open" not in words.split(" · ")[1]
    assert status_words(_meter(status=MeterStatus.ARREARS, relay_closed=True, forced=True, keep_power=True)) == \
        "Arrears · Keep power"
