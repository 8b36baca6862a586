"""SMS drivers: PDU encoder (3GPP TS 23.040), AT-command GSM modem, modem simulator, HTTP gateway."""

from acrel_console.drivers.sms.api import (
    SendResult,
    SmsError,
    SmsInvalidMessage,
    SmsRejected,
    SmsSender,
    SmsTimeout,
    SmsUnavailable,
)

__all__ = [
    "SendResult",
    "SmsError",
    "SmsInvalidMessage",
    "SmsRejected",
    "SmsSender",
    "SmsTimeout",
    "SmsUnavailable",
]
