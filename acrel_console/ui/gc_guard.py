"""Python's cyclic garbage collector runs on the GUI thread only (automatic collection is switched off).

Measured here: with PySide6 6.11, when the collector happens to run on a task worker thread and frees
cyclic garbage holding Qt wrappers (pyqtgraph and dialogs make plenty), shiboken defers the C++
deletion to the main thread (BindingManager::runDeletionInMainThread) and the process segfaults. The
pyqtgraph remedy (its GarbageCollector): disable automatic collection and collect from a GUI-thread
timer with the same generation thresholds. Installed once per process by the first TaskRunner.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000

_guard: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """Collects garbage from a timer on the thread that owns it (the GUI thread)."""

    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds (what automatic GC would do)."""
        count0, count1, count2 = gc.get_count()
        collected = 0
        if count0 > self.threshold[0]:
            collected = gc.collect(0)
            if count1 > self.threshold[1]:
                collected += gc.collect(1)
                if count2 > self.threshold[2]:
                    collected += gc.collect(2)
        return collected


def install_gc_guard() -> GuiThreadCollector | None:
    """Switch automatic collection to the GUI thread (idempotent); None without a Qt application."""
    global _guard
    app = QCoreApplication.instance()
    if _guard is None and app is not None:
        _guard = GuiThreadCollector(parent=app)
    return _guard
