"""Alipay over the maintained `python-alipay-sdk` library (RSA2, public-key mode): 当面付 precreate QR,
手机网站支付 wap pay, query, close, refund, the daily bill download and notification verification.

What this module adds to the library, and why:
- the gateway is a base URL (the library fixes it to openapi.alipay.com unless debug=True): set on the
  client, so tests and a proxy can point it elsewhere;
- every request's `timestamp` is given in Beijing time from the site clock (the library takes the machine's
  local clock, which on a UTC PC is eight hours off what Alipay expects);
- a notification's notify_time is checked against the site clock (the library verifies the signature only):
  more than 5 minutes off is refused, and so is a notification for another app_id;
- library and network errors become ProviderError.
"""

from __future__ import annotations

import io
import logging
import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl
from urllib.request import urlopen

from acrel_console.domain.payments import fen_of_yuan_text, fresh, yuan_text
from acrel_console.drivers.payments.api import Checkout, Notification, NotificationRefused, ProviderError, RefundResult, Trade

log = logging.getLogger(__name__)
GATEWAY = "https://openapi.alipay.com/gateway.do"
CHINA = timezone(timedelta(hours=8))
TIMEOUT_S = 15
MAX_BILL_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class AlipayConfig:
    """An Alipay app's settings (site secrets file, never the database). Keys: PEM or the bare base64 that
    Alipay's key tool shows."""

    app_id: str
    app_private_key: str
    alipay_public_key: str
    notify_url: str = ""
    base_url: str = GATEWAY


def pem(key: str, kind: str) -> str:
    """A key as PEM: bare base64 (as Alipay's tool shows it) gets its header and footer."""
    text = key.strip()
    if text.startswith("-----BEGIN"):
        return text
    body = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"


def _china(at: datetime) -> str:
    return at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def _parse_china(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA).astimezone(timezone.utc)
    except ValueError:
        return None


