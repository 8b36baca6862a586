"""Provider stand-ins on loopback: WeChat Pay API v3 and Alipay's gateway, implementing the published request,
answer and notification formats with keys generated here. They check the console's signatures as the
providers do, sign their answers and notifications with their own keys, encrypt WeChat's notification resource
with AES-256-GCM under the APIv3 key, and serve the daily bills. The clients are pointed at them by base URL.

Test controls: `pay(out_trade_no, amount_fen=None, notify=True)` plays the payer (a different amount makes a
wrong-amount payment); `notification(...)` builds a notification to replay, forge or age; `sink` receives
notifications (a callable standing for the callback URL; None = the callback is unreachable, i.e. lost)."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import secrets
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

CHINA = timezone(timedelta(hours=8))
Sink = Callable[[str, dict[str, str], bytes], int]


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def public_pem(key: rsa.RSAPrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def rsa_sign(key: rsa.RSAPrivateKey, text: str) -> str:
    return base64.b64encode(key.sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()


def rsa_ok(public: Any, text: str, signature: str) -> bool:
    try:
        public.verify(base64.b64decode(signature), text.encode(), padding.PKCS1v15(), hashes.SHA256())
        return True
    except Exception:  # noqa: BLE001
        return False


class _Server:
    """A threaded HTTP server on 127.0.0.1 calling `handle(method, path, headers, body) -> (status, headers, body)`."""

    def __init__(self, handle: Callable[[str, str, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]) -> None:
        outer = handle

        class Handler(BaseHTTPRequestHandler):
            def _do(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, headers, out = outer(self.command, self.path, dict(self.headers.items()), body)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            do_GET = do_POST = _do

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Order:
    out_trade_no: str
    amount_fen: int
    notify_url: str
    description: str
    state: str = "NOTPAY"
    transaction_id: str = ""
    paid_fen: int = 0
    paid_at: datetime | None = None
    scanned: bool = False
    refunds: dict[str, int] = field(default_factory=dict)
    refunded_at: datetime | None = None


# ---- WeChat Pay API v3 ---------------------------------------------------------------------------------

class WeChatStandIn:
    """api.mch.weixin.qq.com on loopback, for one direct merchant."""

    def __init__(self, clock: Callable[[], datetime], *, mode: str = "public_key",
                 merchant_key: rsa.RSAPrivateKey | None = None, platform_key: rsa.RSAPrivateKey | None = None) -> None:
        self.clock = clock
        self.mode = mode
        self.mchid, self.appid, self.serial_no = "1900000109", "wxd678efh567hg6787", "5157F09EFDC096DE15EBE81A47057A72"
        self.apiv3_key = secrets.token_hex(16)  # 32 characters
        self.merchant_key = merchant_key or new_key()
        self.platform_key = platform_key or new_key()
        self.public_key_id = "PUB_KEY_ID_0119000001092025110600000001"
        self.cert = self._certificate() if mode == "certificate" else None
        self.orders: dict[str, Order] = {}
        self.requests: list[tuple[str, str]] = []
        self.refund_status = "SUCCESS"
        self.bill_edits: Callable[[list[list[str]]], list[list[str]]] = lambda rows: rows
        self.sink: Sink | None = None
        self._txn = 4200002000
        self.server = _Server(self._handle)
        self.base_url = f"http://127.0.0.1:{self.server.port}"

    def _certificate(self) -> x509.Certificate:
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA stand-in")])
        now = datetime.now(timezone.utc)
        return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(self.platform_key.public_key()).serial_number(0x5EB4B8A6F1D2C3B4A5968778695A4B3C)
                .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
                .sign(self.platform_key, hashes.SHA256()))

    @property
    def platform_serial(self) -> str:
        return self.public_key_id if self.cert is None else format(self.cert.serial_number, "X")

    def config_fields(self, notify_url: str = "https://pay.example.invalid/pay/notify/wechat") -> dict[str, str]:
        fields = {"mchid": self.mchid, "appid": self.appid, "cert_serial_no": self.serial_no,
                  "private_key": private_pem(self.merchant_key), "apiv3_key": self.apiv3_key, "notify_url": notify_url,
                  "base_url": self.base_url}
        if self.mode == "public_key":
            fields.update(public_key=public_pem(self.platform_key), public_key_id=self.public_key_id)
        return fields

    def stop(self) -> None:
        self.server.stop()

    # wire -----------------------------------------------------------------------------------------------
    def _signed(self, status: int, data: Any, content_type: str = "application/json") -> tuple[int, dict[str, str], bytes]:
        body = b"" if data is None else (data if isinstance(data, bytes) else json.dumps(data).encode())
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        headers = {"Content-Type": content_type, "Wechatpay-Timestamp": stamp, "Wechatpay-Nonce": nonce,
                   "Wechatpay-Serial": self.platform_serial, "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
                   "Wechatpay-Signature": rsa_sign(self.platform_key, f"{stamp}\n{nonce}\n{body.decode('utf-8', 'replace')}\n")}
        return status, headers, body

    def _authorised(self, method: str, path: str, headers: dict[str, str], body: bytes) -> bool:
        auth = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if not auth.startswith("WECHATPAY2-SHA256-RSA2048 "):
            return False
        parts = dict(p.split("=", 1) for p in auth.split(" ", 1)[1].split(","))
        parts = {k.strip(): v.strip().strip('"') for k, v in parts.items()}
        if parts.get("mchid") != self.mchid or parts.get("serial_no") != self.serial_no:
            return False
        if abs(int(parts.get("timestamp", "0")) - time.time()) > 300:
            return False
        text = f"{method}\n{path}\n{parts['timestamp']}\n{parts['nonce_str']}\n{body.decode()}\n"
        return rsa_ok(self.merchant_key.public_key(), text, parts.get("signature", ""))

    def _handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        self.requests.append((method, path))
        if not self._authorised(method, path, headers, body):
            return self._signed(401, {"code": "SIGN_ERROR", "message": "签名错误"})
        url = urlsplit(path)
        query = dict(parse_qsl(url.query))
        data = json.loads(body or b"{}")
        p = url.path
        if method == "POST" and p in ("/v3/pay/transactions/native", "/v3/pay/transactions/h5",
                                      "/v3/pay/transactions/jsapi"):
            no = data["out_trade_no"]
            if data.get("mchid") != self.mchid or data.get("appid") != self.appid:
                return self._signed(400, {"code": "PARAM_ERROR", "message": "mchid/appid"})
            self.orders.setdefault(no, Order(no, int(data["amount"]["total"]), data["notify_url"], data["description"]))
            if p.endswith("native"):
                return self._signed(200, {"code_url": f"weixin://wxpay/bizpayurl?pr={no[:8]}"})
            if p.endswith("h5"):
                return self._signed(200, {"h5_url": f"{self.base_url}/h5pay?prepay_id=wx{no[:16]}"})
            return self._signed(200, {"prepay_id": f"wx{no[:16]}"})
        if p.startswith("/v3/pay/transactions/out-trade-no/"):
            rest = p[len("/v3/pay/transactions/out-trade-no/"):]
            if method == "POST" and rest.endswith("/close"):
                order = self.orders.get(rest[:-len("/close")])
                if order is not None and order.state == "SUCCESS":
                    return self._signed(400, {"code": "ORDER_PAID", "message": "订单已支付"})
                if order is not None:
                    order.state = "CLOSED"
                return self._signed(204, None)
            if query.get("mchid") != self.mchid:
                return self._signed(400, {"code": "PARAM_ERROR", "message": "mchid"})
            order = self.orders.get(rest)
            if order is None:
                return self._signed(404, {"code": "ORDER_NOT_EXIST", "message": "订单不存在"})
            return self._signed(200, self.transaction(order))
        if method == "POST" and p == "/v3/refund/domestic/refunds":
            order = next((o for o in self.orders.values() if o.transaction_id == data.get("transaction_id")), None)
            if order is None:
                return self._signed(404, {"code": "RESOURCE_NOT_EXISTS", "message": "订单不存在"})
            order.refunds.setdefault(data["out_refund_no"], int(data["amount"]["refund"]))
            order.refunded_at = order.refunded_at or self.clock()
            return self._signed(200, {"refund_id": "50000" + data["out_refund_no"][:10],
                                      "out_refund_no": data["out_refund_no"], "status": self.refund_status})
        if p.startswith("/v3/refund/domestic/refunds/"):
            no = p.rsplit("/", 1)[1]
            if not any(no in o.refunds for o in self.orders.values()):
                return self._signed(404, {"code": "RESOURCE_NOT_EXISTS", "message": "退款单不存在"})
            return self._signed(200, {"refund_id": "50000" + no[:10], "out_refund_no": no, "status": self.refund_status})
        if p == "/v3/certificates":
            if self.cert is None:
                return self._signed(404, {"code": "RESOURCE_NOT_EXISTS", "message": "请使用平台公钥"})
            nonce = secrets.token_hex(6)
            pem = self.cert.public_bytes(serialization.Encoding.PEM)
            ct = AESGCM(self.apiv3_key.encode()).encrypt(nonce.encode(), pem, b"certificate")
            now = datetime.now(CHINA)
            return self._signed(200, {"data": [{"serial_no": self.platform_serial,
                                                "effective_time": (now - timedelta(days=1)).isoformat(timespec="seconds"),
                                                "expire_time": (now + timedelta(days=365)).isoformat(timespec="seconds"),
                                                "encrypt_certificate": {"algorithm": "AEAD_AES_256_GCM", "nonce": nonce,
                                                                        "associated_data": "certificate",
                                                                        "ciphertext": base64.b64encode(ct).decode()}}]})
        if p == "/v3/bill/tradebill":
            bill = self.bill(query["bill_date"])
            return self._signed(200, {"hash_type": "SHA1", "hash_value": hashlib.sha1(bill).hexdigest(),
                                      "download_url": f"{self.base_url}/v3/billdownload/file?token={query['bill_date']}"})
        if p == "/v3/billdownload/file":
            return 200, {"Content-Type": "application/octet-stream"}, gzip.compress(self.bill(query["token"]))
        return self._signed(404, {"code": "NOT_FOUND", "message": p})

    def transaction(self, order: Order) -> dict[str, Any]:
        out: dict[str, Any] = {"appid": self.appid, "mchid": self.mchid, "out_trade_no": order.out_trade_no,
                               "trade_state": order.state, "trade_state_desc": order.state, "trade_type": "NATIVE",
                               "amount": {"total": order.paid_fen or order.amount_fen, "currency": "CNY"}}
        if order.state in ("SUCCESS", "REFUND"):
            out.update(transaction_id=order.transaction_id, success_time=order.paid_at.astimezone(CHINA).isoformat(
                timespec="seconds") if order.paid_at else None,
                amount={"total": order.paid_fen, "payer_total": order.paid_fen, "currency": "CNY"})
        return out

    # the payer --------------------------------------------------------------------------------------
    def pay(self, out_trade_no: str, amount_fen: int | None = None, notify: bool = True) -> tuple[dict[str, str], bytes]:
        order = self.orders[out_trade_no]
        self._txn += 1
        order.state, order.transaction_id = "SUCCESS", f"{self._txn}20260301{secrets.randbelow(10**8):08d}"
        order.paid_fen, order.paid_at = amount_fen or order.amount_fen, self.clock()
        headers, body = self.notification(order)
        if notify and self.sink is not None:
            self.sink("wechat", headers, body)
        return headers, body

    def notification(self, order: Order, *, at: datetime | None = None, key: rsa.RSAPrivateKey | None = None,
                     serial: str | None = None, notify_id: str | None = None) -> tuple[dict[str, str], bytes]:
        resource = json.dumps(self.transaction(order), ensure_ascii=False).encode()
        nonce = secrets.token_hex(6)
        ct = AESGCM(self.apiv3_key.encode()).encrypt(nonce.encode(), resource, b"transaction")
        when = at or self.clock()
        body = json.dumps({"id": notify_id or f"EV-{secrets.token_hex(10)}", "create_time": when.astimezone(CHINA).isoformat(
            timespec="seconds"), "resource_type": "encrypt-resource", "event_type": "TRANSACTION.SUCCESS",
            "summary": "支付成功", "resource": {"original_type": "transaction", "algorithm": "AEAD_AES_256_GCM",
                                             "ciphertext": base64.b64encode(ct).decode(), "associated_data": "transaction",
                                             "nonce": nonce}}, ensure_ascii=False).encode()
        stamp, wnonce = str(int(when.timestamp())), secrets.token_hex(16)
        headers = {"Wechatpay-Timestamp": stamp, "Wechatpay-Nonce": wnonce,
                   "Wechatpay-Serial": serial or self.platform_serial,
                   "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
                   "Wechatpay-Signature": rsa_sign(key or self.platform_key, f"{stamp}\n{wnonce}\n{body.decode()}\n"),
                   "Content-Type": "application/json"}
        return headers, body

    def bill(self, day: str) -> bytes:
        head = ["交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型",
                "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号", "退款金额",
                "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费", "费率", "订单金额", "申请退款金额",
                "费率备注"]
        rows: list[list[str]] = []
        for o in self.orders.values():
            if o.paid_at is not None and o.paid_at.astimezone(CHINA).date().isoformat() == day:
                yuan = f"{o.paid_fen / 100:.2f}"
                rows.append([o.paid_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"), self.appid, self.mchid, "0", "",
                             o.transaction_id, o.out_trade_no, "oUpF8uMuAJO", "NATIVE", "SUCCESS", "OTHERS", "CNY", yuan,
                             "0.00", "0", "0", "0.00", "0.00", "", "", o.description, "", "0.00", "0.60%", yuan, "0.00", ""])
            for no, fen in o.refunds.items():
                if o.refunded_at and o.refunded_at.astimezone(CHINA).date().isoformat() == day:
                    rows.append([o.refunded_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"), self.appid, self.mchid,
                                 "0", "", o.transaction_id, o.out_trade_no, "oUpF8uMuAJO", "NATIVE", "REFUND", "OTHERS",
                                 "CNY", "0.00", "0.00", "50000" + no[:10], no, f"{fen / 100:.2f}", "0.00", "ORIGINAL",
                                 "SUCCESS", o.description, "", "0.00", "0.60%", f"{o.paid_fen / 100:.2f}",
                                 f"{fen / 100:.2f}", ""])
        rows = self.bill_edits(rows)
        out = io.StringIO()
        out.write(",".join(head) + "\r\n")
        for r in rows:
            out.write(",".join("`" + c for c in r) + "\r\n")
        out.write("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n")
        out.write(f"`{len(rows)},`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n")
        return out.getvalue().encode("utf-8")


# ---- Alipay ---------------------------------------------------------------------------------------------

class AlipayStandIn:
    """openapi.alipay.com/gateway.do on loopback, for one app (RSA2, public-key mode)."""

    def __init__(self, clock: Callable[[], datetime], *, app_key: rsa.RSAPrivateKey | None = None,
                 alipay_key: rsa.RSAPrivateKey | None = None) -> None:
        self.clock = clock
        self.app_id = "2021000123456789"
        self.app_key = app_key or new_key()
        self.alipay_key = alipay_key or new_key()
        self.orders: dict[str, Order] = {}
        self.requests: list[str] = []
        self.bill_edits: Callable[[list[list[str]]], list[list[str]]] = lambda rows: rows
        self.sink: Sink | None = None
        self._txn = 2026030122001400000
        self.server = _Server(self._handle)
        self.base_url = f"http://127.0.0.1:{self.server.port}/gateway.do"

    def config_fields(self, notify_url: str = "https://pay.example.invalid/pay/notify/alipay") -> dict[str, str]:
        return {"app_id": self.app_id, "app_private_key": private_pem(self.app_key),
                "alipay_public_key": public_pem(self.alipay_key), "notify_url": notify_url, "base_url": self.base_url}

    def stop(self) -> None:
        self.server.stop()

    def _answer(self, method: str, inner: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        key = method.replace(".", "_") + "_response"
        text = json.dumps(inner, ensure_ascii=False, separators=(",", ":"))
        body = '{"' + key + '":' + text + ',"sign":"' + rsa_sign(self.alipay_key, text) + '"}'
        return 200, {"Content-Type": "text/html;charset=utf-8"}, body.encode()

    def _handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        url = urlsplit(path)
        if url.path.startswith("/bill/"):
            return 200, {"Content-Type": "application/zip"}, self.bill_zip(url.path.split("/")[-1][:10])
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        if method == "POST" and body:
            params.update(parse_qsl(body.decode(), keep_blank_values=True))
        api = params.get("method", "")
        self.requests.append(api)
        sign = params.pop("sign", "")
        text = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        if params.get("app_id") != self.app_id or not rsa_ok(self.app_key.public_key(), text, sign):
            return self._answer(api, {"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-signature",
                                      "sub_msg": "验签出错"})
        stamp = datetime.strptime(params["timestamp"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
        if abs(stamp - self.clock()) > timedelta(minutes=30):
            return self._answer(api, {"code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-timestamp",
                                      "sub_msg": "非法的时间戳参数"})
        biz = json.loads(params.get("biz_content") or "{}")
        no = biz.get("out_trade_no", "")
        order = self.orders.get(no)
        if api == "alipay.trade.wap.pay":  # the payer's browser opens 手机网站支付: the trade exists from now on
            fen = round(float(biz["total_amount"]) * 100)
            self.orders.setdefault(no, Order(no, fen, params.get("notify_url", ""), biz["subject"]))
            page = f"<!DOCTYPE html><title>支付宝</title><h1>支付宝 stand-in</h1><p>{biz['total_amount']}</p>"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()
        if api == "alipay.trade.precreate":
            fen = round(float(biz["total_amount"]) * 100)
            self.orders.setdefault(no, Order(no, fen, params.get("notify_url", ""), biz["subject"]))
            return self._answer(api, {"code": "10000", "msg": "Success", "out_trade_no": no,
                                      "qr_code": f"https://qr.alipay.com/bax0{no[:12]}"})
        if api == "alipay.trade.query":
            if order is None or not order.scanned:
                return self._answer(api, {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_NOT_EXIST",
                                          "sub_msg": "交易不存在"})
            return self._answer(api, {"code": "10000", "msg": "Success", **self.trade(order)})
        if api == "alipay.trade.close":
            if order is None or not order.scanned:
                return self._answer(api, {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_NOT_EXIST",
                                          "sub_msg": "交易不存在"})
            if order.state == "TRADE_SUCCESS":
                return self._answer(api, {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_STATUS_ERROR",
                                          "sub_msg": "交易状态不合法"})
            order.state = "TRADE_CLOSED"
            return self._answer(api, {"code": "10000", "msg": "Success", "out_trade_no": no})
        if api == "alipay.trade.refund":
            if order is None or order.state != "TRADE_SUCCESS":
                return self._answer(api, {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.TRADE_NOT_EXIST",
                                          "sub_msg": "交易不存在"})
            fen = round(float(biz["refund_amount"]) * 100)
            order.refunds.setdefault(biz["out_request_no"], fen)
            order.refunded_at = order.refunded_at or self.clock()
            return self._answer(api, {"code": "10000", "msg": "Success", "trade_no": order.transaction_id,
                                      "out_trade_no": no, "refund_fee": biz["refund_amount"], "fund_change": "Y"})
        if api == "alipay.trade.fastpay.refund.query":
            fen = order.refunds.get(biz.get("out_request_no", "")) if order else None
            if fen is None:
                return self._answer(api, {"code": "10000", "msg": "Success"})
            return self._answer(api, {"code": "10000", "msg": "Success", "out_request_no": biz["out_request_no"],
                                      "refund_amount": f"{fen / 100:.2f}", "refund_status": "REFUND_SUCCESS"})
        if api == "alipay.data.dataservice.bill.downloadurl.query":
            origin = self.base_url.rsplit("/", 1)[0]
            return self._answer(api, {"code": "10000", "msg": "Success",
                                      "bill_download_url": f"{origin}/bill/{biz['bill_date']}.zip"})
        return self._answer(api, {"code": "40004", "msg": "Business Failed", "sub_code": "ACQ.NOT_SUPPORTED"})

    def trade(self, order: Order) -> dict[str, str]:
        out = {"out_trade_no": order.out_trade_no, "trade_status": order.state,
               "total_amount": f"{(order.paid_fen or order.amount_fen) / 100:.2f}"}
        if order.transaction_id:
            out["trade_no"] = order.transaction_id
        if order.paid_at is not None:
            out["send_pay_date"] = order.paid_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
        return out

    def scan(self, out_trade_no: str) -> None:
        """The payer scanned the QR: the trade now exists at Alipay (WAIT_BUYER_PAY)."""
        order = self.orders[out_trade_no]
        order.scanned, order.state = True, "WAIT_BUYER_PAY"

    def pay(self, out_trade_no: str, amount_fen: int | None = None, notify: bool = True) -> tuple[dict[str, str], bytes]:
        order = self.orders[out_trade_no]
        self._txn += 1
        order.scanned, order.state, order.transaction_id = True, "TRADE_SUCCESS", str(self._txn)
        order.paid_fen, order.paid_at = amount_fen or order.amount_fen, self.clock()
        headers, body = self.notification(order)
        if notify and self.sink is not None:
            self.sink("alipay", headers, body)
        return headers, body

    def notification(self, order: Order, *, at: datetime | None = None, key: rsa.RSAPrivateKey | None = None,
                     notify_id: str | None = None) -> tuple[dict[str, str], bytes]:
        when = at or self.clock()
        form = {"notify_time": when.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"), "notify_type": "trade_status_sync",
                "notify_id": notify_id or secrets.token_hex(16), "app_id": self.app_id, "charset": "utf-8",
                "version": "1.0", "trade_no": order.transaction_id, "out_trade_no": order.out_trade_no,
                "total_amount": f"{order.paid_fen / 100:.2f}", "receipt_amount": f"{order.paid_fen / 100:.2f}",
                "trade_status": order.state, "subject": order.description, "buyer_id": "2088102122524333",
                "gmt_payment": order.paid_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if order.paid_at else ""}
        text = "&".join(f"{k}={v}" for k, v in sorted(form.items()))
        form["sign"] = rsa_sign(key or self.alipay_key, text)
        form["sign_type"] = "RSA2"
        return {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, urlencode(form).encode()

    def bill_zip(self, day: str) -> bytes:
        head = ["支付宝交易号", "商户订单号", "业务类型", "商品名称", "创建时间", "完成时间", "门店编号", "门店名称", "操作员",
                "终端号", "对方账户", "订单金额（元）", "商家实收（元）", "支付宝红包（元）", "集分宝（元）", "支付宝优惠（元）",
                "商家优惠（元）", "券核销金额（元）", "券名称", "商家红包消费金额（元）", "卡消费金额（元）", "退款批次号/请求号",
                "服务费（元）", "分润（元）", "备注"]
        rows: list[list[str]] = []
        for o in self.orders.values():
            if o.paid_at is not None and o.paid_at.astimezone(CHINA).date().isoformat() == day:
                t = o.paid_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
                yuan = f"{o.paid_fen / 100:.2f}"
                rows.append([o.transaction_id, o.out_trade_no, "交易", o.description, t, t, "", "", "", "", "buyer@example",
                             yuan, yuan, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", "", "-0.06", "0.00", ""])
            for no, fen in o.refunds.items():
                if o.refunded_at and o.refunded_at.astimezone(CHINA).date().isoformat() == day:
                    t = o.refunded_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
                    rows.append([o.transaction_id, o.out_trade_no, "退款", o.description, t, t, "", "", "", "",
                                 "buyer@example", f"-{fen / 100:.2f}", f"-{fen / 100:.2f}", "0.00", "0.00", "0.00", "0.00",
                                 "0.00", "", "0.00", "0.00", no, "0.06", "0.00", ""])
        rows = self.bill_edits(rows)
        out = io.StringIO()
        out.write("#支付宝业务明细查询\r\n#账号：[20881234567890]\r\n#起始日期：[" + day + " 00:00:00]\r\n")
        out.write("#-----------------------------------------业务明细列表----------------------------------------\r\n")
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(head)
        w.writerows(rows)
        out.write("#-----------------------------------------业务明细列表结束------------------------------------\r\n")
        out.write(f"#交易合计：{len(rows)}笔\r\n")
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as z:
            z.writestr(f"20881234567890_{day.replace('-', '')}_业务明细.csv", out.getvalue().encode("gb18030"))
            z.writestr(f"20881234567890_{day.replace('-', '')}_业务明细(汇总).csv", "#汇总\r\n".encode("gb18030"))
        return data.getvalue()
