"""The cashier's GUI: sale/refund/reversal form, meter card, receipts, account, tariff and shift dialogs."""
