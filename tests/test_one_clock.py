"""One clock: the product never asks the machine for its zone or its date (issue 9); the site clock answers in
the site's zone whatever TZ the process runs in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from acrel_console.services.site_clock import SiteClock, is_zone_name, zone_or_default

PACKAGE = Path(__file__).resolve().parent.parent / "acrel_console"

# Calls that read the machine's zone or date. `datetime.now(ZONE)` and `astimezone(ZONE)` are fine.
MACHINE_CLOCK = [
    (re.compile(r"datetime\.now\(\s*\)"), "datetime.now() without a zone"),
    (re.compile(r"\bdate\.today\(\)"), "date.today()"),
    (re.compile(r"\.astimezone\(\s*\)"), "astimezone() without a zone"),
    (re.compile(r"QDate\.currentDate\(\)|QDateTime\.currentDateTime\(\)|QTime\.currentTime\(\)"), "Qt's machine clock"),
    (re.compile(r"time\.localtime\(|time\.strftime\(|datetime\.utcnow\(|datetime\.fromtimestamp\([^,)]*\)"),
     "the machine's local time"),
]


def test_the_product_never_reads_the_machines_zone_or_date() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = re.sub(r"`[^`]*`", "", line.split("#", 1)[0])  # docs quote the calls in backticks
            if '"""' in line:
                continue
            for pattern, what in MACHINE_CLOCK:
                if pattern.search(code):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{no}: {what}: {line.strip()}")
    assert found == [], "use the site clock (services/site_clock.py):\n" + "\n".join(found)


@pytest.mark.site_clock
def test_site_clock_answers_in_the_site_zone() -> None:
    evening = datetime(2026, 3, 2, 20, 30, tzinfo=timezone.utc)
    clock = SiteClock(lambda: evening, zone="Asia/Shanghai")
    assert clock.today() == date(2026, 3, 3)
    assert clock.wall_now() == datetime(2026, 3, 3, 4, 30)
    assert clock.text(evening) == "2026-03-03 04:30:00"
    assert clock.day_start(date(2026, 3, 3)) == datetime(2026, 3, 2, 16, 0, tzinfo=timezone.utc)
    assert clock.day_range(date(2026, 3, 3), date(2026, 3, 3))[1] == datetime(2026, 3, 3, 16, tzinfo=timezone.utc)
    assert clock.stamp() == "20260303-0430"
    assert clock.text(datetime(2026, 3, 2, 20, 30)) == "2026-03-03 04:30:00"  # naive values are UTC
    clock.set_zone("America/Los_Angeles")
    assert clock.today() == date(2026, 3, 2) and clock.text(evening) == "2026-03-02 12:30:00"
    assert zone_or_default("Not/AZone").key == "Asia/Shanghai" and not is_zone_name("Not/AZone")


def test_the_zone_is_loaded_once_and_refreshed_only_when_asked() -> None:
    names = ["Asia/Shanghai"]
    loads: list[str] = []

    def load() -> str:
        loads.append(names[0])
        return names[0]

    clock = SiteClock(zone_loader=load)
    assert clock.zone_name == "Asia/Shanghai" and clock.zone_name == "Asia/Shanghai" and len(loads) == 1
    names[0] = "Europe/Berlin"  # changed on another workstation
    assert clock.refreshed().zone_name == "Asia/Shanghai"  # fresh enough: no I/O
    assert clock.refresh().key == "Europe/Berlin" and len(loads) == 2


@pytest.mark.site_clock
def test_a_far_machine_zone_changes_nothing(tmp_path: Path) -> None:
    """The same day, boundaries and texts with the process in Los Angeles or Kiritimati (UTC-8 / UTC+14)."""
    script = (
        "from datetime import datetime, timezone\n"
        "from acrel_console.services.site_clock import SiteClock\n"
        "from acrel_console.drivers.simulator.clock import RealClock, from_ms\n"
        "c = SiteClock(lambda: datetime(2026, 3, 2, 20, 30, tzinfo=timezone.utc), zone='Asia/Shanghai')\n"
        "site = SiteClock(zone='Asia/Shanghai')\n"
        "drift = (from_ms(RealClock('Asia/Shanghai').now_ms()) - site.wall_now()).total_seconds()\n"
        "print(c.today(), c.text(c.now()), c.day_start(c.today()).isoformat(), abs(drift) < 5)\n"
    )
    outputs = set()
    for tz in ("America/Los_Angeles", "Pacific/Kiritimati", "UTC"):
        env = {**os.environ, "TZ": tz}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        outputs.add(out.stdout.strip())
    assert outputs == {"2026-03-03 2026-03-03 04:30:00 2026-03-02T16:00:00+00:00 True"}
