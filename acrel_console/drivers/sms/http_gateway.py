"""HTTP SMS-gateway driver: URL/body templates with {phone} and {text}, a success rule, a timeout.

Only the literal tokens {phone}, {text} and {key} (the gateway's secret) are replaced (so JSON braces
in a body template need no escaping). Values are URL-encoded in the URL and in form bodies, JSON-escaped in JSON bodies.
Success = HTTP 2xx, and the body contains `success_substring` if set, and the JSON field
`success_json_field` (dotted path, e.g. "result.code") equals `success_json_value` if set.
Error texts name the host only: a gateway URL usually carries an API key. A failed success rule
is retryable (gateways report "busy" that way; the policy bounds retries); HTTP 4xx is not.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote, quote_plus, urlsplit

from acrel_console.drivers.sms.api import SendResult, SmsInvalidMessage, SmsRejected, SmsTimeout, SmsUnavailable
from acrel_console.drivers.sms.pdu import normalise_number, segment_count

MAX_BODY_BYTES = 64 * 1024  # a gateway answer is short; never read an unbounded body


@dataclass(frozen=True, slots=True)
class HttpGatewayConfig:
    """One site's SMS gateway."""

    url_template: str  # e.g. https://sms.example.com/send?to={phone}&msg={text}&key=ABC
    method: Literal["GET", "POST"] = "GET"
    body_template: str | None = None  # POST only; {phone}/{text} replaced
    body_kind: Literal["form", "json"] = "form"
    headers: tuple[tuple[str, str], ...] = ()
    success_substring: str | None = None
    success_json_field: str | None = None
    success_json_value: str | None = None  # compared with str() of the field; None: field must exist
    message_id_json_field: str | None = None  # where the gateway puts its message id, if anywhere
    timeout_s: float = 10.0
    proxy: str | None = None  # http://host:port; environment proxy variables are never used
    key: str = ""  # the gateway's API key/password: replaces {key} (kept beside the site key, never in the db)

    def __repr__(self) -> str:  # the key never reaches a log through a repr
        return f"HttpGatewayConfig(url_template={self.url_template!r}, method={self.method!r}, key={'***' if self.key else ''!r})"

    def __post_init__(self) -> None:
        if self.method not in ("GET", "POST"):
            raise ValueError(f"method must be GET or POST, not {self.method!r}")
        if self.body_kind not in ("form", "json"):
            raise ValueError(f"body_kind must be form or json, not {self.body_kind!r}")
        if urlsplit(self.url_template).scheme not in ("http", "https"):
            raise ValueError("the gateway URL must start with http:// or https://")
        if self.method == "GET" and self.body_template:
            raise ValueError("a GET request has no body")


def _fill(template: str, phone: str, text: str, escape: Any, key: str = "") -> str:
    return template.replace("{phone}", escape(phone)).replace("{text}", escape(text)).replace("{key}", escape(key))


def _json_escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _json_field(document: Any, path: str) -> Any:
    node = document
    for key in path.split("."):
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            raise KeyError(path)
    return node


class HttpGateway:
    """SmsSender over an HTTP gateway (stdlib urllib; one request per text, no client-side splitting)."""

    name = "http"

    def __init__(self, config: HttpGatewayConfig) -> None:
        self.config = config
        self._host = urlsplit(config.url_template).hostname or "?"
        self._lock = threading.Lock()
        proxies = {} if config.proxy is None else {"http": config.proxy, "https": config.proxy}
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler(proxies))

    def build_request(self, phone: str, text: str) -> urllib.request.Request:
        """The request send() makes (public so a settings dialog can preview it)."""
        cfg = self.config
        url = _fill(cfg.url_template, phone, text, lambda v: quote(v, safe=""), cfg.key)
        data: bytes | None = None
        headers = dict(cfg.headers)
        if cfg.method == "POST" and cfg.body_template is not None:
            if cfg.body_kind == "json":
                data = _fill(cfg.body_template, phone, text, _json_escape, cfg.key).encode("utf-8")
                headers.setdefault("Content-Type", "application/json; charset=utf-8")
            else:
                data = _fill(cfg.body_template, phone, text, quote_plus, cfg.key).encode("ascii")
                headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urllib.request.Request(url, data=data, headers=headers, method=cfg.method)

    def send(self, phone: str, text: str) -> SendResult:
        number = normalise_number(phone)
        if not text:
            raise SmsInvalidMessage("empty text")
        request = self.build_request(number, text)
        with self._lock:
            status, body = self._exchange(request)
        return self._judge(status, body, text)

    def close(self) -> None:
        """Nothing is kept open between requests."""

    def _exchange(self, request: urllib.request.Request) -> tuple[int, bytes]:
        try:
            with self._opener.open(request, timeout=self.config.timeout_s) as response:
                return response.status, response.read(MAX_BODY_BYTES)
        except urllib.error.HTTPError as exc:
            body = exc.read(MAX_BODY_BYTES) if exc.fp is not None else b""
            exc.close()
            return exc.code, body
        except (TimeoutError, socket.timeout) as exc:
            raise SmsTimeout(f"gateway {self._host} did not answer within {self.config.timeout_s} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise SmsTimeout(f"gateway {self._host} did not answer within {self.config.timeout_s} s") from exc
            raise SmsUnavailable(f"gateway {self._host} unreachable: {exc.reason}") from exc
        except OSError as exc:  # connection reset mid-answer, etc.
            raise SmsUnavailable(f"gateway {self._host} failed: {exc}") from exc

    def _judge(self, status: int, body: bytes, text: str) -> SendResult:
        cfg = self.config
        snippet = body[:200].decode("utf-8", "replace")
        if not 200 <= status < 300:
            # 4xx: our request is wrong (key, template) and will stay wrong; 5xx/408/429: try later
            retryable = status >= 500 or status in (408, 429)
            raise SmsRejected(f"gateway {self._host} answered HTTP {status}: {snippet}", code=status,
                              retryable=retryable)
        decoded = body.decode("utf-8", "replace")
        if cfg.success_substring is not None and cfg.success_substring not in decoded:
            raise SmsRejected(f"gateway {self._host} answer lacks {cfg.success_substring!r}: {snippet}",
                              code=status)
        message_id = ""
        if cfg.success_json_field is not None or cfg.message_id_json_field is not None:
            try:
                document = json.loads(decoded)
            except ValueError:
                raise SmsRejected(f"gateway {self._host} answer is not JSON: {snippet}", code=status,
                                  retryable=False) from None
            if cfg.success_json_field is not None:
                try:
                    value = _json_field(document, cfg.success_json_field)
                except KeyError:
                    raise SmsRejected(f"gateway {self._host} answer has no {cfg.success_json_field}: {snippet}",
                                      code=status, retryable=False) from None
                if cfg.success_json_value is not None and str(value) != cfg.success_json_value:
                    raise SmsRejected(
                        f"gateway {self._host} answered {cfg.success_json_field}={value!r}: {snippet}",
                        code=status,
                    )
            if cfg.message_id_json_field is not None:
                try:
                    message_id = str(_json_field(document, cfg.message_id_json_field))
                except KeyError:
                    message_id = ""
        return SendResult(driver=self.name, parts=segment_count(text), refs=(message_id,) if message_id else (),
                          detail=f"HTTP {status} from {self._host}")
