"""Background work for the GUI: run a service call off the GUI thread, get its result back on it.

Every page calls services through `TaskRunner.run(fn, on_done, on_error)`. The call runs on a
QThreadPool worker; its outcome comes back through the worker relay (ui/worker_relay.py), so callbacks always
run on the GUI thread. A UserError becomes its translated message (ui.messages.error_message); anything else is logged
with its traceback and reported as an unexpected error. The default pool has one thread: calls run in
submission order (an add followed by a refresh sees the add), the way Anki runs its collection ops; quiet
background refreshes have a second thread of their own.

A worker never holds a reference to a runner or a widget: each task's outcome travels through a worker_relay
mailbox (one relay object that lives as long as the process), which also keeps the task's callable until the
worker has let go of it. A runner released while its task ran used to be freed by the worker's last reference,
and the queued outcome then reached a dead Python object on the GUI thread: a segfault (it took down a CI worker).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from acrel_console.domain.errors import UserError
from acrel_console.ui.gc_guard import install_gc_guard
from acrel_console.ui.messages import error_message
from acrel_console.ui.worker_relay import Mailbox

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TaskFailure:
    """What a failed call hands to its error callback: the translated message and the exception."""

    message: str
    error: BaseException

    @property
    def is_user_error(self) -> bool:
        return isinstance(self.error, UserError)


def failure_text(error: BaseException) -> str:
    """The message shown for an exception: translated for UserError, generic otherwise."""
    if isinstance(error, UserError):
        return error_message(error)
    return QCoreApplication.translate("TaskRunner", "Unexpected error: {error}").format(error=error)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[TaskFailure], None] | None
    owner: QObject | None
    quiet: bool = False  # background refreshes do not light the "Working…" indicator


class _Job(QRunnable):
    def __init__(self, mailbox: Mailbox, task_id: int, fn: Callable[[], Any], let_go: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._mailbox, self._id, self._fn, self._let_go = mailbox, task_id, fn, let_go

    def run(self) -> None:  # worker thread
        fn, self._fn = self._fn, None
        try:
            try:
                result: Any = fn()
                ok = True
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never swallowed
                if not isinstance(exc, UserError):
                    log.exception("background task failed")
                result, ok = exc, False
            del fn  # the mailbox keeps it until the outcome is on the GUI thread: never the last reference here
            self._mailbox.post_last((self._id, ok, result))
            del result  # an exception's traceback refers to fn's frames
        finally:
            self._let_go.set()


class TaskRunner(QObject):
    """Runs callables on a worker pool and delivers results on the GUI thread."""

    busy_changed = Signal(bool)
    failed = Signal(str)  # failures without their own error callback, for the window to show

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        quiet_pool = pool
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            # Quiet background refreshes (a page re-reading 20,000 meters every few seconds) run on a thread of
            # their own, in order among themselves, so they never delay what the operator asked for (issue 15).
            quiet_pool = QThreadPool(self)
            quiet_pool.setMaxThreadCount(1)
        self._pool = pool
        self._quiet_pool = quiet_pool
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        install_gc_guard()  # cyclic garbage with Qt wrappers must never be freed on a worker (gc_guard.py)

    @property
    def busy(self) -> bool:
        """True while a call the user started (not a quiet background refresh) is under way."""
        return any(not p.quiet for p in self._pending.values())

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[TaskFailure], None] | None = None, *, owner: QObject | None = None,
            quiet: bool = False) -> int:
        """Run `fn()` off the GUI thread; call on_done(result) or on_error(failure) on the GUI thread.

        With `owner`, the callbacks are dropped if that widget was deleted meanwhile. `quiet` tasks
        (periodic refreshes) do not count as busy and run on their own worker: in submission order among
        themselves, never queued ahead of a call the operator made.
        """
        task_id = next(self._ids)
        was_busy = self.busy
        self._pending[task_id] = _Pending(on_done, on_error, owner, quiet)
        mailbox, let_go = Mailbox(on_last=self._deliver), threading.Event()
        mailbox.keep(fn, let_go.wait)  # a released runner's outcome is dropped, and fn with it, on the GUI thread
        if not was_busy and not quiet:
            self.busy_changed.emit(True)
        (self._quiet_pool if quiet else self._pool).start(_Job(mailbox, task_id, fn, let_go))
        return task_id

    def _deliver(self, outcome: tuple[int, bool, object]) -> None:
        task_id, ok, result = outcome
        was_busy = self.busy
        pending = self._pending.pop(task_id, None)
        try:
            if pending is None or (pending.owner is not None and not shiboken6.isValid(pending.owner)):
                return
            if ok:
                if pending.on_done is not None:
                    pending.on_done(result)
                return
            assert isinstance(result, BaseException)
            failure = TaskFailure(failure_text(result), result)
            if pending.on_error is not None:
                pending.on_error(failure)
            else:
                self.failed.emit(failure.message)
        finally:
            if was_busy and not self.busy:
                self.busy_changed.emit(False)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until every task (and any task its callbacks started) is delivered (tests, shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        guard = install_gc_guard()
        while self._pending:
            if guard is not None:
                guard.check()
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                return False
            self._pool.waitForDone(max(1, remaining_ms // 2))
            if self._quiet_pool is not self._pool:
                self._quiet_pool.waitForDone(max(1, remaining_ms // 2))
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
        return True
