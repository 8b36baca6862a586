"""Shared test helpers: a service stack over a fresh database with a first administrator."""

from __future__ import annotations

from dataclasses import dataclass

from acrel_console.app import Services, build_services
from acrel_console.domain.status import MeterStatus
from acrel_console.services.base import Actor

ADMIN_PASSWORD = "admin-secret"


def make_services(db_url: str) -> tuple[Services, Actor]:
    """Services over `db_url` with the first administrator 'admin' created."""
    svc = build_services(db_url)
    admin = svc.operators.create_first_admin("admin", ADMIN_PASSWORD)
    return svc, admin


@dataclass(frozen=True)
class Live:
    """The MeterLive fields the alarm engine reads (a sweep result's changed meter)."""

    meter_id: int
    room: str
    status: MeterStatus
    relay_closed: bool | None
    forced_open: bool | None
    overload: bool
    remaining_fen: int | None


@dataclass(frozen=True)
class Sweep:
    """The SweepResult fields the alarm engine reads."""

    gateway_id: int
    gateway: str
    changed: tuple[Live, ...]
    attempted: int
    succeeded: int
    complete: bool = True
    health: object = None
    error: str = ""
