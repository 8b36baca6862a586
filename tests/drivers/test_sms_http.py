"""The HTTP SMS-gateway driver against a real http.server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from acrel_console.drivers.sms.api import SmsInvalidMessage, SmsRejected, SmsSender, SmsTimeout, SmsUnavailable
from acrel_console.drivers.sms.http_gateway import HttpGateway, HttpGatewayConfig

TEXT = "户号:224,现金缴费：20.00元,余额：35.50元 & more=yes"


@dataclass
class Gateway:
    """What the fake gateway answers and what it received."""

    status: int = 200
    body: bytes = b'{"code": 0, "data": {"id": "m-77"}}'
    delay_s: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    base: str = ""


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    state = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            state.requests.append({
                "method": self.command, "path": self.path, "headers": dict(self.headers),
                "body": self.rfile.read(length) if length else b"",
            })
            if state.delay_s:
                time.sleep(state.delay_s)
            try:
                self.send_response(state.status)
                self.send_header("Content-Length", str(len(state.body)))
                self.end_headers()
                self.wfile.write(state.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        do_GET = _answer
        do_POST = _answer

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def gw(gateway: Gateway, **kw: Any) -> HttpGateway:
    kw.setdefault("url_template", gateway.base + "/send?to={phone}&msg={text}&key=SECRET")
    kw.setdefault("timeout_s", 2.0)
    return HttpGateway(HttpGatewayConfig(**kw))


def test_get_with_url_encoded_chinese(gateway: Gateway) -> None:
    sender = gw(gateway, success_json_field="code", success_json_value="0", message_id_json_field="data.id")
    assert isinstance(sender, SmsSender)
    result = sender.send("+86 138 0013 8000", TEXT)
    assert result.refs == ("m-77",) and result.driver == "http" and result.parts == 1
    (req,) = gateway.requests
    assert req["method"] == "GET"
    query = parse_qs(urlsplit(req["path"]).query)
    assert query == {"to": ["+8613800138000"], "msg": [TEXT], "key": ["SECRET"]}
    assert "SECRET" not in result.detail


def test_post_form(gateway: Gateway) -> None:
    gw(gateway, url_template=gateway.base + "/api", method="POST",
       body_template="mobile={phone}&content={text}&sign=ACREL").send("13800138000", TEXT)
    (req,) = gateway.requests
    assert req["method"] == "POST" and req["path"] == "/api"
    assert req["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(req["body"].decode("ascii")) == {"mobile": ["13800138000"], "content": [TEXT], "sign": ["ACREL"]}


def test_post_json_escapes_text(gateway: Gateway) -> None:
    text = 'quote " backslash \\ newline \n 中文'
    gw(gateway, url_template=gateway.base + "/json", method="POST", body_kind="json",
       body_template='{"to": ["{phone}"], "msg": "{text}", "meta": {"x": 1}}').send("10086", text)
    (req,) = gateway.requests
    assert req["headers"]["Content-Type"].startswith("application/json")
    assert json.loads(req["body"].decode("utf-8")) == {"to": ["10086"], "msg": text, "meta": {"x": 1}}


def test_http_error_statuses(gateway: Gateway) -> None:
    gateway.status, gateway.body = 503, b"busy"
    with pytest.raises(SmsRejected) as err:
        gw(gateway).send("10086", "x")
    assert err.value.code == 503 and err.value.retryable and "SECRET" not in str(err.value)
    gateway.status = 401
    with pytest.raises(SmsRejected) as err:
        gw(gateway).send("10086", "x")
    assert err.value.code == 401 and not err.value.retryable


def test_success_substring_rule(gateway: Gateway) -> None:
    gateway.body = "提交成功".encode()
    assert gw(gateway, success_substring="成功").send("10086", "x").refs == ()
    gateway.body = "余额不足".encode()
    with pytest.raises(SmsRejected) as err:
        gw(gateway, success_substring="成功").send("10086", "x")
    assert "余额不足" in str(err.value)


def test_json_field_rule(gateway: Gateway) -> None:
    gateway.body = b'{"result": {"code": "E42"}}'
    with pytest.raises(SmsRejected):
        gw(gateway, success_json_field="result.code", success_json_value="0").send("10086", "x")
    with pytest.raises(SmsRejected):
        gw(gateway, success_json_field="result.missing").send("10086", "x")
    gateway.body = b"not json"
    with pytest.raises(SmsRejected):
        gw(gateway, success_json_field="code").send("10086", "x")
    gateway.body = b'{"list": [{"ok": true}]}'
    assert gw(gateway, success_json_field="list.0.ok", success_json_value="True").send("10086", "x")


def test_timeout(gateway: Gateway) -> None:
    gateway.delay_s = 0.6
    with pytest.raises(SmsTimeout):
        gw(gateway, timeout_s=0.1).send("10086", "x")


def test_connection_refused() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(SmsUnavailable) as err:
        HttpGateway(HttpGatewayConfig(url_template=f"http://127.0.0.1:{port}/x?k=SECRET&t={{text}}")).send("1", "x")
    assert "SECRET" not in str(err.value)


def test_config_and_input_validation() -> None:
    with pytest.raises(ValueError):
        HttpGatewayConfig(url_template="ftp://x/{text}")
    with pytest.raises(ValueError):
        HttpGatewayConfig(url_template="http://x/", method="PUT")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        HttpGatewayConfig(url_template="http://x/", body_template="a={text}")
    with pytest.raises(SmsInvalidMessage):
        HttpGateway(HttpGatewayConfig(url_template="http://127.0.0.1:9/")).send("phone", "x")
