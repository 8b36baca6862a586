"""Fixtures of the portal tests: cheap scrypt for tenant PINs (the stored hash names its cost)."""

from __future__ import annotations

import pytest

from acrel_console.services import passwords


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_N", 2**4)
