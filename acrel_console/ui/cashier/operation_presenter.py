"""The sale / refund / reversal form without Qt (humble view): validation, the request, the retry-safe id.

The operation id (UUID) is made when the form is first submitted and kept while the cashier retries
after an error, so a sale that did commit before a lost answer is never made twice (the services are
idempotent by it). It is dropped after success, or when the meter or the mode changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.services.money_common import amount_fen, check_method

MODES = ("sale", "refund", "reversal")
CONFIRM_CONTEXT = "OperationForm"  # translation context of the confirmation reasons


@dataclass(frozen=True, slots=True)
class ConfirmReason:
    """Why a checked request asks the cashier once more: a translatable template and its parameters."""

    template: str
    params: dict[str, str]


@dataclass(frozen=True, slots=True)
class OperationRequest:
    """A checked form: what the service is called with."""

    mode: str
    meter_id: int
    amount: Decimal | None  # None for a reversal of the whole open amount
    method: str
    remark: str
    sale_id: str | None = None  # reversal: the original sale
    reason: str = ""
    approver_name: str = ""
    approver_password: str = ""


@dataclass(frozen=True, slots=True)
class FormValues:
    """The raw texts of the form."""

    amount: str
    method: str
    remark: str = ""
    sale_id: str = ""
    reason: str = ""
    approver_name: str = ""
    approver_password: str = ""


class OperationPresenter:
    """Checks the form for one meter and mode and keeps the operation id across retries."""

    def __init__(self) -> None:
        self.mode = "sale"
        self.meter_id: int | None = None
        self.open_amount: Decimal | None = None  # reversal: what of the chosen sale can still be reversed
        self._op_id: str | None = None

    def set_meter(self, meter_id: int | None) -> None:
        if meter_id != self.meter_id:
            self._op_id = None
        self.meter_id = meter_id

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        if mode != self.mode:
            self._op_id = None
        self.mode = mode

    def check(self, v: FormValues) -> OperationRequest:
        """Raise ValidationError (with .field) or return the request."""
        if self.meter_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a meter first."), field="meter")
        check_method(v.method)
        amount: Decimal | None
        if self.mode == "reversal" and not v.amount.strip():
            amount = None
        else:
            try:
                amount = fen_to_yuan(amount_fen(v.amount.strip() or "0", "amount"))
            except UserError as err:
                if not v.amount.strip():
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter an amount."), field="amount") from None
                raise err
        if self.mode == "reversal":
            if not v.sale_id.strip():
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the sale to reverse."), field="sale")
            if amount is not None and self.open_amount is not None and amount > self.open_amount:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "At most {open} yuan of this sale can still be reversed."), field="amount",
                    open=str(self.open_amount))
            if not v.reason.strip():
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reversal needs a reason."), field="reason")
            if not v.approver_name.strip():
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A supervisor signs in to approve."),
                                      field="approver_name")
            if not v.approver_password:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the supervisor's password."),
                                      field="approver_password")
        return OperationRequest(self.mode, self.meter_id, amount, v.method, v.remark.strip(), v.sale_id.strip() or None,
                                v.reason.strip(), v.approver_name.strip(), v.approver_password)

    def confirm_reasons(self, request: OperationRequest, *, offline: bool,
                        confirm_above: Decimal | None) -> list[ConfirmReason]:
        """What the cashier must confirm before the request goes out: an amount above the site's threshold,
        a sale to a meter that does not answer (the money is taken now, the credit waits)."""
        reasons: list[ConfirmReason] = []
        if request.amount is not None and confirm_above is not None and request.amount > confirm_above:
            reasons.append(ConfirmReason(QT_TRANSLATE_NOOP(
                "OperationForm", "{amount} yuan is more than {limit} yuan: is the amount right?"),
                {"amount": f"{request.amount:,.2f}", "limit": f"{confirm_above:,.2f}"}))
        if offline and request.mode == "sale":
            reasons.append(ConfirmReason(QT_TRANSLATE_NOOP(
                "OperationForm", "The meter is offline: the money is taken now and the credit reaches the meter only "
                                 "when it answers again."), {}))
        return reasons

    def operation_id(self) -> str:
        """The id for this submission: made on the first submit, the same on every retry until success."""
        if self._op_id is None:
            self._op_id = str(uuid.uuid4())
        return self._op_id

    def succeeded(self) -> None:
        self._op_id = None

    @property
    def pending_id(self) -> str | None:
        return self._op_id
