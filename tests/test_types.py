"""STYLE habit 13, checked: mypy strict (pyproject [tool.mypy]) passes on domain, drivers, ledger, services."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRICT_PACKAGES = ("acrel_console/domain", "acrel_console/drivers", "acrel_console/ledger", "acrel_console/services")


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                    reason="mypy is not installed (pip install -e '.[test]' brings it)")
def test_strict_layers_type_check(tmp_path: Path) -> None:
    # a private cache: a cold run takes ~10 s, and parallel runs never share a half-written cache
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "mypy_cache"), *STRICT_PACKAGES],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    assert proc.returncode == 0, f"mypy found type errors:\n{proc.stdout}{proc.stderr}"
