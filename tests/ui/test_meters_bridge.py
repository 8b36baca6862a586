"""The poller bridge: results published on worker threads arrive on the GUI thread, in order; detach stops them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread

from acrel_console.ui.meters.poller_bridge import PollerBridge


class FakePoller:
    """Poller.subscribe's contract: fn(result) from any thread; returns an unsubscribe."""

    def __init__(self) -> None:
        self.listeners: list[Callable[[Any], None]] = []

    def subscribe(self, fn: Callable[[Any], None]) -> Callable[[], None]:
        self.listeners.append(fn)
        return lambda: self.listeners.remove(fn)

    def publish_from_thread(self, values: list[int]) -> None:
        def run() -> None:
            for v in values:
                for fn in list(self.listeners):
                    fn(v)

        t = threading.Thread(target=run)
        t.start()
        t.join()


def test_results_arrive_queued_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    bridge = PollerBridge()
    poller = FakePoller()
    bridge.attach(poller)
    got: list[tuple[int, bool]] = []
    gui = QThread.currentThread()
    bridge.sweep_received.connect(lambda v: got.append((v, QThread.currentThread() is gui)))
    poller.publish_from_thread([1, 2, 3])
    assert got == []  # queued: nothing ran on the worker thread
    qtbot.waitUntil(lambda: len(got) == 3)
    assert got == [(1, True), (2, True), (3, True)]
    bridge.detach()
    assert poller.listeners == []
    assert not bridge.attached


def test_attaching_again_replaces_the_previous_poller(qtbot) -> None:  # type: ignore[no-untyped-def]
    bridge = PollerBridge()
    first, second = FakePoller(), FakePoller()
    bridge.attach(first)
    bridge.attach(second)
    assert first.listeners == [] and len(second.listeners) == 1
    bridge.detach()
