"""Regenerate revision 0001 from the ORM tables (only until the first release ships).

Usage: .venv/bin/python scripts/regen_initial_migration.py
After the first release, add new revisions with alembic instead and never edit 0001.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from acrel_console.storage.engine import make_engine
from acrel_console.storage.migrate import MIGRATIONS_DIR, alembic_config

VERSIONS = MIGRATIONS_DIR / "versions"


def main() -> None:
    for old in VERSIONS.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
    for f in VERSIONS.glob("0001_*.py"):
        print("wrote", f)


if __name__ == "__main__":
    main()
