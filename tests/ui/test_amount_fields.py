"""The GUI's typed-amount fields (issue 11 item 5): the validator folds full-width digits as typed, never
swallows a comma, and the form's check refuses '1,50' through domain.amount_input."""

from __future__ import annotations

import pytest


def test_cashier_form_folds_full_width_and_refuses_commas(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    from acrel_console.domain.amount_input import AmountError
    from acrel_console.ui.amount_validator import attach
    from acrel_console.ui.cashier.operation_presenter import FormValues, OperationPresenter

    edit = attach(QLineEdit())
    qtbot.addWidget(edit)
    edit.insert("１２．５")  # what an input method commits (QTest types Latin-1 keys only)
    assert edit.text() == "12.5"
    edit.clear()
    qtbot.keyClicks(edit, "1,50")
    assert edit.text() == "1,50"  # never swallowed into '150'
    presenter = OperationPresenter()
    presenter.set_meter(1)
    with pytest.raises(AmountError) as info:
        presenter.check(FormValues(amount=edit.text(), method="cash"))
    assert info.value.field == "amount" and "dot" in info.value.english()
