"""Postings: every operation kind balances; bad amounts are refused before anything is stored."""

from __future__ import annotations

import pytest

from acrel_console.ledger import posting


@pytest.mark.parametrize("lines", [
    posting.sale(1, 2, "cash", 100), posting.refund(1, 2, "wechat", 100), posting.reversal(1, 2, "card", 5),
    posting.transfer(1, 2, 100), posting.opening(1, 100), posting.consumption(1, 7), posting.adjustment(1, -3),
    posting.adjustment(1, 3)])
def test_each_kind_balances(lines: tuple[posting.Posting, ...]) -> None:
    assert sum(p.amount_fen for p in lines) == 0 and len(lines) == 2


def test_sale_credits_the_tenant_and_debits_the_drawer() -> None:
    lines = posting.sale(5, 9, "alipay", 1234)
    assert lines == (posting.Posting("drawer:9:alipay", 1234), posting.Posting("prepaid:5", -1234))
    assert posting.prepaid_balance(-1234) == 1234


def test_refused() -> None:
    with pytest.raises(ValueError):
        posting.sale(1, 1, "cash", 0)
    with pytest.raises(ValueError):
        posting.sale(1, 1, "bitcoin", 10)
    with pytest.raises(ValueError):
        posting.transfer(1, 1, 10)
    with pytest.raises(posting.UnbalancedPosting):
        posting.check_balanced([posting.Posting("a", 1), posting.Posting("b", 2)])
    with pytest.raises(posting.UnbalancedPosting):
        posting.check_balanced([posting.Posting("a", 0)])
