"""`acrel-console kiosk`: the lobby kiosk full screen — a browser in kiosk mode where one is installed
(Chromium/Chrome/Edge, else Firefox), otherwise a Qt window (ui.kiosk_window) over the portal's JSON API.
Either way only the tenant portal is reachable: no address bar, no operator function."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge")
FIREFOX_NAMES = ("firefox", "firefox-esr")


def find_browser(preferred: str | None = None) -> str | None:
    """The browser to use: `preferred` (or ACREL_KIOSK_BROWSER) if given, else the first one on PATH."""
    wanted = preferred or os.environ.get("ACREL_KIOSK_BROWSER")
    if wanted:
        return shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
    for name in CHROMIUM_NAMES + FIREFOX_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_command(browser: str, url: str, profile: str) -> list[str]:
    """Kiosk-mode arguments: full screen, no address bar or menus, a throwaway profile, no first-run
    dialogs, translation prompts, crash bubbles or swipe navigation."""
    name = Path(browser).name.lower()
    if "firefox" in name:
        return [browser, "--kiosk", "--private-window", "--profile", profile, url]
    return [browser, "--kiosk", f"--app={url}", f"--user-data-dir={profile}", "--no-first-run",
            "--no-default-browser-check", "--incognito", "--noerrdialogs", "--disable-translate",
            "--disable-features=Translate,TranslateUI", "--disable-pinch", "--overscroll-history-navigation=0",
            "--disable-session-crashed-bubble", "--disable-infobars", "--check-for-update-interval=31536000"]


def open_kiosk(url: str, window: Callable[[str], int], browser: str | None = None,
               force_window: bool = False) -> int:
    """Show the kiosk until it is closed: the browser, else `window(url)` (the Qt window); the exit code."""
    found = None if force_window else find_browser(browser)
    if found is not None:
        with tempfile.TemporaryDirectory(prefix="acrel-kiosk-") as profile:
            return subprocess.run(browser_command(found, url, profile), check=False).returncode
    return window(url)
