"""Simulated meters' state in a JSON file, so a demo's meters survive restarts like real ones do.

A real meter keeps its remaining amount, purchase count, energy, prices and relay through a power cut;
the demo's meters must too, or the console's ledger and its meters disagree after a restart. `save`
writes every meter of every bus atomically; `restore` puts the saved values back onto a freshly built
population (same seed: same addresses and models); `StateKeeper` saves every few seconds and at stop.
Time the demo was not running is not billed: a restored meter carries on from now.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from acrel_console.atomic_file import write_atomic
from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.meter import Model, PowerControl, SimMeter
from acrel_console.drivers.simulator.tariff import TouSchedule

VERSION = 1
_SKIP = {"address", "model"}  # identity: the population decides them


def _encode(value: Any) -> Any:
    if isinstance(value, Model):
        return value.value
    if isinstance(value, PowerControl):
        return dataclasses.asdict(value)
    if isinstance(value, TouSchedule):
        return {"points": [list(p) for p in value.points]}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(name: str, value: Any, current: Any) -> Any:
    if name == "power_control":
        return [PowerControl(**d) for d in value]
    if name == "schedule":
        return TouSchedule(tuple((int(m), int(p)) for m, p in value["points"]))
    if isinstance(current, tuple):
        return tuple(value)
    return value


def meter_state(meter: SimMeter) -> dict[str, Any]:
    """The persistent fields of one meter (private bookkeeping left out)."""
    return {f.name: _encode(getattr(meter, f.name)) for f in dataclasses.fields(meter)
            if not f.name.startswith("_") and f.name not in _SKIP}


def snapshot(buses: Iterable[tuple[str, SimBus]]) -> dict[str, Any]:
    """Every meter of every bus, keyed by bus name and address."""
    out: dict[str, Any] = {"version": VERSION, "buses": {}}
    for name, bus in buses:
        with bus.locked():
            out["buses"][name] = {str(m.address): {"model": m.model.value, **meter_state(m)} for m in bus.meters()}
    return out


def save(path: Path, buses: Iterable[tuple[str, SimBus]]) -> None:
    """Write the snapshot atomically (temp file, fsync, rename): a crash leaves the old or the new file."""
    write_atomic(path, json.dumps(snapshot(buses), separators=(",", ":")))


def restore(path: Path, buses: Iterable[tuple[str, SimBus]]) -> int:
    """Put the saved state back onto meters at the same bus, address and model; returns how many.
    A missing file restores nothing (first start); a meter the file does not know keeps its state."""
    if not path.exists():
        return 0
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != VERSION:
        return 0
    count = 0
    for name, bus in buses:
        saved = data["buses"].get(name, {})
        with bus.locked():
            for meter in bus.meters():
                state = saved.get(str(meter.address))
                if state is None or state.get("model") != meter.model.value:
                    continue
                for f in dataclasses.fields(meter):
                    if f.name in state and not f.name.startswith("_") and f.name not in _SKIP:
                        setattr(meter, f.name, _decode(f.name, state[f.name], getattr(meter, f.name)))
                count += 1
    return count


class StateKeeper:
    """Saves the meters every `interval_s` seconds on a daemon thread, and once more at `stop`."""

    def __init__(self, path: Path, buses: list[tuple[str, SimBus]], interval_s: float = 2.0) -> None:
        self.path, self.buses, self.interval_s = path, buses, interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sim-state", daemon=True)

    def start(self) -> StateKeeper:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            save(self.path, self.buses)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)
        save(self.path, self.buses)
