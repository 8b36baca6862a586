"""The lobby kiosk as a Qt window, for a kiosk PC without a browser: a client of the portal's JSON API (it
never touches the database or a meter). Large touch targets, an on-screen keypad, and an idle timeout
that signs out and returns to the sign-in screen. Only tenant functions exist here.

HTTP runs on a TaskRunner worker; widgets are only touched on the GUI thread."""

from __future__ import annotations

import http.cookiejar
import json
import urllib.error
import urllib.request
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from acrel_console.domain.errors import UserError
from acrel_console.domain.status import MeterStatus
from acrel_console.ui.tasks import TaskFailure, TaskRunner
from acrel_console.ui.theme import Theme, theme

HTTP_TIMEOUT_S = 10
DEFAULT_IDLE_S = 60


class PortalUnavailable(UserError):
    """The portal answered with an error (its message is already in the kiosk's language)."""


def portal_base(url: str) -> str:
    """http://host:port of a kiosk URL such as http://127.0.0.1:8080/kiosk."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class PortalClient:
    """The portal's JSON API with a session cookie and the CSRF token login returns (worker thread only)."""

    def __init__(self, base_url: str, language: str) -> None:
        self.base = portal_base(base_url)
        self.language = language
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self._csrf = ""

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {"Accept": "application/json", "Accept-Language": self.language.replace("_", "-")}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if method == "POST" and self._csrf:
            headers["X-CSRF-Token"] = self._csrf
        request = urllib.request.Request(f"{self.base}{path}?lang={self.language}", data=data, headers=headers,
                                         method=method)
        try:
            with self._opener.open(request, timeout=HTTP_TIMEOUT_S) as reply:
                raw = reply.read()
        except urllib.error.HTTPError as err:
            try:
                message = json.loads(err.read() or b"{}").get("error") or str(err)
            except ValueError:
                message = str(err)
            raise PortalUnavailable("{message}", message=message) from None
        except OSError as err:
            raise PortalUnavailable("{message}", message=str(err)) from None
        return json.loads(raw) if raw else None

    def login(self, account_no: str, pin: str) -> dict[str, Any]:
        found: dict[str, Any] = self._call("POST", "/api/login", {"account_no": account_no, "pin": pin})
        self._csrf = str(found.get("csrf_token", ""))
        return found

    def account(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The tenant with their meters, and the recharge history."""
        me: dict[str, Any] = self._call("GET", "/api/me")
        recharges: list[dict[str, Any]] = self._call("GET", "/api/recharges")["recharges"]
        return me, recharges

    def logout(self) -> None:
        if self._csrf:
            try:
                self._call("POST", "/api/logout", {})
            finally:
                self._csrf = ""


def _money(text: str | None) -> str:
    return "—" if text is None else f"{Decimal(text):,.2f}"


def _site_time(iso: str | None, zone: str) -> str:
    """An ISO UTC time from the API as the site's wall time 'YYYY-MM-DD HH:MM'."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    except (ValueError, KeyError):
        return iso[:16]


def _colours() -> dict[str, str]:
    """The window's colours from the theme (no colour literal outside ui/theme.py)."""
    return {"primary": Theme.role("kiosk_primary").name(), "line": Theme.role("kiosk_line").name(),
            "paper": Theme.role("paper").name(), "ground": Theme.role("nav_background").name(),
            "error": Theme.role("error").name()}


class KioskWindow(QWidget):
    """Sign-in (with keypad) and the tenant's account; back to sign-in after `idle_s` without a touch."""

    def __init__(self, client: PortalClient, runner: TaskRunner | None = None, idle_s: int = DEFAULT_IDLE_S,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.runner = runner or TaskRunner(parent=self)
        self.setObjectName("kiosk")
        c = _colours()
        self.setStyleSheet(f"#kiosk {{ background: {c['ground']}; }} QLabel {{ font-size: 26px; }} "
                           f"QPushButton {{ font-size: 30px; min-height: 88px; padding: 0 28px; border-radius: 12px; "
                           f"border: 1px solid {c['primary']}; background: {c['paper']}; color: {c['primary']}; }} "
                           "QLineEdit { font-size: 40px; padding: 14px; } "
                           f"QPushButton#primary {{ background: {c['primary']}; color: {c['paper']}; }}")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._sign_in_page())
        self.stack.addWidget(self._account_page())
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Tenant service"))
        title.setStyleSheet(f"font-size: 40px; font-weight: 600; color: {c['paper']}; background: {c['primary']}; "
                            "padding: 24px;")
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(max(5, idle_s) * 1000)
        self.idle.timeout.connect(self.sign_out)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # pages -------------------------------------------------------------------------------------
    def _sign_in_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(self.tr("Account no.")))
        self.account_edit = QLineEdit()
        self.account_edit.setMaxLength(20)
        box.addWidget(self.account_edit)
        box.addWidget(QLabel(self.tr("PIN")))
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        box.addWidget(self.pin_edit)
        self.target = self.account_edit
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            text = {"clear": self.tr("Clear"), "back": "⌫"}.get(key, key)
            button = QPushButton(text)
            button.setMinimumHeight(120)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        box.addLayout(grid)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.clicked.connect(self.sign_in)
        box.addWidget(self.sign_in_button)
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {_colours()['error']};")
        box.addWidget(self.error_label)
        box.addStretch(1)
        for edit in (self.account_edit, self.pin_edit):
            edit.installEventFilter(self)
        return page

    def _account_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        head = QHBoxLayout()
        self.hello = QLabel("")
        self.hello.setStyleSheet("font-size: 36px; font-weight: 600;")
        head.addWidget(self.hello, 1)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        head.addWidget(self.sign_out_button)
        box.addLayout(head)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content_box = QVBoxLayout(self.content)
        scroll.setWidget(self.content)
        box.addWidget(scroll, 1)
        return page

    # behaviour ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        editing = isinstance(watched, QLineEdit) and watched in (self.account_edit, self.pin_edit)
        if kind == QEvent.Type.FocusIn and editing and isinstance(watched, QLineEdit):
            self.target = watched
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin) and \
                self.stack.currentIndex() == 1:
            self.idle.start()
        return False

    def _key(self, key: str) -> None:
        edit = self.target
        if key == "back":
            edit.setText(edit.text()[:-1])
        elif key == "clear":
            edit.clear()
        elif len(edit.text()) < edit.maxLength():
            edit.setText(edit.text() + key)

    def sign_in(self) -> None:
        account_no, pin = self.account_edit.text().strip(), self.pin_edit.text()
        self.sign_in_button.setEnabled(False)
        self.error_label.clear()

        def work() -> tuple[dict[str, Any], list[dict[str, Any]]]:
            self.client.login(account_no, pin)
            return self.client.account()

        self.runner.run(work, self._show_account, self._sign_in_failed, owner=self)

    def _sign_in_failed(self, failure: TaskFailure) -> None:
        self.sign_in_button.setEnabled(True)
        self.pin_edit.clear()
        self.error_label.setText(failure.message)

    def _clear_content(self) -> None:
        while self.content_box.count():
            item = self.content_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _card(self, lines: list[tuple[str, str]], badge: tuple[str, str, str] | None = None) -> QFrame:
        card = QFrame()
        c = _colours()
        card.setStyleSheet(f"QFrame {{ background: {c['paper']}; border: 1px solid {c['line']}; border-radius: 16px; }}")
        box = QVBoxLayout(card)
        if badge is not None:
            text, background, foreground = badge
            label = QLabel(text)
            label.setStyleSheet(f"background: {background}; color: {foreground}; border-radius: 18px; "
                                "padding: 6px 16px; font-weight: 600; border: none;")
            box.addWidget(label)
        for caption, value in lines:
            label = QLabel(f"{caption}: {value}" if caption else value)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setStyleSheet("border: none;")
            box.addWidget(label)
        return card

    def _show_account(self, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        me, recharges = result
        zone = str(me.get("time_zone") or "Asia/Shanghai")
        self.sign_in_button.setEnabled(True)
        self.account_edit.clear()
        self.pin_edit.clear()
        self.hello.setText(self.tr("Hello, {name}").format(name=me.get("name", "")))
        self._clear_content()
        on, off, unknown = self.tr("On"), self.tr("Off"), self.tr("Unknown")
        for m in me.get("meters", []):
            status = MeterStatus(m["status"])
            style = theme().style(status)
            background, foreground = style.background.name(), style.foreground.name()
            relay = {"closed": on, "open": off}.get(m.get("relay") or "", unknown)
            lines = [("", str(m.get("room") or m.get("meter_no") or m["meter_id"])),
                     (self.tr("Remaining amount"), self.tr("Not read yet") if m.get("remaining") is None
                      else self.tr("{amount} yuan").format(amount=_money(m.get("remaining")))),
                     (self.tr("Power"), relay)]
            if m.get("pending_credit") and Decimal(m["pending_credit"]) > 0:
                lines.append((self.tr("Top-up on its way"), self.tr("{amount} yuan").format(
                    amount=_money(m["pending_credit"]))))
            badge = (style.label(), background, foreground)
            self.content_box.addWidget(self._card(lines, badge))
        title = QLabel(self.tr("Recharge history"))
        title.setStyleSheet("font-size: 32px; font-weight: 600;")
        self.content_box.addWidget(title)
        for r in recharges[:10]:
            self.content_box.addWidget(self._card([
                ("", f"{_site_time(r.get('at'), zone)}  {self.tr('{amount} yuan').format(amount=_money(r.get('amount')))}"),
                (self.tr("Receipt no."), str(r.get("receipt_no") or "—"))]))
        self.content_box.addStretch(1)
        self.stack.setCurrentIndex(1)
        self.idle.start()

    def sign_out(self) -> None:
        """Back to the sign-in screen (the session ends on the portal too)."""
        self.idle.stop()
        self._clear_content()
        self.hello.clear()
        self.stack.setCurrentIndex(0)
        self.account_edit.setFocus()
        self.runner.run(self.client.logout, None, lambda _failure: None, owner=self, quiet=True)
