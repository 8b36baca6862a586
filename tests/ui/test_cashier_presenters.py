"""The Qt-free parts of the cashier dialogs: the operation form's checks and retry-safe id, tariff texts,
claims for meters that cannot be read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from acrel_console.domain.errors import ValidationError
from acrel_console.ui.cashier.operation_presenter import FormValues, OperationPresenter
from acrel_console.ui.cashier.settle_presenter import ApprovalTexts, ClaimTexts, check_approval, claim_amount
from acrel_console.ui.cashier.tariff_presenter import TariffTexts, tariff_body


def _err(fn, *args) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        fn(*args)
    return info.value


def test_sale_form_checks_amount_and_method() -> None:
    p = OperationPresenter()
    assert _err(p.check, FormValues("10", "cash")).field == "meter"
    p.set_meter(5)
    assert _err(p.check, FormValues("", "cash")).template == "Enter an amount."
    assert _err(p.check, FormValues("1.234", "cash")).field == "amount"
    assert _err(p.check, FormValues("-3", "cash")).template == "'{text}': the amount cannot be negative."
    assert _err(p.check, FormValues("0", "cash")).template == "The amount must be greater than zero."
    assert _err(p.check, FormValues("1,5", "cash")).field == "amount"  # issue 11: never 15.00
    assert _err(p.check, FormValues("3", "bitcoin")).field == "method"
    r = p.check(FormValues(" 100.5 ", "wechat", " first "))
    assert (r.mode, r.meter_id, r.amount, r.method, r.remark) == ("sale", 5, Decimal("100.50"), "wechat", "first")


def test_operation_id_is_kept_for_retries_and_renewed_after_success_or_a_new_meter() -> None:
    p = OperationPresenter()
    p.set_meter(1)
    first = p.operation_id()
    assert p.operation_id() == first  # a retry after an error: the same id
    p.succeeded()
    second = p.operation_id()
    assert second != first
    p.set_meter(2)
    assert p.operation_id() != second
    third = p.operation_id()
    p.set_mode("refund")
    assert p.operation_id() != third


def test_reversal_needs_sale_reason_and_supervisor_and_is_capped() -> None:
    p = OperationPresenter()
    p.set_meter(1)
    p.set_mode("reversal")
    assert _err(p.check, FormValues("", "cash")).field == "sale"
    p.open_amount = Decimal("90.00")
    v = FormValues("100", "cash", sale_id="abc", reason="r", approver_name="boss", approver_password="x")
    assert _err(p.check, v).template == "At most {open} yuan of this sale can still be reversed."
    assert _err(p.check, FormValues("", "cash", sale_id="abc")).field == "reason"
    assert _err(p.check, FormValues("", "cash", sale_id="abc", reason="r")).field == "approver_name"
    assert _err(p.check, FormValues("", "cash", sale_id="abc", reason="r", approver_name="b")).field == \
        "approver_password"
    r = p.check(FormValues("", "cash", sale_id="abc", reason="r", approver_name="b", approver_password="x"))
    assert r.amount is None and r.sale_id == "abc"  # empty amount: the whole open amount


def test_tariff_texts() -> None:
    flat = tariff_body(TariffTexts("A", "flat", ("0.85",)))
    assert flat.prices == (8500,) * 4
    assert _err(tariff_body, TariffTexts("A", "flat", ("0.85001",))).field == "prices"
    assert _err(tariff_body, TariffTexts("", "flat", ("1",))).field == "name"
    tou = tariff_body(TariffTexts("T", "tou", ("1.5", "1.2", "0.8", "0.4"),
                                  (("07:00", 2), ("00:00", 3), ("", 0), ("19:00", 0))))
    assert tou.schedule == ((0, 3), (420, 2), (1140, 0))
    assert _err(tariff_body, TariffTexts("T", "tou", ("1", "1", "1", "1"), (("25:00", 0),))).field == "schedule"
    assert _err(tariff_body, TariffTexts("T", "tou", ("1", "1", "1", "1"), (("01:00", 0),))).field == "schedule"
    tiered = tariff_body(TariffTexts("S", "tiered", tiers=(("200", "0.5"), ("400", "0.6"), ("", "0.8")),
                                     tier_period="year"))
    assert tiered.tiers == ((20000, 5000), (40000, 6000), (None, 8000)) and tiered.tier_period == "year"
    assert _err(tariff_body, TariffTexts("S", "tiered", tiers=(("400", "0.5"), ("200", "0.6"), ("", "1")))).field \
        == "tiers"


def test_a_claim_needs_an_amount_a_supervisor_and_a_reason() -> None:
    assert claim_amount(ClaimTexts(3, "12.5")) == Decimal("12.50")
    assert _err(claim_amount, ClaimTexts(3, "")).field == "claims"
    assert _err(claim_amount, ClaimTexts(3, "-5")).field == "claims"
    check_approval(ApprovalTexts("", "", ""), needed=False, me="cash1")
    check_approval(ApprovalTexts("boss", "pw", "display dark"), needed=True, me="cash1")
    for texts in (ApprovalTexts("", "pw", "r"), ApprovalTexts("boss", "", "r"), ApprovalTexts("cash1", "pw", "r"),
                  ApprovalTexts("boss", "pw", "  ")):
        assert _err(check_approval, texts, True, "cash1").field == "approval"
