"""The tenant's own recharge in a real headless browser (Playwright driving Debian's /usr/bin/chromium): on the
kiosk the tenant types an amount, chooses WeChat Pay, sees the QR with the amount, pays at the stand-in (its
notification reaches the portal over HTTP) and the page follows the order to "delivered to the meter"; on the
phone the same for Alipay through the provider's page. The simulated meter holds each amount once and the ledger
check passes. Kiosk and phone screenshots in zh_CN and en (ACREL_SCREENSHOTS=DIR keeps them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from acrel_console.portal.server import PortalThread
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.storage.tables.ledger import TenantRow
from acrel_console.storage.tables.payments import PaymentOrderRow
from tests.payments.conftest import PayWorld, make_pay_world
from tests.payments.test_portal_recharge import PIN, _post_to
from tests.portal.test_browser import CHROMIUM, KIOSK, PHONE, browser, snap  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at "
                                                              "/usr/bin/chromium (scripts/install.sh installs it)")


@pytest.fixture
def pw(sqlite_url: str, keys: dict[str, Any]) -> Iterator[PayWorld]:
    """The payment world on SQLite only: the browser proves the pages; the backends are proven elsewhere."""
    yield from make_pay_world(sqlite_url, keys)


def _sign_in(page: Any, url: str, account_no: str, entry: str) -> None:
    page.goto(url + entry)
    page.wait_for_url("**/login*")
    page.fill("#account_no", account_no)
    page.fill("#pin", PIN)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/home")


def _latest_order(pw: PayWorld) -> str:
    with pw.ctx.read() as s:
        return str(s.execute(select(PaymentOrderRow.id).order_by(PaymentOrderRow.created_at.desc())).scalars().first())


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_kiosk_and_phone_recharge_in_a_browser(language: str, pw: PayWorld, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    with pw.ctx.read() as s:
        account_no = s.execute(select(TenantRow.account_no).where(TenantRow.name == "Li Si")).scalar_one()
    pw.svc.tenant_pins.set_pin(pw.cashier, account_no, PIN)
    portal = PortalThread(TenantPortalService(pw.ctx, pw.svc.control, payments=pw.payments)).start()
    locale = "zh-CN" if language == "zh_CN" else "en-US"
    meter = pw.meters[0]
    try:
        pw.wechat.sink = pw.alipay.sink = _post_to(portal.url)
        # the kiosk: WeChat Pay by QR
        context = browser.new_context(viewport=KIOSK, locale=locale, has_touch=True)
        page = context.new_page()
        _sign_in(page, portal.url, account_no, f"/kiosk?lang={language}")
        page.goto(f"{portal.url}/meters/{meter}")
        assert page.locator(".recharge-form .pay-wechat").count() == 1
        page.fill(".recharge-form input[name=amount]", "66")
        snap(page, tmp_path, f"recharge-kiosk-form-{language}")
        page.click(".recharge-form .pay-wechat")
        page.wait_for_url("**/orders/*")
        assert page.locator(".qr-box svg").count() == 1 and "66.00" in page.inner_text(".order .amount")
        assert page.get_attribute(".order", "data-state") == "open"
        snap(page, tmp_path, f"recharge-kiosk-qr-{language}")
        order_id = page.url.rsplit("/", 1)[1]
        pw.wechat.pay(pw.trade_no(order_id))  # the payer scans and pays; the notification reaches the portal
        page.reload()
        assert page.get_attribute(".order", "data-state") == "paid"
        pw.deliver()
        page.reload()
        assert page.get_attribute(".order", "data-delivery") == "delivered"
        text = page.inner_text(".order .order-status")
        assert ("已付款，已充入电表" if language == "zh_CN" else "Paid and delivered to the meter") in text
        snap(page, tmp_path, f"recharge-kiosk-delivered-{language}")
        context.close()

        # the phone: Alipay through the provider's page, then back to follow the order
        context = browser.new_context(viewport=PHONE, locale=locale, is_mobile=True, has_touch=True)
        page = context.new_page()
        _sign_in(page, portal.url, account_no, f"/login?lang={language}")
        page.goto(f"{portal.url}/meters/{meter}")
        page.fill(".recharge-form input[name=amount]", "12.50")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
        snap(page, tmp_path, f"recharge-phone-form-{language}")
        page.click(".recharge-form .pay-alipay")
        page.wait_for_url(lambda url: "alipay.trade.wap.pay" in url)  # the provider's page (the stand-in's)
        order_id = _latest_order(pw)
        pw.alipay.pay(pw.trade_no(order_id))
        pw.deliver()
        page.goto(f"{portal.url}/orders/{order_id}")
        assert page.get_attribute(".order", "data-delivery") == "delivered" and "12.50" in page.inner_text(".order")
        snap(page, tmp_path, f"recharge-phone-delivered-{language}")
        context.close()
        assert pw.sim_meter(meter).total_purchased_fen == 6600 + 1250
        pw.ledger_ok()
    finally:
        portal.stop()


def test_wechat_h5_sees_the_portal_as_the_referring_site(pw: PayWorld, browser: Any) -> None:  # noqa: F811
    """WeChat Pay accepts an H5 payment only when the browser names the merchant's registered site as the referring
    page: the phone's way to WeChat's page carries the portal's origin (and nothing of its paths: no order ids).
    With the portal's former 'same-origin' referrer policy the browser sent none, so real WeChat refused it."""
    with pw.ctx.read() as s:
        account_no = s.execute(select(TenantRow.account_no).where(TenantRow.name == "Li Si")).scalar_one()
    pw.svc.tenant_pins.set_pin(pw.cashier, account_no, PIN)
    portal = PortalThread(TenantPortalService(pw.ctx, pw.svc.control, payments=pw.payments)).start()
    try:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        _sign_in(page, portal.url, account_no, "/login?lang=en")
        page.goto(f"{portal.url}/meters/{pw.meters[0]}")
        page.fill(".recharge-form input[name=amount]", "20")
        with page.expect_request(lambda r: "/h5pay" in r.url, timeout=15_000) as went:
            page.click(".recharge-form .pay-wechat")
        referer = went.value.all_headers().get("referer", "")
        assert referer.rstrip("/") == portal.url.rstrip("/"), referer
        context.close()
    finally:
        portal.stop()
