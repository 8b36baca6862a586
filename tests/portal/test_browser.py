"""The portal in a real headless browser (Playwright driving Debian's /usr/bin/chromium; no browser is ever
downloaded) against a live site: the simulator over real Modbus on loopback, the site runtime (poller and
dispatcher), the real vending service at the counter.

- A recharge sold at the counter shows on the phone page within one refresh (first on its way, then on
  the meter once delivered and read back).
- "Switch off" on the phone reaches the simulated meter and is confirmed; "Switch on" likewise.
- Phone (390x844) and kiosk (1080x1920) screenshots in zh_CN and en: no sideways scrolling on the phone,
  large touch targets and a working keypad on the kiosk, the kiosk's idle timeout back to sign-in, and no
  link or form leading anywhere but the tenant's own pages.

Screenshots go to the test's temporary folder; ACREL_SCREENSHOTS=DIR keeps them there to look at."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.meter import Model
from acrel_console.runtime import SiteRuntime
from acrel_console.services import passwords
from acrel_console.services.base import Actor
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.operators import AuditRow
from tests.integration.sim_site import SimSite, make_site, meters, wait_for
from tests.ledger.helpers import SITE_KEY
from tests.portal.helpers import PIN, portal_service, serving

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
KIOSK = {"width": 1080, "height": 1920}
TENANT_PATHS = re.compile(r"^(/|/home|/recharges|/settings(/pin|/sms)?|/logout|/login|/meters/\d+(/switch)?)(\?.*)?$")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at "
                                                              "/usr/bin/chromium (scripts/install.sh installs it)")


@dataclass
class LiveSite:
    site: SimSite
    bus: SimBus
    cashier: Actor
    account_no: str
    meter_id: int
    url: str


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def live(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveSite]:
    monkeypatch.setattr(passwords, "_N", 2**4)
    site = make_site(sqlite_url)
    site.ctx.site_key = SITE_KEY
    svc = site.svc
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1, 2], load_w=0, remaining_fen=10_000))
    svc.settings.update(site.admin, {"site_name": "万达广场 A 座", "portal_tenant_control": True})
    cashier = svc.operators.add(site.admin, "cash1", "cashier", "secret1")
    who = Actor(cashier.id, cashier.name, cashier.role)
    m1, m2 = site.meter_ids[("A", 1)], site.meter_ids[("A", 2)]
    account = svc.accounts.open_account(who, "张三便利店", "A-101", [m1], phone="13800138000")
    svc.accounts.open_account(who, "李四", "A-102", [m2])
    svc.tenant_pins.set_pin(who, account.account_no, PIN)
    runtime = SiteRuntime(svc, maintenance=False)
    assert runtime.start()
    try:
        for fut in runtime.poller.sweep_now():
            fut.result(timeout=30)
        with serving(portal_service(site)) as url:
            yield LiveSite(site, bus, who, account.account_no, m1, url)
    finally:
        runtime.stop()
        site.close()


def shots() -> Path | None:
    keep = os.environ.get("ACREL_SCREENSHOTS")
    return Path(keep) if keep else None


def snap(page: Any, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    folder = shots()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def sign_in(page: Any, live: LiveSite, entry: str = "/login") -> None:
    page.goto(live.url + entry)
    page.fill("#account_no", live.account_no)
    page.fill("#pin", PIN)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/home")


def remaining(page: Any, meter_id: int) -> Decimal:
    return Decimal(page.get_attribute(f"#meter-{meter_id} .amount", "data-remaining"))


def test_counter_recharge_shows_on_the_phone_within_one_refresh(live: LiveSite, browser: Any,
                                                                  tmp_path: Path) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live)
    before = remaining(page, live.meter_id)
    assert before == Decimal("100.00")
    sale = live.site.svc.vending.sell(live.cashier, live.meter_id, Decimal("50.00"), "cash")  # at the counter
    page.reload()  # one refresh: the sale is there at once, on its way to the meter (or already on it)
    card = page.inner_text(f"#meter-{live.meter_id}")
    assert "充值下发中：50.00 元" in card or remaining(page, live.meter_id) == Decimal("150.00")
    wait_for(lambda: _command_state(live, sale.command_id) == "delivered", what="delivery to the simulator")
    page.reload()  # one refresh after the read-back: the new balance from the meter itself
    assert remaining(page, live.meter_id) == Decimal("150.00")
    assert "充值下发中" not in page.inner_text(f"#meter-{live.meter_id}")
    assert live.bus.meter(1).remaining_fen == 15_000
    page.click("nav.tabs a[href='/recharges']")
    assert sale.receipt_no in page.inner_text("main")
    assert "已到表" in page.inner_text("main")
    context.close()


def _command_state(live: LiveSite, command_id: str | None) -> str:
    with live.site.ctx.read() as s:
        return str(s.execute(select(MeterCommandRow.state).where(MeterCommandRow.id == command_id)).scalar())


def test_switch_off_and_on_from_the_phone_reaches_the_meter_and_is_confirmed(live: LiveSite, browser: Any,
                                                                             tmp_path: Path) -> None:
    context = browser.new_context(viewport=PHONE, locale="en-US", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Switch this meter off?"
    sign_in(page, live)
    page.click(f"#meter-{live.meter_id} form.switch button")
    page.wait_for_selector(f"#meter-{live.meter_id} .command.ok", timeout=30_000)  # the page refreshes itself
    assert "Switched off: confirmed by the meter." in page.inner_text(f"#meter-{live.meter_id}")
    assert not any(live.bus.meter(1).relay_closed)
    snap(page, tmp_path, "portal-phone-switched-off-en")
    page.click(f"#meter-{live.meter_id} form.switch button")  # now "Switch on"
    page.wait_for_selector(f"#meter-{live.meter_id} .command.ok", timeout=30_000)
    assert "Switched on: confirmed by the meter." in page.inner_text(f"#meter-{live.meter_id}")
    assert all(live.bus.meter(1).relay_closed)
    with live.site.ctx.read() as s:
        log = [(r.operator_name, r.kind, r.after_json) for r in s.execute(
            select(AuditRow).where(AuditRow.kind.like("control.%")).order_by(AuditRow.id)).scalars()]
    tenant = f"tenant:{live.account_no}"
    assert [(who, kind) for who, kind, _ in log] == [(tenant, "control.trip"), ("system", "control.confirmed"),
                                                     (tenant, "control.close"), ("system", "control.confirmed")]
    assert all(f'"operator":"{tenant}"' in after for who, _k, after in log if who == "system")
    context.close()


def seed_usage(live: LiveSite, days: int = 40) -> None:
    """Forty days of history for the chart (the simulated meters here draw no load)."""
    import random
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from acrel_console.storage.tables.readings import DailyEnergyRow

    today = live.site.ctx.clock().astimezone(ZoneInfo("Asia/Shanghai")).date()
    rnd = random.Random(16)
    with live.site.ctx.transaction() as s:
        for i in range(days):
            p = [rnd.randint(0, 300), rnd.randint(200, 900), rnd.randint(300, 800), rnd.randint(100, 500)]
            s.merge(DailyEnergyRow(meter_id=live.meter_id, day=today - timedelta(days=i), energy_total=sum(p),
                                   energy_p1=p[0], energy_p2=p[1], energy_p3=p[2], energy_p4=p[3], readings=48,
                                   resets=0))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_phone_pages_screenshots(language: str, live: LiveSite, browser: Any, tmp_path: Path) -> None:
    seed_usage(live)
    live.site.svc.vending.sell(live.cashier, live.meter_id, Decimal("50.00"), "wechat")
    context = browser.new_context(viewport=PHONE, locale="zh-CN" if language == "zh_CN" else "en-US",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live.url}/login?lang={language}")
    snap(page, tmp_path, f"portal-phone-login-{language}")
    sign_in(page, live)
    for path, name in (("/home", "home"), (f"/meters/{live.meter_id}", "usage"), ("/recharges", "recharges"),
                       ("/settings", "settings")):
        page.goto(live.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path  # no sideways scroll
        assert page.locator("html").get_attribute("lang") == ("zh-CN" if language == "zh_CN" else "en")
        snap(page, tmp_path, f"portal-phone-{name}-{language}")
    page.goto(f"{live.url}/meters/{live.meter_id}")
    assert page.locator("svg.chart g rect").count() >= 4 * 30 - 10  # bars drawn by the server: no script, no CDN
    words = {"zh_CN": ("剩余金额", "近30天每日用电量"), "en": ("Remaining amount", "Daily energy, last 30 days")}
    text = page.inner_text("main")
    assert all(w in text for w in words[language])
    context.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_kiosk_large_touch_keypad_idle_timeout_and_nothing_else_reachable(language: str, live: LiveSite,
                                                                          browser: Any, tmp_path: Path) -> None:
    context = browser.new_context(viewport=KIOSK, locale="zh-CN" if language == "zh_CN" else "en-US",
                                  has_touch=True)
    page = context.new_page()
    page.clock.install()
    page.goto(f"{live.url}/kiosk?lang={language}")
    page.wait_for_url("**/login*")
    assert page.locator("body.kiosk").count() == 1
    page.click("#account_no")
    for digit in live.account_no:
        page.click(f".keypad button[data-key='{digit}']")
    page.click("#pin")
    for digit in PIN + "9":
        page.click(f".keypad button[data-key='{digit}']")
    page.click(".keypad button[data-key='back']")
    assert page.input_value("#account_no") == live.account_no and page.input_value("#pin") == PIN
    for button in page.locator(".keypad button, #login-form button[type=submit]").all():
        assert button.bounding_box()["height"] >= 80  # large touch targets
    snap(page, tmp_path, f"portal-kiosk-login-{language}")
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/home")
    snap(page, tmp_path, f"portal-kiosk-home-{language}")
    for path in ("/home", "/recharges", "/settings", f"/meters/{live.meter_id}"):
        page.goto(live.url + path)
        targets = page.eval_on_selector_all("a[href], form[action]",
                                            "els => els.map(e => e.getAttribute('href') || e.getAttribute('action'))")
        assert targets and all(TENANT_PATHS.match(t) for t in targets), targets
    page.goto(live.url + "/home")
    page.clock.run_for(61_000)  # the site's kiosk idle time (60 s) without a touch
    page.wait_for_url("**/login*")
    assert page.input_value("#account_no") == ""
    page.goto(live.url + "/home")  # the session ended on the server too
    page.wait_for_url("**/login*")
    context.close()