class AlipayClient:
    """Alipay for one app. Calls block on HTTP (TIMEOUT_S): run them off the GUI thread. `clock` is the site
    clock (aware UTC)."""

    provider = "alipay"

    def __init__(self, cfg: AlipayConfig, clock: Callable[[], datetime]) -> None:
        self.cfg = cfg
        self.clock = clock
        self._lib: Any = None

    @property
    def lib(self) -> Any:
        if self._lib is None:
            from alipay import AliPay
            from alipay.utils import AliPayConfig as LibConfig

            try:
                lib = AliPay(appid=self.cfg.app_id, app_notify_url=self.cfg.notify_url or None,
                             app_private_key_string=pem(self.cfg.app_private_key, "RSA PRIVATE KEY"),
                             alipay_public_key_string=pem(self.cfg.alipay_public_key, "PUBLIC KEY"),
                             sign_type="RSA2", config=LibConfig(timeout=TIMEOUT_S))
            except Exception as exc:  # noqa: BLE001 - the library raises ValueError/its own for bad keys
                raise ProviderError(f"Alipay client: {type(exc).__name__}: {exc}", retry=False) from exc
            lib._gateway = self.cfg.base_url
            self._lib = lib
        return self._lib

    def _api(self, method: str, biz: dict[str, Any], **extra: Any) -> dict[str, Any]:
        from alipay.exceptions import AliPayException, AliPayValidationError

        try:
            result = self.lib.server_api(method, biz, timestamp=_china(self.clock()), **extra)
        except AliPayValidationError as exc:
            raise ProviderError(f"Alipay {method}: the answer's signature does not verify", retry=True) from exc
        except AliPayException as exc:
            raise ProviderError(f"Alipay {method}: {exc}", retry=False) from exc
        except Exception as exc:  # noqa: BLE001 - urllib errors, timeouts
            raise ProviderError(f"Alipay {method}: {type(exc).__name__}: {exc}") from exc
        return dict(result)

    @staticmethod
    def _failed(method: str, data: dict[str, Any]) -> ProviderError:
        code = str(data.get("code", ""))
        return ProviderError(f"Alipay {method}: {code} {data.get('sub_code', '')} {data.get('sub_msg', '')}".strip(),
                             retry=code in ("20000", "40004") and "SYSTEM_ERROR" in str(data.get("sub_code", "")),
                             code=str(data.get("sub_code") or code))

    # orders ------------------------------------------------------------------------------------------
    def create(self, out_trade_no: str, amount_fen: int, description: str, channel: str, *, expires_at: datetime,
               client_ip: str = "", openid: str = "", return_url: str = "") -> Checkout:
        biz = {"out_trade_no": out_trade_no, "total_amount": yuan_text(amount_fen), "subject": description[:128],
               "time_expire": _china(expires_at)}
        if channel == "precreate":
            data = self._api("alipay.trade.precreate", biz)
            if data.get("code") != "10000":
                raise self._failed("precreate", data)
            return Checkout(qr_payload=str(data["qr_code"]))
        if channel == "wap":
            biz["product_code"] = "QUICK_WAP_PAY"
            query = self.lib.client_api("alipay.trade.wap.pay", biz, timestamp=_china(self.clock()),
                                        return_url=return_url or None, notify_url=self.cfg.notify_url or None)
            return Checkout(redirect_url=f"{self.cfg.base_url}?{query}")
        raise ProviderError(f"Alipay has no channel {channel!r}", retry=False)

    @staticmethod
    def trade_of(data: dict[str, Any], out_trade_no: str = "") -> Trade:
        raw = str(data.get("trade_status", ""))
        state = ("paid" if raw in ("TRADE_SUCCESS", "TRADE_FINISHED") else "waiting" if raw == "WAIT_BUYER_PAY"
                 else "closed" if raw == "TRADE_CLOSED" else "unknown")
        total = data.get("total_amount")
        paid_at = _parse_china(data.get("gmt_payment") or data.get("send_pay_date"))
        return Trade(str(data.get("out_trade_no") or out_trade_no), state, data.get("trade_no") or None,
                     None if total in (None, "") else fen_of_yuan_text(str(total)), paid_at, raw)

    def query(self, out_trade_no: str) -> Trade:
        data = self._api("alipay.trade.query", {"out_trade_no": out_trade_no})
        if data.get("code") == "40004" and data.get("sub_code") == "ACQ.TRADE_NOT_EXIST":
            return Trade(out_trade_no, "unknown", raw_state="TRADE_NOT_EXIST")  # a QR nobody scanned yet
        if data.get("code") != "10000":
            raise self._failed("query", data)
        return self.trade_of(data, out_trade_no)

    def close(self, out_trade_no: str) -> None:
        """Close an unpaid trade. One nobody scanned does not exist at Alipay: its time_expire keeps it from
        being paid later, so 'not exist' is a success too."""
        data = self._api("alipay.trade.close", {"out_trade_no": out_trade_no})
        if data.get("code") == "10000" or data.get("sub_code") in ("ACQ.TRADE_NOT_EXIST", "ACQ.TRADE_STATUS_ERROR"):
            return
        raise self._failed("close", data)

    def refund(self, out_trade_no: str, transaction_id: str, out_refund_no: str, refund_fen: int,
               total_fen: int, reason: str) -> RefundResult:
        data = self._api("alipay.trade.refund", {"out_trade_no": out_trade_no, "refund_amount": yuan_text(refund_fen),
                                                 "out_request_no": out_refund_no, "refund_reason": reason[:256]})
        if data.get("code") != "10000":
            raise self._failed("refund", data)
        return RefundResult(out_refund_no, "done" if data.get("fund_change") == "Y" else "processing",
                            data.get("trade_no") or None)

    def query_refund(self, out_trade_no: str, out_refund_no: str) -> RefundResult:
        data = self._api("alipay.trade.fastpay.refund.query", {"out_trade_no": out_trade_no,
                                                               "out_request_no": out_refund_no})
        if data.get("code") != "10000":
            raise self._failed("refund query", data)
        if not data.get("refund_amount"):
            return RefundResult(out_refund_no, "failed")
        done = data.get("refund_status", "REFUND_SUCCESS") == "REFUND_SUCCESS"
        return RefundResult(out_refund_no, "done" if done else "processing", data.get("trade_no") or None)

    def statement(self, day: str) -> bytes:
        """The day's trade bill: the zip Alipay offers for download (CSV inside, GBK), as the CSV's bytes."""
        data = self._api("alipay.data.dataservice.bill.downloadurl.query", {"bill_type": "trade", "bill_date": day})
        if data.get("code") != "10000":
            raise self._failed("bill", data)
        try:
            with urlopen(str(data["bill_download_url"]), timeout=TIMEOUT_S) as reply:  # noqa: S310 - provider's URL
                raw = reply.read(MAX_BILL_BYTES + 1)
        except Exception as exc:  # noqa: BLE001 - urllib errors, timeouts
            raise ProviderError(f"Alipay bill download: {type(exc).__name__}: {exc}") from exc
        if len(raw) > MAX_BILL_BYTES:
            raise ProviderError("Alipay bill download: the file is too large", retry=False)
        return unzip_bill(raw)

    # notifications -----------------------------------------------------------------------------------
    def verify_notification(self, headers: dict[str, str], body: bytes, now: datetime) -> Notification:
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        at = _parse_china(form.get("notify_time"))
        if at is None:
            raise NotificationRefused("format", "no notify_time")
        if not fresh(at, now):
            raise NotificationRefused("stale", f"notify_time {form.get('notify_time')} (Beijing) is more than 5 "
                                               f"minutes from the site clock {now.isoformat()}")
        if form.get("app_id") != self.cfg.app_id:
            raise NotificationRefused("serial", f"for app {form.get('app_id')!r}, not this site's")
        signature = form.pop("sign", "")
        if form.get("sign_type", "RSA2") != "RSA2":
            raise NotificationRefused("format", f"sign_type {form.get('sign_type')!r}")
        try:
            ok = bool(signature) and self.lib.verify(dict(form), signature)
        except Exception as exc:  # noqa: BLE001 - malformed base64 and the like
            raise NotificationRefused("signature", f"{type(exc).__name__}: {exc}") from exc
        if not ok:
            raise NotificationRefused("signature", "the RSA2 signature does not verify")
        try:
            trade = self.trade_of(form)
        except ValueError as exc:
            raise NotificationRefused("format", str(exc)) from exc
        kind = "refund" if form.get("refund_fee") or form.get("gmt_refund") else "payment"
        return Notification(str(form.get("notify_id", "")), at, trade, kind)

    def test_connection(self) -> str:
        """Query an order that does not exist: a verified ACQ.TRADE_NOT_EXIST proves the app key is accepted and
        Alipay's public key verifies its answers."""
        self.query("acrelprobe" + secrets.token_hex(8))
        return "Alipay accepted the app key and its answer verified with the Alipay public key"


def unzip_bill(raw: bytes) -> bytes:
    """The detail CSV of an Alipay bill zip (the file whose name does not end in 汇总), or `raw` itself."""
    if raw[:2] != b"PK":
        return raw
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        names = [n for n in z.namelist() if n.lower().endswith(".csv")]
        detail = [n for n in names if "汇总" not in n] or names
        if not detail:
            raise ProviderError("Alipay bill: no CSV in the zip", retry=False)
        info = z.getinfo(detail[0])
        if info.file_size > MAX_BILL_BYTES:
            raise ProviderError("Alipay bill: the file is too large", retry=False)
        return z.read(detail[0])
