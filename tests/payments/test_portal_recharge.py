"""The tenant recharges their own meter on the kiosk (QR) and on the phone (the provider's page), over real HTTP
to the portal; the provider's notification reaches the portal's /pay/notify/<provider> over HTTP too; the order
page follows the order to "delivered to the meter"."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from acrel_console.portal.server import PortalThread
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.storage.tables.ledger import TenantRow
from tests.payments.conftest import PayWorld

PIN = "246813"


def _post_to(url: str):  # type: ignore[no-untyped-def]
    def sink(provider: str, headers: dict[str, str], body: bytes) -> int:
        return httpx.post(f"{url}/pay/notify/{provider}", content=body, headers=headers, timeout=10).status_code
    return sink


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_kiosk_recharge_followed_to_the_meter(pw: PayWorld, provider: str) -> None:
    with pw.ctx.read() as s:
        account_no = s.execute(select(TenantRow.account_no).where(TenantRow.name == "Li Si")).scalar_one()
    pw.svc.tenant_pins.set_pin(pw.cashier, account_no, PIN)
    service = TenantPortalService(pw.ctx, pw.svc.control, payments=pw.payments)
    portal = PortalThread(service).start()
    try:
        pw.standin(provider).sink = _post_to(portal.url)
        with httpx.Client(base_url=portal.url, timeout=10) as c:
            c.cookies.set("acrel_layout", "kiosk")
            csrf = c.post("/api/login", json={"account_no": account_no, "pin": PIN}).json()["csrf_token"]
            page = c.get(f"/meters/{pw.meters[0]}").text
            assert "/recharge" in page
            r = c.post(f"/meters/{pw.meters[0]}/recharge", data={"csrf": csrf, "amount": "66", "provider": provider})
            assert r.status_code == 303 and r.headers["location"].startswith("/orders/")
            order_url = r.headers["location"]
            page = c.get(order_url).text
            assert "<svg" in page and "66.00" in page and 'data-state="open"' in page
            assert c.post(f"/meters/{pw.meters[1]}/recharge",  # another tenant's meter: like one that does not exist
                          data={"csrf": csrf, "amount": "5", "provider": provider}).status_code == 404
            order_id = order_url.rsplit("/", 1)[1]
            pw.standin(provider).pay(pw.trade_no(order_id))  # notification over HTTP to the portal
            page = c.get(order_url).text
            assert 'data-state="paid"' in page and 'http-equiv="refresh"' in page
            pw.deliver()
            page = c.get(order_url).text
            assert 'data-delivery="delivered"' in page and 'http-equiv="refresh"' not in page
        assert (pw.sim_meter(pw.meters[0]).total_purchased_fen, pw.sim_meter(pw.meters[0]).purchase_count) == (6600, 1)
        summary = pw.svc.shifts.current(type(pw.cashier)(None, "online", pw.cashier.role))
        assert summary is not None and summary.sales_by_method[provider] == 66
        pw.ledger_ok()
    finally:
        portal.stop()


def test_phone_recharge_goes_to_the_providers_page(pw: PayWorld) -> None:
    with pw.ctx.read() as s:
        account_no = s.execute(select(TenantRow.account_no).where(TenantRow.name == "Li Si")).scalar_one()
    pw.svc.tenant_pins.set_pin(pw.cashier, account_no, PIN)
    portal = PortalThread(TenantPortalService(pw.ctx, pw.svc.control, payments=pw.payments)).start()
    try:
        with httpx.Client(base_url=portal.url, timeout=10) as c:
            csrf = c.post("/api/login", json={"account_no": account_no, "pin": PIN}).json()["csrf_token"]
            # the post goes to our order page (a form may not redirect off the site: CSP form-action 'self'), which
            # opens the provider's page at once
            r = c.post(f"/meters/{pw.meters[0]}/recharge", data={"csrf": csrf, "amount": "12.5", "provider": "wechat"})
            assert r.status_code == 303 and r.headers["location"].startswith("/orders/")
            assert f"url='{pw.wechat.base_url}/h5pay" in c.get(r.headers["location"]).text
            r = c.post(f"/meters/{pw.meters[0]}/recharge", data={"csrf": csrf, "amount": "12.5", "provider": "alipay"})
            assert r.status_code == 303 and r.headers["location"].endswith("?pay=1")
            page = c.get(r.headers["location"]).text
            go_to = page.split("url='", 1)[1].split("'", 1)[0].replace("&amp;", "&")
            assert "alipay.trade.wap.pay" in httpx.URL(go_to).params["method"]
            order_url = r.headers["location"].removesuffix("?pay=1")
            assert httpx.URL(go_to).params["return_url"].endswith(order_url)  # back to this order's own page
            assert 'content="0;' not in c.get(order_url).text  # followed there, not sent to the provider again
            bad = c.post(f"/meters/{pw.meters[0]}/recharge", data={"csrf": csrf, "amount": "abc", "provider": "wechat"})
            assert bad.status_code == 400 and "Traceback" not in bad.text
        pw.ledger_ok()
    finally:
        portal.stop()
