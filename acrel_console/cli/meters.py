"""CLI: polling, remote control, simulator, serve (filled by the meter-communication work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register this group's commands (none yet)."""
