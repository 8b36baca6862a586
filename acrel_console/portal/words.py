"""Every word the portal shows, marked for translation (context 'portal'; lupdate reads these lines). The
templates call _("...") with exactly these English texts; tests/portal/test_words.py checks that each one
is declared here and translated into zh_CN. Status names come from domain.status (context 'status'),
tariff periods from the reports (context 'reports'), error messages from the services (context 'errors')."""

from __future__ import annotations

from acrel_console.domain.errors import QT_TRANSLATE_NOOP

WORDS: tuple[str, ...] = (
    # frame and navigation
    QT_TRANSLATE_NOOP("portal", "Tenant service"),
    QT_TRANSLATE_NOOP("portal", "Home"),
    QT_TRANSLATE_NOOP("portal", "Recharges"),
    QT_TRANSLATE_NOOP("portal", "Settings"),
    QT_TRANSLATE_NOOP("portal", "Sign out"),
    QT_TRANSLATE_NOOP("portal", "中文"),
    QT_TRANSLATE_NOOP("portal", "English"),
    QT_TRANSLATE_NOOP("portal", "Back"),
    # sign-in
    QT_TRANSLATE_NOOP("portal", "Sign in"),
    QT_TRANSLATE_NOOP("portal", "Account no."),
    QT_TRANSLATE_NOOP("portal", "PIN"),
    QT_TRANSLATE_NOOP("portal", "Your account number and PIN are on the slip from the site office."),
    QT_TRANSLATE_NOOP("portal", "Clear"),
    QT_TRANSLATE_NOOP("portal", "Delete"),
    QT_TRANSLATE_NOOP("portal", "The form expired; please try again."),
    QT_TRANSLATE_NOOP("portal", "You were signed out. Please sign in again."),
    # home
    QT_TRANSLATE_NOOP("portal", "Hello, {name}"),
    QT_TRANSLATE_NOOP("portal", "Account no. {no} · {room}"),
    QT_TRANSLATE_NOOP("portal", "Your PIN is still the one from the slip: please change it in Settings."),
    QT_TRANSLATE_NOOP("portal", "Remaining amount"),
    QT_TRANSLATE_NOOP("portal", "{amount} yuan"),
    QT_TRANSLATE_NOOP("portal", "Not read yet"),
    QT_TRANSLATE_NOOP("portal", "Top-up on its way to the meter: {amount} yuan"),
    QT_TRANSLATE_NOOP("portal", "Power"),
    QT_TRANSLATE_NOOP("portal", "On"),
    QT_TRANSLATE_NOOP("portal", "Off"),
    QT_TRANSLATE_NOOP("portal", "Unknown"),
    QT_TRANSLATE_NOOP("portal", "Kept on by the site office"),
    QT_TRANSLATE_NOOP("portal", "Last reading"),
    QT_TRANSLATE_NOOP("portal", "Meter no."),
    QT_TRANSLATE_NOOP("portal", "Daily usage"),
    QT_TRANSLATE_NOOP("portal", "Refresh"),
    QT_TRANSLATE_NOOP("portal", "Recharge at the site office."),
    QT_TRANSLATE_NOOP("portal", "No meter is on this account."),
    # switching
    QT_TRANSLATE_NOOP("portal", "Switch off"),
    QT_TRANSLATE_NOOP("portal", "Switch on"),
    QT_TRANSLATE_NOOP("portal", "Switch this meter off? Everything on it loses power."),
    QT_TRANSLATE_NOOP("portal", "Switching off: waiting for the meter…"),
    QT_TRANSLATE_NOOP("portal", "Switching on: waiting for the meter…"),
    QT_TRANSLATE_NOOP("portal", "Switched off: confirmed by the meter."),
    QT_TRANSLATE_NOOP("portal", "Switched on: confirmed by the meter."),
    QT_TRANSLATE_NOOP("portal", "The meter refused: the balance is not positive."),
    QT_TRANSLATE_NOOP("portal", "The meter did not confirm the command; please try again or contact the site office."),
    # usage
    QT_TRANSLATE_NOOP("portal", "Daily energy, last {days} days"),
    QT_TRANSLATE_NOOP("portal", "This month ({month}) by tariff period"),
    QT_TRANSLATE_NOOP("portal", "Period"),
    QT_TRANSLATE_NOOP("portal", "Energy (kWh)"),
    QT_TRANSLATE_NOOP("portal", "Total"),
    QT_TRANSLATE_NOOP("portal", "kWh"),
    # recharges
    QT_TRANSLATE_NOOP("portal", "Recharge history"),
    QT_TRANSLATE_NOOP("portal", "No recharges yet."),
    QT_TRANSLATE_NOOP("portal", "Receipt no."),
    QT_TRANSLATE_NOOP("portal", "Sale"),
    QT_TRANSLATE_NOOP("portal", "Opening balance"),
    QT_TRANSLATE_NOOP("portal", "Refund"),
    QT_TRANSLATE_NOOP("portal", "Reversal"),
    QT_TRANSLATE_NOOP("portal", "Cash"),
    QT_TRANSLATE_NOOP("portal", "Card terminal"),
    QT_TRANSLATE_NOOP("portal", "WeChat Pay"),
    QT_TRANSLATE_NOOP("portal", "Alipay"),
    QT_TRANSLATE_NOOP("portal", "Bank transfer"),
    QT_TRANSLATE_NOOP("portal", "On its way to the meter"),
    QT_TRANSLATE_NOOP("portal", "On the meter"),
    QT_TRANSLATE_NOOP("portal", "Cancelled"),
    QT_TRANSLATE_NOOP("portal", "Being checked by the site office"),
    # settings
    QT_TRANSLATE_NOOP("portal", "Change PIN"),
    QT_TRANSLATE_NOOP("portal", "Current PIN"),
    QT_TRANSLATE_NOOP("portal", "New PIN"),
    QT_TRANSLATE_NOOP("portal", "New PIN again"),
    QT_TRANSLATE_NOOP("portal", "6 to 12 digits."),
    QT_TRANSLATE_NOOP("portal", "The two new PINs differ."),
    QT_TRANSLATE_NOOP("portal", "PIN changed. Other signed-in devices were signed out."),
    QT_TRANSLATE_NOOP("portal", "Text messages"),
    QT_TRANSLATE_NOOP("portal", "Phone number"),
    QT_TRANSLATE_NOOP("portal", "Low balance (alarm 1)"),
    QT_TRANSLATE_NOOP("portal", "Very low balance (alarm 2)"),
    QT_TRANSLATE_NOOP("portal", "Arrears"),
    QT_TRANSLATE_NOOP("portal", "After each recharge"),
    QT_TRANSLATE_NOOP("portal", "Save"),
    QT_TRANSLATE_NOOP("portal", "Saved."),
    QT_TRANSLATE_NOOP("portal", "Your details"),
    QT_TRANSLATE_NOOP("portal", "Name"),
    QT_TRANSLATE_NOOP("portal", "Room"),
    QT_TRANSLATE_NOOP("portal", "Opened on"),
    # online recharge (issue 17)
    QT_TRANSLATE_NOOP("portal", "Recharge online"),
    QT_TRANSLATE_NOOP("portal", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("portal", "Scan with the app to pay."),
    QT_TRANSLATE_NOOP("portal", "Pay now"),
    QT_TRANSLATE_NOOP("portal", "Waiting for the payment…"),
    QT_TRANSLATE_NOOP("portal", "Paid and delivered to the meter."),
    QT_TRANSLATE_NOOP("portal", "Paid. On its way to the meter…"),
    QT_TRANSLATE_NOOP("portal", "The amount paid differs from the order: nothing was credited; the site office will contact you."),
    QT_TRANSLATE_NOOP("portal", "The meter cannot take this payment now: it is refunded to you."),
    QT_TRANSLATE_NOOP("portal", "The order expired unpaid."),
    QT_TRANSLATE_NOOP("portal", "The order was cancelled."),
    QT_TRANSLATE_NOOP("portal", "The payment could not be started; please try again later."),
    # errors the portal itself says
    QT_TRANSLATE_NOOP("portal", "Page not found."),
    QT_TRANSLATE_NOOP("portal", "Something went wrong; please try again."),
    QT_TRANSLATE_NOOP("portal", "The console's database cannot be reached; please try again later."),
)

METHOD_WORDS = {"cash": "Cash", "card": "Card terminal", "wechat": "WeChat Pay", "alipay": "Alipay",
                "transfer": "Bank transfer"}
KIND_WORDS = {"sale": "Sale", "opening": "Opening balance", "refund": "Refund", "reversal": "Reversal"}
DELIVERY_WORDS = {"pending": "On its way to the meter", "sending": "On its way to the meter",
                  "delivered": "On the meter", "cancelled": "Cancelled", "failed": "Being checked by the site office",
                  "conflict": "Being checked by the site office"}
SMS_WORDS = {"alarm1": "Low balance (alarm 1)", "alarm2": "Very low balance (alarm 2)", "arrears": "Arrears",
             "after_sale": "After each recharge"}
PERIOD_WORDS = ("Spike", "Peak", "Flat", "Valley")  # context 'reports' (services.reports.energy)
