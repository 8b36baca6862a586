"""3DES retail MAC (ISO/IEC 9797-1 MAC algorithm 3, padding method 2) over a delivery command's
canonical fields (design §8). The key is the site key from ServiceContext; it never reaches the database."""

from __future__ import annotations

import hmac
import json
import secrets
from typing import Any

BLOCK = 8
MAC_FIELDS = ("id", "meter_id", "kind", "amount_fen", "expected_purchase_count", "payload")


class SiteKeyError(ValueError):
    """The site key is missing or malformed."""


def split_key(site_key: bytes | None) -> tuple[bytes, bytes]:
    """K1, K2 of a 16-byte (or 24-byte, first 16 used) 3DES key; equal halves are refused."""
    if site_key is None:
        raise SiteKeyError("no site key configured (ACREL_SITE_KEY or site.key)")
    if len(site_key) not in (16, 24):
        raise SiteKeyError("the site key is 16 or 24 bytes (32 or 48 hex digits)")
    k1, k2 = site_key[:8], site_key[8:16]
    if k1 == k2:
        raise SiteKeyError("the two halves of the site key must differ")
    return k1, k2


def pad_method2(data: bytes) -> bytes:
    """ISO 9797-1 padding method 2: 0x80 then zeros up to a whole block (always adds at least one byte)."""
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % BLOCK)


def retail_mac(site_key: bytes | None, data: bytes) -> bytes:
    """ISO 9797-1 algorithm 3: single-DES CBC with K1 over the padded data, then the last block is
    decrypted with K2 and encrypted with K1 (STACK.md item 12)."""
    k1, k2 = split_key(site_key)
    padded = pad_method2(data)
    from Crypto.Cipher import DES  # here: a command that signs no delivery never loads the cipher (issue 15)

    chained = DES.new(k1, DES.MODE_CBC, iv=b"\x00" * BLOCK).encrypt(padded)[-BLOCK:]
    step = DES.new(k2, DES.MODE_ECB).decrypt(chained)
    return DES.new(k1, DES.MODE_ECB).encrypt(step)


def canonical_bytes(command_id: str, meter_id: int, kind: str, amount_fen: int | None,
                    expected_purchase_count: int | None, payload_json: str) -> bytes:
    """The fields a MAC covers, in a fixed order, unit-separated; None is the empty string."""
    parts = [command_id, str(meter_id), kind, "" if amount_fen is None else str(amount_fen),
             "" if expected_purchase_count is None else str(expected_purchase_count), payload_json]
    return "\x1f".join(parts).encode("utf-8")


def command_mac(site_key: bytes | None, command_id: str, meter_id: int, kind: str, amount_fen: int | None,
                expected_purchase_count: int | None, payload_json: str) -> str:
    """The MAC of one meter_commands row as 16 hex digits (upper case)."""
    data = canonical_bytes(command_id, meter_id, kind, amount_fen, expected_purchase_count, payload_json)
    return retail_mac(site_key, data).hex().upper()


def row_mac(site_key: bytes | None, row: Any) -> str:
    """The MAC a MeterCommandRow should carry: its canonical fields and its state transition (state and
    attempt number), so a row edited to another state, or to fewer attempts, no longer verifies."""
    payload = row.payload_json + "\x1e" + f"{row.state or 'pending'}:{int(row.attempts or 0)}"
    return command_mac(site_key, row.id, row.meter_id, row.kind, row.amount_fen, row.expected_purchase_count,
                       payload)


def legacy_row_mac(site_key: bytes | None, row: Any) -> str:
    """The MAC rows carried before it covered the state (issue 11); only valid for a never-touched row."""
    return command_mac(site_key, row.id, row.meter_id, row.kind, row.amount_fen, row.expected_purchase_count,
                       row.payload_json)


def verify_row(site_key: bytes | None, row: Any) -> bool:
    """True when the row's stored MAC matches its fields and state (constant-time compare)."""
    try:
        expected = row_mac(site_key, row)
        legacy = legacy_row_mac(site_key, row) if (row.state, int(row.attempts or 0)) == ("pending", 0) else ""
    except SiteKeyError:
        return False
    stored = (row.mac or "").upper()
    return hmac.compare_digest(expected, stored) or (bool(legacy) and hmac.compare_digest(legacy, stored))


def sign_row(site_key: bytes | None, row: Any) -> None:
    """Re-sign a row after a state transition made by the holder of the site key."""
    row.mac = row_mac(site_key, row)


def canonical_payload(payload: dict[str, Any]) -> str:
    """A payload as canonical JSON (sorted keys, no spaces) so its MAC is reproducible."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def generate_site_key() -> bytes:
    """A fresh random 16-byte 3DES key with distinct halves (to be written to the key file, hex)."""
    while True:
        key = secrets.token_bytes(16)
        if key[:8] != key[8:]:
            return key


def derive_key(site_key: bytes | None, purpose: str) -> bytes | None:
    """A 32-byte key for one purpose (operation log, anchors, key check) derived from the site key with
    HMAC-SHA256, so the 3DES key itself is used for delivery MACs only. None without a site key."""
    if not site_key:
        return None
    return hmac.new(site_key, b"acrel-console/" + purpose.encode("ascii"), "sha256").digest()


def key_check_value(site_key: bytes | None) -> str:
    """A public fingerprint of the site key (16 hex digits) that the database may hold: a process whose
    key gives another value is not the site's and may neither sign nor send."""
    derived = derive_key(site_key, "key-check")
    return "" if derived is None else derived[:8].hex().upper()
