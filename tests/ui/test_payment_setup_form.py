"""Settings → Online payment (issue 17, 'Keys'): an administrator types the WeChat Pay merchant settings, loads
the private key from its file, tests the connection against the loopback stand-in before saving, saves; the keys
read back masked and are nowhere in the database; a bad APIv3 key is a translated error beside the form and
nothing is stored; a supervisor has no such tab. Screenshots in zh_CN and en."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from acrel_console.services.payment_config import configured, load_fields
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.ui.pages.settings_page import SettingsPage
from acrel_console.ui.payment_setup_form import MASK
from tests.payments.standins import WeChatStandIn
from tests.ui.conftest import settle
from tests.ui.screens import language, missing_glyphs, shot, shown_page


def test_an_administrator_sets_up_wechat_pay(qtbot, ui, make_ui, services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wechat = WeChatStandIn(lambda: datetime.now(timezone.utc))
    fields = wechat.config_fields()
    key_file = tmp_path / "apiclient_key.pem"
    key_file.write_text(fields["private_key"])
    try:
        with language("zh_CN"):
            page = shown_page(qtbot, ui, SettingsPage, (1366, 820))
            assert page.payment is not None
            page.tabs.setCurrentWidget(page.payment)
            form = page.payment.show_provider("wechat")
            assert "未设置" in form.state.text() and not form.save_button.isEnabled()
            for name in ("mchid", "appid", "cert_serial_no", "public_key_id", "notify_url", "base_url"):
                form.editors[name].setText(fields[name])
            form.editors["public_key"].setText(fields["public_key"])
            form.load_file("private_key", str(key_file))
            settle(ui)
            assert form.editors["private_key"].text() == fields["private_key"].strip()
            assert "apiclient_key.pem" in form.message.text()
            form.editors["apiv3_key"].setText("too-short")
            form.save_button.click()
            settle(ui)
            assert "32" in form.error.text() and "APIv3" in form.error.text() and load_fields("wechat") == {}
            form.editors["apiv3_key"].setText(fields["apiv3_key"])
            form.test_button.click()
            settle(ui)
            assert "连接测试通过" in form.message.text(), form.error.text()
            assert load_fields("wechat") == {}  # a test stores nothing
            form.save_button.click()
            settle(ui)
            assert configured() == ("wechat",) and "公钥模式" in form.state.text()
            assert form.editors["apiv3_key"].text() == MASK and form.editors["private_key"].text() == MASK
            assert not form.save_button.isEnabled()  # nothing changed since
            texts = [form.state.text(), form.message.text(), form.test_button.text(), page.payment.chooser.currentText()]
            assert missing_glyphs(page, texts) == []
            shot(page, "settings-payment-zh_CN", tmp_path)
            page.close()
        with services.ctx.read() as s:
            rows = [(r.kind, f"{r.before_json} {r.after_json} {r.reason}") for r in s.execute(select(AuditRow)).scalars()]
        logged = " ".join(text for _kind, text in rows)
        assert fields["apiv3_key"] not in logged and "PRIVATE KEY" not in logged
        assert {"payment.setup", "payment.test"} <= {kind for kind, _text in rows}
        assert load_fields("wechat")["apiv3_key"] == fields["apiv3_key"]
        with language("en"):
            page = shown_page(qtbot, ui, SettingsPage, (1366, 820))
            page.tabs.setCurrentWidget(page.payment)
            form = page.payment.show_provider("wechat")
            assert "public-key mode" in form.state.text() and form.editors["private_key"].text() == MASK
            shot(page, "settings-payment-en", tmp_path)
            page.close()
        services.operators.add(ui.actor, "boss", "supervisor", "boss-secret1")
        boss = make_ui(services.operators.login("boss", "boss-secret1"))
        page = shown_page(qtbot, boss, SettingsPage)
        assert page.payment is None
        assert all(page.tabs.tabText(i) != "Online payment" for i in range(page.tabs.count()))
        page.close()
    finally:
        wechat.stop()

