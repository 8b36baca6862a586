"""Shared test helpers: a service stack over a fresh database with a first administrator."""

from __future__ import annotations

from acrel_console.app import Services, build_services
from acrel_console.services.base import Actor

ADMIN_PASSWORD = "admin-secret"


def make_services(db_url: str) -> tuple[Services, Actor]:
    """Services over `db_url` with the first administrator 'admin' created."""
    svc = build_services(db_url)
    admin = svc.operators.create_first_admin("admin", ADMIN_PASSWORD)
    return svc, admin
