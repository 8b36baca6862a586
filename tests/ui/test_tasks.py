"""The task runner delivers on the GUI thread, translates user errors; STACK item 1 regression test."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.ui.tasks import TaskFailure, TaskRunner


def test_result_arrives_on_gui_thread_after_running_elsewhere(qtbot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    runner.run(work, done)
    assert runner.wait_idle()
    assert seen["value"] == 42
    assert seen["callback"] == threading.get_ident()
    assert seen["worker"] != threading.get_ident()
    assert not runner.busy


def test_user_error_becomes_its_message_and_other_errors_are_reported(qtbot) -> None:
    runner = TaskRunner()
    failures: list[TaskFailure] = []

    def bad() -> None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="name", label="Gateway name")

    runner.run(bad, on_error=failures.append)
    unhandled: list[str] = []
    runner.failed.connect(unhandled.append)
    runner.run(lambda: 1 / 0)
    assert runner.wait_idle()
    assert failures[0].message == "Gateway name is required."
    assert failures[0].is_user_error
    assert len(unhandled) == 1 and "division by zero" in unhandled[0]


def test_callbacks_of_a_deleted_owner_are_dropped(qtbot) -> None:
    runner = TaskRunner()
    owner = QObject()
    called: list[int] = []
    runner.run(lambda: 1, called.append, owner=owner)
    import shiboken6

    shiboken6.delete(owner)
    assert runner.wait_idle()
    assert called == []


def test_results_keep_submission_order(qtbot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for i in range(20):
        runner.run(lambda i=i: i, order.append)
    assert runner.wait_idle()
    assert order == list(range(20))


class _Emitter(QObject):
    fired = Signal(bool)
    carried = Signal(object)


def test_fifty_thousand_emits_leave_the_refcount_of_true_unchanged(qtbot) -> None:
    """PySide6 6.12.0 drops a reference to True per emit and aborts the process (STACK.md item 1)."""
    emitter = _Emitter()
    received = [0]

    def slot(_value: object) -> None:
        received[0] += 1

    emitter.fired.connect(slot)
    emitter.carried.connect(slot)
    before = sys.getrefcount(True)
    for _ in range(25_000):
        emitter.fired.emit(True)
        emitter.carried.emit(True)
    after = sys.getrefcount(True)
    assert received[0] == 50_000
    assert after - before == 0, f"sys.getrefcount(True) changed by {after - before} over 50,000 emits"
