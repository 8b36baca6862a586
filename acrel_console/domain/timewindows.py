"""Daily time windows such as '18:00-09:30' (no-trip hours, quiet hours): parse and test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError


@dataclass(frozen=True, slots=True)
class Window:
    start: time
    end: time  # a window with end <= start wraps past midnight

    def contains(self, at: time) -> bool:
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end


def _parse_time(text: str) -> time:
    hh, mm = text.strip().split(":")
    return time(int(hh), int(mm))


def parse_windows(text: str) -> tuple[Window, ...]:
    """Parse 'HH:MM-HH:MM, HH:MM-HH:MM'; empty text is no window."""
    windows: list[Window] = []
    for part in (p for p in text.split(",") if p.strip()):
        try:
            a, b = part.split("-")
            windows.append(Window(_parse_time(a), _parse_time(b)))
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "'{text}' is not a time window like 18:00-09:30."), text=part.strip()
            ) from None
    return tuple(windows)


def in_any(windows: tuple[Window, ...], at: time) -> bool:
    """True when `at` (site-local wall time) falls in one of the windows."""
    return any(w.contains(at) for w in windows)
