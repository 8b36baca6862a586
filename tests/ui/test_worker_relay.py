"""Worker threads reach the GUI only through the process's relay: no segfault when a page, a window or the object
whose messages a worker sends is deleted while that worker runs (exports, alarm and sweep listeners).

Each stress test runs in a process of its own (a crash is kept out of the test run), with the real component and
the real service-side thread code, and deletes the owner right as the worker sends. Measured before the fix
(PySide6 6.11.3, 5 runs each): rc 139 in 5 of 5 runs of every script, each within 1.5 s.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import weakref

import shiboken6
from PySide6.QtCore import QObject

from acrel_console.ui.worker_relay import Mailbox, listen

PRELUDE = textwrap.dedent("""
    import atexit, os, shutil, sys, tempfile, threading
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    OUT_DIR = tempfile.mkdtemp(prefix="relay-")  # not the null device: an export renames its file onto the target
    atexit.register(shutil.rmtree, OUT_DIR, True)
    OUT = os.path.join(OUT_DIR, "out.xlsx")
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])

    def pump():
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
""")


def run_alone(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr[-2000:]  # no "Signal source has been deleted" from a worker
    return done.stdout.strip()


# ExportRunner (every list's Export): the job's thread emitted a signal of the runner, which its page owns.
def test_a_page_deleted_while_its_export_finishes_does_not_crash() -> None:
    assert run_alone("""
        from acrel_console.services.export import Column, TableSpec
        from acrel_console.ui.export_runner import ExportRunner
        spec = TableSpec(title="t", columns=(Column("a"),))
        for i in range(3000):
            page = QWidget()
            runner = ExportRunner(page)
            runner.start(OUT, spec, lambda page=page: page.no_rows, "x", 1)  # the job fails at once
            shiboken6.delete(page)  # while its thread reports the outcome
            del runner, page
            pump()
        print("ok")
    """) == "ok"


# ReportExporter (the report center's Export): its thread emitted the exporter's progress and done signals.
def test_a_report_page_deleted_while_its_export_runs_does_not_crash() -> None:
    assert run_alone("""
        from acrel_console.services.reports.model import Report, ReportColumn
        from acrel_console.ui.reports.export_runner import ReportExporter
        report = Report("r", "R", "", (ReportColumn("a", "A"),), tuple((str(k),) for k in range(20)))

        class Reports:
            def export(self, actor, report, path, translate, progress, filters):
                for done, _row in enumerate(report.rows, 1):
                    progress(done)

        class Services:
            reports = Reports()

        for i in range(2000):
            page = QWidget()
            exporter = ReportExporter(page)
            exporter.start(Services(), None, report, OUT)
            shiboken6.delete(page)  # while its thread reports progress
            del exporter, page
            pump()
        print("ok")
    """) == "ok"


# AlarmNotifier: the engine's listener (called on poller threads) emitted a signal of the notifier, which the window
# (or the Alarms or Dashboard page) owns.
def test_a_window_closed_while_the_alarm_engine_notifies_does_not_crash() -> None:
    assert run_alone("""
        from types import SimpleNamespace
        from acrel_console.services.alarms import AlarmEngine
        from acrel_console.ui.alarms.notifier import AlarmNotifier
        engine = AlarmEngine(None)  # its own subscribe and _notify
        alarms = [SimpleNamespace(id=k) for k in range(3)]
        for i in range(2000):
            window = QWidget()
            AlarmNotifier(window).attach(engine)
            thread = threading.Thread(target=engine._notify, args=(alarms,), daemon=True)
            thread.start()
            del window  # the window closes, its notifier with it, while the engine's thread notifies
            thread.join()
            pump()
        print("ok", len(engine._listeners))
    """) == "ok 0"


# PollerBridge (Meters and Dashboard pages): the poller's listener emitted a signal of an object deleted (later) with
# the page; the Dashboard never unsubscribed it.
def test_a_page_closed_while_the_poller_publishes_does_not_crash() -> None:
    assert run_alone("""
        from acrel_console.services.polling.poller import Poller
        from acrel_console.ui.meters.poller_bridge import PollerBridge
        poller = Poller.__new__(Poller)  # its own subscribe and _publish, without a database
        poller._lock, poller._listeners = threading.RLock(), []
        for i in range(1000):
            page = QWidget()
            PollerBridge(page).attach(poller)
            thread = threading.Thread(target=poller._publish, args=(None,), daemon=True)
            thread.start()
            del page  # the page closes while the poller's thread publishes
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop does next
            thread.join()
            pump()
        print("ok", len(poller._listeners))
    """) == "ok 0"  # a deleted bridge unsubscribed


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[object, bool, bool]] = []  # message, last, on the GUI thread

    def on_post(self, message: object) -> None:
        self.got.append((message, False, threading.current_thread() is threading.main_thread()))

    def on_last(self, message: object) -> None:
        self.got.append((message, True, threading.current_thread() is threading.main_thread()))


class Held:
    """Something a worker's closure refers to: records the thread it is freed on."""

    freed_on: list[bool] = []

    def __del__(self) -> None:
        Held.freed_on.append(threading.current_thread() is threading.main_thread())


def test_messages_arrive_in_order_on_the_gui_thread_and_what_a_job_ran_is_freed_there(qtbot) -> None:
    receiver = Receiver()
    mailbox = Mailbox(receiver.on_post, receiver.on_last)
    held = Held()

    def work(held: Held = held) -> None:  # worker thread
        for i in range(3):
            mailbox.post(i)
        mailbox.post_last("end")

    thread = threading.Thread(target=work)
    mailbox.keep(work, thread.join)
    Held.freed_on.clear()
    thread.start()
    del work, held
    thread.join()  # the worker has dropped its references: the relay's are the last
    assert Held.freed_on == [] and receiver.got == []  # queued: nothing ran on the worker
    qtbot.waitUntil(lambda: len(receiver.got) == 4)
    assert receiver.got == [(0, False, True), (1, False, True), (2, False, True), ("end", True, True)]
    assert Held.freed_on == [True]


def test_a_deleted_owner_gets_nothing_and_a_stopped_listener_is_unsubscribed_once(qtbot) -> None:
    receiver = Receiver()
    listeners: list[object] = []
    unsubscribed: list[int] = []

    def subscribe(fn: object) -> object:
        listeners.append(fn)
        return lambda: unsubscribed.append(1)

    stop = listen(subscribe, receiver.on_post)  # type: ignore[arg-type]
    gone, got = weakref.ref(receiver), receiver.got
    listeners[0]("late")  # type: ignore[operator]  # queued for a receiver that is deleted first
    shiboken6.delete(receiver)
    del receiver
    qtbot.wait(10)
    assert got == []
    assert gone() is None  # the relay never kept the handler's object alive
    stop()
    assert unsubscribed == [1]  # by the deletion; stop() afterwards does nothing
