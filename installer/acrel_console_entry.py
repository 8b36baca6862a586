"""Entry script of the PyInstaller bundle: the `acrel-console` command line (the GUI is its default command)."""

from __future__ import annotations

import multiprocessing
import sys


def _run() -> int:
    from acrel_console.cli import main

    return main()


if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless on Linux; needed if anything ever spawns on Windows
    sys.exit(_run())
