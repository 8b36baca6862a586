"""Allows `python -m acrel_console`."""

from acrel_console.cli import main

raise SystemExit(main())
