"""A real X display for the walkthrough (no tests here): Xvfb, the application in its own process, xdotool keys.

Every key goes through the X server as a real keystroke (xdotool uses XTEST), so the window's focus handling,
default buttons and shortcuts are the ones a cashier meets. `keys`/`type_text` count the keystrokes sent.
There is no window manager on Xvfb: a new dialog does not always get the keyboard at once, and when the focused
window closes nothing gives the focus back (Qt then has no active window: typed text still arrives, shortcuts
do not). Before each keystroke the session does what a window manager would: the newest visible window of the
application has the input focus (not a keystroke; `focus(name)` does it for a named window). `grab(path)` saves a screenshot of the whole display (PNG) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


def missing_tools() -> list[str]:
    return [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]


class XSession:
    """One Xvfb display with one application on it."""

    def __init__(self, workdir: Path, size: str = "1400x900") -> None:
        self.workdir = workdir
        self.display = self._free_display()
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.app: subprocess.Popen[str] | None = None
        self.keystrokes = 0
        self.log: list[str] = []  # what was typed, for the report
        self._seen: list[str] = []  # window ids in the order they first appeared
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{self.display[1:]}").exists():
            if time.monotonic() > deadline or self.xvfb.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    @staticmethod
    def _free_display() -> str:
        for n in range(70, 200):
            if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
                return f":{n}"
        raise RuntimeError("no free X display number")

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def launch(self, args: list[str], env: dict[str, str], log: Path) -> None:
        out = log.open("w")
        self.app = subprocess.Popen([sys.executable, "-m", "acrel_console", *args], env={**self.env, **env},
                                    stdout=out, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                                    cwd=str(self.workdir))

    def close(self) -> None:
        for proc in (self.app, self.xvfb):
            if proc is None or proc.poll() is not None:
                continue
            os.killpg(proc.pid, signal.SIGINT if proc is self.app else signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)

    # ---- windows ----------------------------------------------------------------------------------
    def _xdo(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def windows(self) -> dict[str, str]:
        """Visible top-level windows: id -> title."""
        out: dict[str, str] = {}
        for wid in self._xdo("search", "--onlyvisible", "--name", ".", check=False).split():
            name = self._xdo("getwindowname", wid, check=False).strip()
            if name and not name.startswith("Qt Selection Owner"):
                out[wid] = name
        return out

    def wait_window(self, pattern: str, timeout_s: float = 30.0) -> str:
        """The id of a visible window whose title matches `pattern` (a regular expression)."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for wid, name in self.windows().items():
                if rx.search(name):
                    return wid
            self._check_alive()
            time.sleep(0.1)
        raise AssertionError(f"no window {pattern!r}; visible: {self.windows()}")

    def wait_gone(self, pattern: str, timeout_s: float = 30.0) -> None:
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not any(rx.search(n) for n in self.windows().values()):
                return
            time.sleep(0.1)
        raise AssertionError(f"window {pattern!r} still open: {self.windows()}")

    def focus(self, pattern: str) -> None:
        """Give a window the input focus (a window manager's job; not a keystroke)."""
        wid = self.wait_window(pattern)
        self._xdo("windowfocus", "--sync", wid)
        time.sleep(0.2)

    def ensure_focus(self) -> None:
        """A window manager's rule: the newest visible window has the focus (a new dialog takes it; when it
        closes, the window under it gets it back)."""
        visible = self.windows()
        for wid in visible:
            if wid not in self._seen:
                self._seen.append(wid)
        if not visible:
            return
        newest = [w for w in self._seen if w in visible][-1]
        if self._xdo("getwindowfocus", check=False).strip() != newest:
            self._xdo("windowfocus", "--sync", newest, check=False)
            time.sleep(0.15)

    def _check_alive(self) -> None:
        if self.app is not None and self.app.poll() is not None:
            raise AssertionError(f"the application exited with {self.app.returncode}")

    # ---- keystrokes -------------------------------------------------------------------------------
    def keys(self, *names: str, pause_s: float = 0.25) -> None:
        """Press keys (xdotool names: Return, Tab, ctrl+2, F2 ...), one keystroke each."""
        for name in names:
            self.ensure_focus()
            self._xdo("key", "--clearmodifiers", name)
            self.keystrokes += 1
            self.log.append(name)
            time.sleep(pause_s)

    def type_text(self, text: str, pause_s: float = 0.3) -> None:
        """Type text: one keystroke per character."""
        self.ensure_focus()
        self._xdo("type", "--delay", "60", text)
        self.keystrokes += len(text)
        self.log.append(repr(text))
        time.sleep(pause_s)

    def counted(self, fn: Callable[[], Any]) -> int:
        """Keystrokes `fn` sends."""
        before = self.keystrokes
        fn()
        return self.keystrokes - before

    def grab(self, path: Path) -> Path:
        subprocess.run([sys.executable, "-c", GRAB, str(path)], env=self.env, check=True, timeout=60,
                       capture_output=True)
        return path


def wait_for(check: Callable[[], Any], what: str, timeout_s: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except Exception as exc:  # noqa: BLE001 - the database may be busy: ask again
            last = exc
        if last and not isinstance(last, Exception):
            return last
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")
