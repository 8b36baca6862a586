"""Files that live beside the site key and never in the database: the key, the operation log's anchors,
and the site's other secrets (SMS gateway key, later payment keys). All are written owner-only (0600).

The directory is ACREL_SECRETS_DIR when set, else the user data directory (where the embedded database
lives). On a multi-workstation site the service machine's directory is the authoritative one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from acrel_console.atomic_file import write_atomic
from acrel_console.storage.engine import data_dir

KEY_FILE = "site.key"
SECRETS_FILE = "secrets.json"
ANCHOR_DIR = "anchors"
PRIVATE_MODE = 0o600


def secrets_dir() -> Path:
    """Where the site key and its neighbours live."""
    override = os.environ.get("ACREL_SECRETS_DIR")
    return Path(override) if override else data_dir()


def site_key_path() -> Path:
    """The site key file (hex, one line)."""
    return secrets_dir() / KEY_FILE


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (temp file, fsync, rename), readable by the owner only."""
    write_atomic(path, text, PRIVATE_MODE)


def make_private(path: Path) -> None:
    """Owner-only permissions on an existing file (database, backup); silently skipped where unsupported."""
    try:
        os.chmod(path, PRIVATE_MODE)
    except OSError:
        pass


def load_secrets() -> dict[str, str]:
    """Every named secret (empty when none were stored)."""
    path = secrets_dir() / SECRETS_FILE
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8") or "{}")
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def secret(name: str) -> str:
    """One secret by name ('' when not set)."""
    return load_secrets().get(name, "")


def store_secret(name: str, value: str) -> None:
    """Set (or with '' remove) one secret in the owner-only secrets file."""
    values = load_secrets()
    if value:
        values[name] = value
    else:
        values.pop(name, None)
    write_private(secrets_dir() / SECRETS_FILE, json.dumps(values, sort_keys=True, indent=1) + "\n")
