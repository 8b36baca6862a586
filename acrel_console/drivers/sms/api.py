"""The contract every SMS driver keeps: SmsSender.send(phone, text) -> SendResult or an SmsError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class SendResult:
    """A message accepted by the modem or gateway (not yet delivered to the handset)."""

    driver: str  # "modem" | "http"
    parts: int  # SMS segments the text needed (1 unless concatenated)
    refs: tuple[str, ...]  # per-part message references (+CMGS) or the gateway's message id
    detail: str = ""  # short, log-safe description (never the gateway URL or its key)


class SmsError(Exception):
    """Base of every failure a driver's send() raises. `retryable`: trying later may succeed."""

    reason = "error"  # machine-readable kind for the message log
    retryable = True

    def __init__(self, detail: str, *, sent_refs: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.sent_refs = sent_refs  # parts of a concatenated text already accepted before the failure


class SmsUnavailable(SmsError):
    """The modem port cannot be opened or the gateway cannot be reached."""

    reason = "unavailable"


class SmsTimeout(SmsError):
    """No (complete) answer within the configured timeout."""

    reason = "timeout"


class SmsRejected(SmsError):
    """The modem (+CMS ERROR / ERROR) or the gateway (status, success rule) refused the message."""

    reason = "rejected"

    def __init__(self, detail: str, *, code: int | None = None, retryable: bool = True,
                 sent_refs: tuple[str, ...] = ()) -> None:
        super().__init__(detail, sent_refs=sent_refs)
        self.code = code
        self.retryable = retryable


class SmsInvalidMessage(SmsError, ValueError):
    """The number or text cannot be encoded (bad number, too many parts). Raised before sending."""

    reason = "invalid"
    retryable = False


@runtime_checkable
class SmsSender(Protocol):
    """One way of sending texts. Implementations are thread-safe (one send at a time) and bounded
    by timeouts; send() raises only SmsError subclasses."""

    name: str

    def send(self, phone: str, text: str) -> SendResult:
        """Send `text` to `phone` (digits, optional leading '+'); split into parts as needed."""
        ...

    def close(self) -> None:
        """Release the port/connection; a later send() may reopen it."""
        ...
