"""WeChat Pay API v3 over the maintained `wechatpayv3` library: Native QR, H5 and JSAPI orders, query, close,
refund, the daily trade bill, and notification verification in both platform modes (platform certificates,
or the platform public key and its id that merchants opened since late 2024 get instead).

What this module adds to the library, and why:
- the gateway is a base URL (the library hard-codes api.mch.weixin.qq.com in `Core._gate_way`, with no
  parameter): set on the core before anything is requested, so tests and a proxy can point it elsewhere;
- a notification's Wechatpay-Timestamp is checked against the site clock (the library verifies the signature
  only, so a captured day-old notification would pass): more than 5 minutes off is refused;
- in public-key mode a notification signed under another serial is refused at once (the library would go and
  download certificates it cannot use);
- every library error (it raises bare Exception, requests raises its own) becomes a ProviderError.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from acrel_console.domain.payments import fresh
from acrel_console.drivers.payments.api import Checkout, Notification, NotificationRefused, ProviderError, RefundResult, Trade

log = logging.getLogger(__name__)
GATEWAY = "https://api.mch.weixin.qq.com"
CHINA = timezone(timedelta(hours=8))  # WeChat Pay's times are Beijing time (RFC 3339 with +08:00)
TIMEOUT_S = (5, 15)  # connect, read
PAID_STATES = ("SUCCESS", "REFUND")  # REFUND: paid, then (partly) refunded
CLOSED_STATES = ("CLOSED", "REVOKED", "PAYERROR")


@dataclass(frozen=True, slots=True)
class WeChatConfig:
    """A direct merchant's WeChat Pay v3 settings (kept in the site secrets file, never in the database)."""

    mchid: str
    appid: str
    private_key: str  # the merchant API private key (PEM, apiclient_key.pem)
    cert_serial_no: str  # the merchant API certificate's serial number
    apiv3_key: str  # 32 characters
    notify_url: str  # where notifications go (any https URL: with no public callback, query confirms)
    public_key: str = ""  # platform public key (PEM): public-key mode
    public_key_id: str = ""  # PUB_KEY_ID_...: public-key mode
    cert_dir: str = ""  # platform-certificate mode: where downloaded certificates are kept
    base_url: str = GATEWAY

    @property
    def mode(self) -> str:
        return "public_key" if self.public_key_id else "certificate"


def _iso(at: datetime) -> str:
    return at.astimezone(CHINA).isoformat(timespec="seconds")


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(timezone.utc)
    except ValueError:
        return None


def make_library_client(cfg: WeChatConfig) -> Any:
    """The library's WeChatPay object pointed at `cfg.base_url`.

    The core is built by hand because WeChatPay.__init__ builds its own Core, and in certificate mode that
    Core downloads the platform certificates from the hard-coded gateway inside its constructor."""
    from wechatpayv3 import WeChatPay, WeChatPayType
    from wechatpayv3.core import Core

    base = cfg.base_url.rstrip("/")

    class _Core(Core):  # type: ignore[misc]
        def _init_certificates(self) -> None:
            self._gate_way = base  # before the first request, which the library makes from its constructor
            super()._init_certificates()

    try:
        core = _Core(mchid=cfg.mchid, cert_serial_no=cfg.cert_serial_no, private_key=cfg.private_key,
                     apiv3_key=cfg.apiv3_key, cert_dir=cfg.cert_dir or None, logger=None, proxy=None,
                     timeout=TIMEOUT_S, public_key=cfg.public_key or None, public_key_id=cfg.public_key_id or None)
    except Exception as exc:  # noqa: BLE001 - the library raises bare Exception for bad keys and no certificates
        raise ProviderError(f"WeChat Pay client: {exc}", retry="certificate" in str(exc)) from exc
    core._gate_way = base
    client = WeChatPay.__new__(WeChatPay)
    client._type, client._mchid, client._appid = WeChatPayType.NATIVE, cfg.mchid, cfg.appid
    client._notify_url, client._core, client._partner_mode = cfg.notify_url, core, False
    return client


