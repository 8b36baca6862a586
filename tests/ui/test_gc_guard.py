"""Cyclic garbage holding Qt wrappers is never collected on a task worker (it segfaults PySide6 6.11)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

from acrel_console.ui.gc_guard import install_gc_guard
from acrel_console.ui.tasks import TaskRunner

# pyqtgraph widgets in reference cycles + tasks that allocate enough to trigger a collection on the worker.
# With automatic collection left on, this exits with SIGSEGV (measured: rc 139, "QBasicTimer::stop: Failed.
# Possibly trying to stop from a different thread"); a subprocess keeps such a crash out of the test run.
SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import gc
    from PySide6.QtWidgets import QApplication
    import pyqtgraph as pg
    from acrel_console.ui.tasks import TaskRunner
    app = QApplication([])
    runner = TaskRunner()
    for _ in range(20):
        w = pg.PlotWidget(); w.plot([1, 2, 3]); w.me = w; del w
    def churn():
        return len([[i] for i in range(200_000)])
    for _ in range(5):
        runner.run(churn)
    assert runner.wait_idle(60_000)
    assert not gc.isenabled()
    print("ok")
""")


def test_tasks_survive_cyclic_qt_garbage() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", (done.returncode, done.stderr[-2000:])


def test_collection_happens_on_the_gui_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    TaskRunner()
    guard = install_gc_guard()
    assert guard is not None and not gc.isenabled()

    class Cycle:
        pass

    for _ in range(guard.threshold[0] + 10):
        c = Cycle()
        c.me = c  # type: ignore[attr-defined]
    del c
    assert guard.check() > 0
