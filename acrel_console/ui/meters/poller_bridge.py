"""Bridge from the poller (worker threads, no Qt) to the GUI thread: one queued signal per SweepResult.

Usage (the app's composition root or a page):
    bridge = PollerBridge(parent=page); bridge.attach(poller)
    bridge.sweep_received.connect(page.apply_sweep)
`Poller.subscribe(fn)` calls fn from bus worker threads; fn is a worker_relay mailbox's `post` (never a signal of an
object the page owns: the page may be deleted while a sweep is published), so slots run on the GUI thread with the
immutable SweepResult. `detach()` (also on destruction) unsubscribes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot

from acrel_console.ui.worker_relay import listen


class SweepSource(Protocol):
    """What the bridge needs of a poller: Poller.subscribe(fn) -> unsubscribe."""

    def subscribe(self, fn: Callable[[Any], None]) -> Callable[[], None]: ...


class PollerBridge(QObject):
    """Re-emits every SweepResult the poller publishes as `sweep_received` on the GUI thread."""

    sweep_received = Signal(object)  # SweepResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self, poller: SweepSource) -> None:
        """Listen to a poller (replacing any previous one); a deleted bridge stops listening."""
        self.detach()
        self._unsubscribe = listen(poller.subscribe, self._forward)

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
