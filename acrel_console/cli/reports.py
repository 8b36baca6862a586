"""CLI: reports, alarms and SMS (filled by the reports work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register this group's commands (none yet)."""
