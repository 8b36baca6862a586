"""CLI: accounts, sales, refunds, reversals, deliveries and ledger checks (filled by the selling work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register this group's commands (none yet)."""
