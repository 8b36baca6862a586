"""Worker threads reach the GUI thread only through one relay object that lives as long as the process.

Measured with PySide6 6.11 (tests/ui/test_worker_relay.py): `Signal.emit` releases the GIL, so the GUI thread can
delete the sender while a worker is still inside emit; and a worker that drops the last reference to a live Qt
object (a widget a closure refers to) deletes it on the wrong thread. Both end in a segfault: an export whose page
was deleted, an alarm or sweep listener whose window was closed, did exactly that. So a worker is handed a
`Mailbox`, which holds a number and the relay and nothing else: `post(message)` emits on the relay, and the message
reaches the mailbox's handler on the GUI thread while the handler's object exists. What a worker runs (its closures
may refer to widgets) is kept by the relay until the worker has let go of it, and dropped on the GUI thread.
"""

from __future__ import annotations

import atexit
import itertools
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Signal, Slot

from acrel_console.ui.gc_guard import install_gc_guard

Handler = Callable[[Any], None]


@dataclass
class _Box:
    on_post: weakref.WeakMethod[Handler] | None
    on_last: weakref.WeakMethod[Handler] | None
    kept: list[tuple[object, Callable[[], object]]] = field(default_factory=list)
    on_destroyed: QMetaObject.Connection | None = None


class _Relay(QObject):
    """Carries every mailbox's messages to the GUI thread: one per process, never deleted."""

    posted = Signal(int, object, bool)  # mailbox key, message, last

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[int, _Box] = {}
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, bool)
    def _deliver(self, key: int, message: object, last: bool) -> None:
        box = self.boxes.get(key)
        if box is None:
            return
        if last:
            self._forget(key, box)
            for _kept, join in box.kept:
                join()  # the worker has sent its last message and is letting go: never the last reference on it
        ref = box.on_last if last else box.on_post
        handler = ref() if ref is not None else None
        if handler is not None and shiboken6.isValid(getattr(handler, "__self__", None)):
            handler(message)
        del box, handler, message  # here, on the GUI thread

    def close(self, key: int) -> None:
        """No more calls to the mailbox's handlers; what it keeps stays until its worker's last message."""
        box = self.boxes.get(key)
        if box is None:
            return
        if box.kept:
            box.on_post = box.on_last = None
        else:
            self._forget(key, box)

    def _forget(self, key: int, box: _Box) -> None:
        del self.boxes[key]
        if box.on_destroyed is not None:
            QObject.disconnect(box.on_destroyed)


_relay: _Relay | None = None
_keys = itertools.count(1)


def _the_relay() -> _Relay:
    """The process's relay, made on the GUI thread by the first mailbox."""
    global _relay
    if _relay is None:
        _relay = _Relay()
        atexit.register(drain)
    return _relay


def drain(timeout_s: float = 10.0) -> bool:
    """Wait until every worker still running a mailbox's job (an export, a task) has sent its last message and let
    go, delivering what they send (GUI thread). Run at exit: a worker sending while the interpreter tears the
    application down segfaulted (measured: 7 of 8 runs of an export stress test on a loaded machine). False if some
    worker was still running after `timeout_s`."""
    relay = _relay
    if relay is None or QCoreApplication.instance() is None or not shiboken6.isValid(relay):
        return True
    deadline = time.monotonic() + timeout_s
    while any(box.kept for box in list(relay.boxes.values())):
        if time.monotonic() > deadline:
            return False
        QCoreApplication.sendPostedEvents()
        time.sleep(0.002)
    return True


def _owner_of(handler: Handler) -> QObject:
    owner = getattr(handler, "__self__", None)
    if not isinstance(owner, QObject):
        raise TypeError("a mailbox's handlers are methods of a QObject")
    return owner


def _weak(handler: Handler | None) -> weakref.WeakMethod[Handler] | None:
    return weakref.WeakMethod(handler) if handler is not None else None  # type: ignore[arg-type]


class Mailbox:
    """Messages from worker threads to methods of one QObject, delivered on the GUI thread.

    Made on the GUI thread. `post(message)` and `post_last(message)` may be called from any thread: they touch
    only the relay. `on_post(message)` / `on_last(message)` run on the GUI thread until the object is deleted or
    `close()` is called. A mailbox for one job (an export, a task) gets `keep(what_runs, join)` and one `post_last`.
    """

    __slots__ = ("key", "_relay")

    def __init__(self, on_post: Handler | None = None, on_last: Handler | None = None) -> None:
        owners = {id(o): o for o in (_owner_of(h) for h in (on_post, on_last) if h is not None)}
        if len(owners) != 1:
            raise TypeError("a mailbox's handlers are methods of one QObject")
        (owner,) = owners.values()
        relay = _the_relay()
        install_gc_guard()  # cyclic garbage with Qt wrappers is never freed on a worker either (gc_guard.py)
        self.key = next(_keys)
        self._relay = relay
        box = _Box(_weak(on_post), _weak(on_last))
        relay.boxes[self.key] = box
        key = self.key
        box.on_destroyed = owner.destroyed.connect(lambda *_: relay.close(key))

    def post(self, message: object) -> None:
        """Send `message` to `on_post` (any thread)."""
        self._send(message, False)

    def post_last(self, message: object) -> None:
        """Send the job's last message to `on_last` (any thread): on the GUI thread the relay first waits (`join`)
        until the worker has let go of what was kept, then calls `on_last` and drops it all."""
        self._send(message, True)

    def _send(self, message: object, last: bool) -> None:
        try:
            self._relay.posted.emit(self.key, message, last)
        except RuntimeError:  # the application is closing: nobody waits for this message
            pass

    def keep(self, what: object, join: Callable[[], object]) -> None:
        """Hold `what` (what a worker runs, with everything its closures refer to) until `post_last` is on the GUI
        thread; `join()` (its thread's join) then waits until the worker has let go of it, so that a worker never
        drops the last reference."""
        box = self._relay.boxes.get(self.key)
        if box is None:
            raise RuntimeError("keep() after the mailbox's last message")
        box.kept.append((what, join))

    def close(self) -> None:
        """Stop calling the handlers (GUI thread)."""
        self._relay.close(self.key)


def listen(subscribe: Callable[[Handler], Callable[[], None]], handler: Handler) -> Callable[[], None]:
    """Hand `handler` (a method of a QObject) to a source that calls its listeners on worker threads
    (`subscribe(fn) -> unsubscribe`: Poller, AlarmEngine); it runs on the GUI thread. Returns `stop()`, which
    unsubscribes (once); deleting the handler's object stops it too."""
    mailbox = Mailbox(handler)
    unsubscribe = subscribe(mailbox.post)  # the source's threads touch only the relay
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            unsubscribe()
            mailbox.close()

    owner = _owner_of(handler)
    owner.destroyed.connect(lambda *_: stop())
    return stop
