"""冲正 on a chosen sale (from the records page): the meter card and the reversal form with the supervisor's
second login, in one dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from acrel_console.services.money_common import OperationResult
from acrel_console.ui.cashier.card_data import MeterCard, load_card
from acrel_console.ui.cashier.card_widget import MeterCardWidget
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.operation_form import OperationForm
from acrel_console.ui.context import UiContext


class ReversalDialog(QDialog):
    """Reverse (part of) one sale; the dialog stays open to show the outcome until closed."""

    def __init__(self, ui: UiContext, meter_id: int, sale_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Reversal"))
        self.setObjectName("reversalDialog")
        self.setMinimumWidth(720)
        self.result_value: OperationResult | None = None
        layout = QVBoxLayout(self)
        self.card = MeterCardWidget()
        self.card.refresh_button.hide()
        self.form = OperationForm(ui, modes=("reversal",))
        layout.addWidget(self.card)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.form.operation_done.connect(self._done)
        self.form.preset_sale(sale_id)
        self.form.set_meter(meter_id)
        services, money, actor = ui.services, money_services(ui.services), ui.actor
        ui.tasks.run(lambda: load_card(services, money, actor, meter_id), self._card, owner=self)

    def _card(self, card: MeterCard) -> None:
        self._show(card)
        self.form.focus_amount()

    def _show(self, card: MeterCard) -> None:
        self.card.show_card(card)
        self.form.set_target(card)

    def _done(self, result: OperationResult) -> None:
        self.result_value = result
        services, money, actor, mid = self.ui.services, money_services(self.ui.services), self.ui.actor, result.meter_id
        self.ui.tasks.run(lambda: load_card(services, money, actor, mid), self._show, owner=self)
