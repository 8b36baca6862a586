"""The README's test command ends when a test worker crashes: it fails the run, never hangs CI to its limit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _parallel_options() -> list[str]:
    """The pytest-xdist options of scripts/test.sh's parallel part, as written there."""
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    joined = script.replace("\\\n", " ")
    line = next(ln for ln in joined.splitlines() if "part " in ln and " parallel " in ln and "-n " in ln)
    options = re.findall(r"(--dist \S+|--max-worker-restart=\S+)", line)
    return [part for option in options for part in option.split(" ")]


def test_parallel_part_fails_fast_on_a_crashed_worker(tmp_path: Path) -> None:
    """A segfault in one file (as a Qt crash would) fails the run in seconds; the other files' tests still report.

    pytest-xdist replaces a crashed worker by default, and under --dist loadfile the replacement can wait forever
    for work already done (pytest-xdist issue 784): a CI run hung until its 90-minute limit that way. Fails if
    scripts/test.sh's parallel part loses --max-worker-restart=0.
    """
    options = _parallel_options()
    assert "--dist" in options, "scripts/test.sh's parallel part no longer distributes by file"
    for n in range(4):
        (tmp_path / f"test_ok{n}.py").write_text("import time\n\ndef test_a():\n    time.sleep(0.3)\n\n"
                                                 "def test_b():\n    pass\n", encoding="utf-8")
    (tmp_path / "test_crash.py").write_text(
        "import os, signal, time\n\ndef test_a():\n    time.sleep(0.1)\n\n"
        "def test_crash():\n    os.kill(os.getpid(), signal.SIGSEGV)\n\ndef test_after():\n    pass\n",
        encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", *options,
                               str(tmp_path)], cwd=tmp_path, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired as hung:
        raise AssertionError(f"the parallel run hung after a worker crashed; options {options}") from hung
    assert done.returncode == 1, done.stdout + done.stderr
    assert "crashed while running 'test_crash.py::test_crash'" in done.stdout, done.stdout
