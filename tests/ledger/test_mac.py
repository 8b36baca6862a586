"""The 3DES retail MAC (ISO 9797-1 algorithm 3) against a vector derived from single-DES steps."""

from __future__ import annotations

import pytest
from Crypto.Cipher import DES, DES3

from acrel_console.ledger import mac

K1, K2 = bytes.fromhex("0123456789ABCDEF"), bytes.fromhex("FEDCBA9876543210")
DATA = b"Now is the time for all "
# Derived by hand below (single-DES CBC with K1, then D_K2, E_K1) and frozen here.
VECTOR = "E9086230CA3BE796"


def _by_single_des_steps(data: bytes) -> bytes:
    padded = data + b"\x80" + b"\x00" * (-(len(data) + 1) % 8)
    h = bytes(8)
    for i in range(0, len(padded), 8):
        h = DES.new(K1, DES.MODE_ECB).encrypt(bytes(a ^ b for a, b in zip(h, padded[i:i + 8])))
    return DES.new(K1, DES.MODE_ECB).encrypt(DES.new(K2, DES.MODE_ECB).decrypt(h))


def test_known_vector() -> None:
    assert _by_single_des_steps(DATA).hex().upper() == VECTOR
    assert mac.retail_mac(K1 + K2, DATA).hex().upper() == VECTOR


@pytest.mark.parametrize("data", [b"", b"x", b"12345678", b"123456789", "售电 100.00".encode()])
def test_matches_single_des_steps_and_3des_on_last_block(data: bytes) -> None:
    assert mac.retail_mac(K1 + K2, data) == _by_single_des_steps(data)
    # Algorithm 3's output transformation equals 3DES-EDE (K1,K2,K1) of the last chaining input.
    padded = mac.pad_method2(data)
    h = bytes(8)
    for i in range(0, len(padded) - 8, 8):
        h = DES.new(K1, DES.MODE_ECB).encrypt(bytes(a ^ b for a, b in zip(h, padded[i:i + 8])))
    last = bytes(a ^ b for a, b in zip(h, padded[-8:]))
    assert DES3.new(K1 + K2, DES3.MODE_ECB).encrypt(last) == mac.retail_mac(K1 + K2, data)


def test_padding_method_2_distinguishes_trailing_zeros() -> None:
    assert mac.retail_mac(K1 + K2, b"ab") != mac.retail_mac(K1 + K2, b"ab\x00")


def test_every_canonical_field_is_covered() -> None:
    base = dict(command_id="c1", meter_id=7, kind="recharge", amount_fen=10000, expected_purchase_count=3,
                payload_json="{}")
    ref = mac.command_mac(K1 + K2, **base)  # type: ignore[arg-type]
    for key, other in (("command_id", "c2"), ("meter_id", 8), ("kind", "trip"), ("amount_fen", 10001),
                       ("expected_purchase_count", 4), ("payload_json", '{"a":1}')):
        assert mac.command_mac(K1 + K2, **{**base, key: other}) != ref, key  # type: ignore[arg-type]
    assert mac.command_mac(bytes(reversed(K1 + K2)), **base) != ref  # type: ignore[arg-type]


def test_bad_keys_are_refused() -> None:
    for key in (None, b"short", K1 + K1):
        with pytest.raises(mac.SiteKeyError):
            mac.retail_mac(key, DATA)
    k = mac.generate_site_key()
    assert len(k) == 16 and k[:8] != k[8:]
