"""Fair turns for one process's SQLite writers: first come, first served (issue 15)."""

from __future__ import annotations

import threading
from collections import deque

PATIENCE_S = 10.0  # as long as SQLite's own busy timeout (storage.engine): never a wait it would not make


class FairWriteGate:
    """First come, first served among this process's writers, re-entrant per thread.

    SQLite has one writer at a time and its busy handler is not fair: a thread that commits and begins again at
    once (a cashier selling flat out) wins the lock over one that backs off and sleeps (the dispatcher), so
    deliveries starved while selling (issue 15). Writers of this process queue here in arrival order before
    BEGIN IMMEDIATE; other processes still meet at SQLite's own lock. A writer that waited `patience_s` goes on
    to SQLite's lock without its turn, so a thread that holds a transaction while waiting for another thread's
    write fails as it did before (SQLite's busy timeout), never hangs."""

    def __init__(self, patience_s: float = PATIENCE_S) -> None:
        self.patience_s = patience_s
        self._lock = threading.Lock()
        self._queue: deque[tuple[int, threading.Event]] = deque()
        self._owner: int | None = None
        self._depth = 0
        self._local = threading.local()  # this thread's turns taken without waiting them out (a stack of flags)

    @property
    def idle(self) -> bool:
        """Nobody holds a turn and nobody waits for one."""
        with self._lock:
            return self._owner is None and not self._queue

    @property
    def waiting(self) -> int:
        """Writers queued for their turn."""
        with self._lock:
            return len(self._queue)

    def __enter__(self) -> None:
        me = threading.get_ident()
        with self._lock:
            if self._owner == me:
                self._depth += 1
                self._stack().append(True)
                return
            if self._owner is None and not self._queue:
                self._owner, self._depth = me, 1
                self._stack().append(True)
                return
            turn = (me, threading.Event())
            self._queue.append(turn)
        handed = turn[1].wait(self.patience_s)
        with self._lock:
            if not handed and not turn[1].is_set():
                self._queue.remove(turn)  # out of patience: SQLite's own lock decides
                self._stack().append(False)
                return
        self._stack().append(True)  # the previous holder made this thread the owner (see _release)

    def __exit__(self, *_exc: object) -> None:
        owned = self._stack().pop()
        if not owned:
            return
        with self._lock:
            self._depth -= 1
            if self._depth == 0:
                self._release()

    def _release(self) -> None:
        """Hand the turn to the first writer queued (called with the lock held)."""
        self._owner = None
        if self._queue:
            self._owner, event = self._queue.popleft()
            self._depth = 1
            event.set()

    def _stack(self) -> list[bool]:
        stack: list[bool] | None = getattr(self._local, "stack", None)
        if stack is None:
            stack = self._local.stack = []
        return stack
