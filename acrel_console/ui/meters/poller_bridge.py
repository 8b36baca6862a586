"""Bridge from the poller (worker threads, no Qt) to the GUI thread: one queued signal per SweepResult.

Usage (the app's composition root or a page):
    bridge = PollerBridge(parent=page); bridge.attach(poller)
    bridge.sweep_received.connect(page.apply_sweep)
`Poller.subscribe(fn)` calls fn from bus worker threads; emitting a signal of a QObject that lives in the
GUI thread from another thread is delivered queued, so slots run on the GUI thread with the immutable
SweepResult. `detach()` (also on destruction) unsubscribes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot


class SweepSource(Protocol):
    """What the bridge needs of a poller: Poller.subscribe(fn) -> unsubscribe."""

    def subscribe(self, fn: Callable[[Any], None]) -> Callable[[], None]: ...


class _Emitter(QObject):
    raw = Signal(object)


class PollerBridge(QObject):
    """Re-emits every SweepResult the poller publishes as `sweep_received` on the GUI thread."""

    sweep_received = Signal(object)  # SweepResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._emitter = _Emitter()  # lives in the GUI thread; emitted from workers -> queued
        self._emitter.raw.connect(self._forward, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = None
        self.destroyed.connect(self._emitter.deleteLater)

    def attach(self, poller: SweepSource) -> None:
        """Listen to a poller (replacing any previous one)."""
        self.detach()
        emitter = self._emitter

        def listener(result: Any) -> None:  # worker thread
            try:
                emitter.raw.emit(result)
            except RuntimeError:  # the GUI side is gone (window closed while polling)
                pass

        self._unsubscribe = poller.subscribe(listener)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @property
    def attached(self) -> bool:
        return self._unsubscribe is not None

    @Slot(object)
    def _forward(self, result: Any) -> None:
        self.sweep_received.emit(result)
