"""The site clock on screen: the process's site clock for models without a context, today as a QDate, and
date-edit values as site-local day bounds."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from acrel_console.services.site_clock import DEFAULT_ZONE, SiteClock

_site_clock: list[SiteClock] = [SiteClock(zone=DEFAULT_ZONE)]


def use_site_clock(clock: SiteClock) -> None:
    """The site clock that table models and formatters without a UiContext show times in (UiContext sets it)."""
    _site_clock[0] = clock


def site_clock() -> SiteClock:
    """The signed-in site's clock (its zone is cached: no I/O)."""
    return _site_clock[0]


def qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def site_today(clock: SiteClock) -> QDate:
    """The site's date now (never the machine's: QDate.currentDate() follows the machine's zone)."""
    return qdate(clock.today())


def day_of(edit: QDateEdit) -> date:
    """The date shown in a date edit."""
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def edit_range(clock: SiteClock, first: QDateEdit, last: QDateEdit) -> tuple[datetime, datetime]:
    """[start of the first day, start of the day after the last) in the site's zone, as UTC instants."""
    return clock.day_range(day_of(first), day_of(last))