class WeChatPayClient:
    """WeChat Pay for one merchant. Calls block on HTTP (timeouts TIMEOUT_S): run them off the GUI thread."""

    provider = "wechat"

    def __init__(self, cfg: WeChatConfig) -> None:
        self.cfg = cfg
        self._lib: Any = None

    @property
    def lib(self) -> Any:
        if self._lib is None:
            self._lib = make_library_client(self.cfg)
        return self._lib

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> tuple[int, Any]:
        try:
            code, message = fn(*args, **kwargs)
        except ProviderError:
            raise
        except Exception as exc:  # noqa: BLE001 - requests errors and the library's bare Exception
            raise ProviderError(f"WeChat Pay {what}: {type(exc).__name__}: {exc}") from exc
        return int(code), message

    @staticmethod
    def _json(message: Any) -> dict[str, Any]:
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        try:
            data = json.loads(message or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _fail(self, what: str, code: int, message: Any) -> ProviderError:
        data = self._json(message)
        return ProviderError(f"WeChat Pay {what}: HTTP {code} {data.get('code', '')} {data.get('message', '')}".strip(),
                             retry=code >= 500 or code == 429, code=str(data.get("code", code)))

    # orders ------------------------------------------------------------------------------------------
    def create(self, out_trade_no: str, amount_fen: int, description: str, channel: str, *, expires_at: datetime,
               client_ip: str = "", openid: str = "", return_url: str = "") -> Checkout:
        from wechatpayv3 import WeChatPayType

        kinds = {"native": WeChatPayType.NATIVE, "h5": WeChatPayType.H5, "jsapi": WeChatPayType.JSAPI}
        if channel not in kinds:
            raise ProviderError(f"WeChat Pay has no channel {channel!r}", retry=False)
        extra: dict[str, Any] = {}
        if channel == "h5":
            extra["scene_info"] = {"payer_client_ip": client_ip or "127.0.0.1", "h5_info": {"type": "Wap"}}
        if channel == "jsapi":
            if not openid:
                raise ProviderError("WeChat Pay JSAPI needs the payer's openid", retry=False)
            extra["payer"] = {"openid": openid}
        code, message = self._call("order", self.lib.pay, description=description[:127], out_trade_no=out_trade_no,
                                   amount={"total": int(amount_fen), "currency": "CNY"}, time_expire=_iso(expires_at),
                                   pay_type=kinds[channel], **extra)
        if code not in (200, 201):
            raise self._fail("order", code, message)
        data = self._json(message)
        if channel == "native":
            return Checkout(qr_payload=str(data["code_url"]))
        if channel == "h5":
            url = str(data["h5_url"])
            if return_url:
                from urllib.parse import quote

                url += "&redirect_url=" + quote(return_url, safe="")
            return Checkout(redirect_url=url)
        package = f"prepay_id={data['prepay_id']}"
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        sign = self.lib.sign([self.cfg.appid, stamp, nonce, package])
        return Checkout(jsapi_params={"appId": self.cfg.appid, "timeStamp": stamp, "nonceStr": nonce,
                                      "package": package, "signType": "RSA", "paySign": sign})

    @staticmethod
    def trade_of(data: dict[str, Any]) -> Trade:
        raw = str(data.get("trade_state", ""))
        state = ("paid" if raw in PAID_STATES else "waiting" if raw in ("NOTPAY", "USERPAYING")
                 else "closed" if raw in CLOSED_STATES else "unknown")
        amount = data.get("amount") or {}
        total = amount.get("total")
        return Trade(str(data.get("out_trade_no", "")), state, data.get("transaction_id") or None,
                     None if total is None else int(total), _parse_time(data.get("success_time")), raw)

    def query(self, out_trade_no: str) -> Trade:
        code, message = self._call("query", self.lib.query, out_trade_no=out_trade_no)
        if code == 404:
            return Trade(out_trade_no, "unknown", raw_state="ORDER_NOT_EXIST")
        if code != 200:
            raise self._fail("query", code, message)
        return self.trade_of(self._json(message))

    def close(self, out_trade_no: str) -> None:
        code, message = self._call("close", self.lib.close, out_trade_no=out_trade_no)
        if code in (200, 204):
            return
        data = self._json(message)
        if data.get("code") in ("ORDER_PAID", "ORDER_CLOSED", "ORDER_NOT_EXIST"):
            return  # the query after closing says which
        raise self._fail("close", code, message)

    def refund(self, out_trade_no: str, transaction_id: str, out_refund_no: str, refund_fen: int,
               total_fen: int, reason: str) -> RefundResult:
        code, message = self._call("refund", self.lib.refund, out_refund_no=out_refund_no,
                                   amount={"refund": int(refund_fen), "total": int(total_fen), "currency": "CNY"},
                                   transaction_id=transaction_id, reason=reason[:80] or None)
        if code not in (200, 201):
            raise self._fail("refund", code, message)
        return self._refund_of(self._json(message), out_refund_no)

    @staticmethod
    def _refund_of(data: dict[str, Any], out_refund_no: str) -> RefundResult:
        status = str(data.get("status", ""))
        state = {"SUCCESS": "done", "PROCESSING": "processing"}.get(status, "failed")
        return RefundResult(out_refund_no, state, data.get("refund_id") or None)

    def query_refund(self, out_trade_no: str, out_refund_no: str) -> RefundResult:
        code, message = self._call("refund query", self.lib.query_refund, out_refund_no=out_refund_no)
        if code == 404:
            return RefundResult(out_refund_no, "failed")
        if code != 200:
            raise self._fail("refund query", code, message)
        return self._refund_of(self._json(message), out_refund_no)

    def statement(self, day: str) -> bytes:
        """The day's trade bill (交易账单, bill_type ALL) as text bytes, its SHA-1 checked."""
        code, message = self._call("bill", self.lib.trade_bill, bill_date=day, bill_type="ALL", tar_type="GZIP")
        if code != 200:
            raise self._fail("bill", code, message)
        info = self._json(message)
        code, content = self._call("bill download", self.lib.download_bill, url=str(info["download_url"]))
        if code != 200:
            raise self._fail("bill download", code, content)
        raw = content if isinstance(content, bytes) else str(content).encode("utf-8")
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        if info.get("hash_type", "SHA1").upper() == "SHA1" and info.get("hash_value"):
            if hashlib.sha1(raw).hexdigest().lower() != str(info["hash_value"]).lower():
                raise ProviderError("WeChat Pay bill: the file's SHA-1 does not match", retry=True)
        return raw

    # notifications -----------------------------------------------------------------------------------
    def verify_notification(self, headers: dict[str, str], body: bytes, now: datetime) -> Notification:
        h = {k.lower(): v for k, v in headers.items()}
        try:
            stamp = datetime.fromtimestamp(int(h.get("wechatpay-timestamp", "")), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise NotificationRefused("format", "no Wechatpay-Timestamp") from None
        if not fresh(stamp, now):
            raise NotificationRefused("stale", f"Wechatpay-Timestamp {stamp.isoformat()} is more than 5 minutes "
                                               f"from the site clock {now.isoformat()}")
        serial = h.get("wechatpay-serial", "")
        if self.cfg.mode == "public_key" and serial != self.cfg.public_key_id:
            raise NotificationRefused("serial", f"signed under {serial!r}, not the platform public key id")
        text = body.decode("utf-8", "replace")
        try:
            if not self.lib._core._verify_signature(h, text):
                raise NotificationRefused("signature", "the signature does not verify")
            data = self.lib.callback(h, text)
        except NotificationRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - the library raises bare Exception for unknown algorithms
            raise NotificationRefused("format", f"{type(exc).__name__}: {exc}") from exc
        if not data or not isinstance(data.get("resource"), dict):
            raise NotificationRefused("decrypt", "the resource does not decrypt with the APIv3 key")
        event = str(data.get("event_type", ""))
        kind = "payment" if event.startswith("TRANSACTION.") else "refund" if event.startswith("REFUND.") else "other"
        resource = data["resource"]
        trade = self.trade_of(resource) if kind == "payment" else Trade(str(resource.get("out_trade_no", "")),
                                                                        "unknown", resource.get("transaction_id"))
        return Notification(str(data.get("id", "")), stamp, trade, kind)

    def test_connection(self) -> str:
        """Sign a query for an order that does not exist: the provider knows the merchant key when it answers
        ORDER_NOT_EXIST (401 means the key or serial is wrong). Returns what was proven, in English."""
        probe = "acrelprobe" + secrets.token_hex(8)
        code, message = self._call("connection test", self.lib.query, out_trade_no=probe)
        if code in (200, 404):
            return f"WeChat Pay accepted the merchant key ({self.cfg.mode} mode)"
        raise self._fail("connection test", code, message)
