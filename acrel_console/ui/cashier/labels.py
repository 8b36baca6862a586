"""Translated names of payment methods, sale types, operation kinds and delivery states (context 'cashier')."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The Acrel-3200 order; cash is the default.
METHOD_LABELS: dict[str, str] = {
    "cash": QT_TRANSLATE_NOOP("cashier", "Cash"),
    "card": QT_TRANSLATE_NOOP("cashier", "Card terminal"),
    "wechat": QT_TRANSLATE_NOOP("cashier", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("cashier", "Alipay"),
    "transfer": QT_TRANSLATE_NOOP("cashier", "Bank transfer"),
}

METHODS: tuple[str, ...] = tuple(METHOD_LABELS)  # the ledger's payment channels; the services check them

SALE_TYPE_LABELS: dict[str, str] = {
    "normal": QT_TRANSLATE_NOOP("cashier", "Normal sale"),
    "reversal": QT_TRANSLATE_NOOP("cashier", "Reversal"),
    "refund": QT_TRANSLATE_NOOP("cashier", "Refund"),
}

KIND_LABELS: dict[str, str] = {
    "sale": QT_TRANSLATE_NOOP("cashier", "Sale"),
    "refund": QT_TRANSLATE_NOOP("cashier", "Refund"),
    "reversal": QT_TRANSLATE_NOOP("cashier", "Reversal"),
    "transfer": QT_TRANSLATE_NOOP("cashier", "Balance transfer"),
    "opening": QT_TRANSLATE_NOOP("cashier", "Opening balance"),
}

DELIVERY_LABELS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("cashier", "Pending"),
    "sending": QT_TRANSLATE_NOOP("cashier", "Sending"),
    "delivered": QT_TRANSLATE_NOOP("cashier", "Delivered"),
    "conflict": QT_TRANSLATE_NOOP("cashier", "Conflict"),
    "failed": QT_TRANSLATE_NOOP("cashier", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("cashier", "Cancelled"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("cashier", text)


def method_label(method: str | None) -> str:
    return _tr(METHOD_LABELS[method]) if method in METHOD_LABELS else (method or "")


def sale_type_label(sale_type: str | None) -> str:
    return _tr(SALE_TYPE_LABELS[sale_type]) if sale_type in SALE_TYPE_LABELS else (sale_type or "")


def kind_label(kind: str | None) -> str:
    return _tr(KIND_LABELS[kind]) if kind in KIND_LABELS else (kind or "")


def delivery_label(state: str | None) -> str:
    """'' for no delivery (console-side meter or a transfer without one)."""
    return _tr(DELIVERY_LABELS[state]) if state in DELIVERY_LABELS else (state or "")

# Labels the account service passes as {label} (translated by ui.messages.translate_label, context "fields").
ACCOUNT_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("fields", "Name"),
    QT_TRANSLATE_NOOP("fields", "Phone"),
)
