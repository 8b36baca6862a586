"""Bus health per gateway (issue 14): the Meters page tree's gateway tooltips and the panel under it show
the last sweep duration, requests, timeouts, CRC errors and reconnects from a real sweep; an unreachable
gateway says so in words; the offline-gateway report carries the same counters. Screenshots zh_CN / en."""

from __future__ import annotations

import socket
from pathlib import Path

from acrel_console.drivers.simulator.faults import Fault
from acrel_console.ui.meters.site_tree import SCOPE_ROLE
from tests.ui.conftest import settle
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot
from tests.ui.test_meters_page import make_page
from tests.ui.test_meters_support import configure_site, simulated_site


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _gateway_item(page, name: str):  # type: ignore[no-untyped-def]
    return next(i for i in page.tree._items() if i.data(0, SCOPE_ROLE)[1] is not None and
                i.text(0).startswith(name))


def test_bus_health_on_the_tree_panel_and_report(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with simulated_site(services, admin, {1: 5_000, 2: 5_000, 3: 5_000}) as (bus, poller, ids):
        configure_site(services, admin, _closed_port(), 2, gateway="GW2", building="Building B")
        bus.inject(3, Fault.SILENCE, count=1)  # one timeout on GW1
        poller.run_once()
        health = {h.gateway: h for h in services.bus_health.list(admin)}
        assert health["GW1"].requests >= 3 and health["GW1"].timeouts == 1 and health["GW2"].connected is False
        for code in LANGUAGES:
            with language(code):
                page = make_page(ui, qtbot)
                settle(ui)
                gw1, gw2 = _gateway_item(page, "GW1"), _gateway_item(page, "GW2")
                if code == "en":
                    assert "Requests" in gw1.toolTip(0) and "timeouts 1 " in gw1.toolTip(0)
                    assert gw2.text(0).endswith("unreachable") and "unreachable" in gw2.toolTip(0)
                    assert "unreachable" not in gw1.text(0)
                else:
                    assert "请求" in gw1.toolTip(0) and gw2.text(0).endswith("无法连接")
                page.tree.setCurrentItem(gw1)
                panel = page.bus_panel
                assert panel.values["requests"].text() == str(health["GW1"].requests)
                assert panel.values["timeouts"].text() == "1" and panel.values["crc_errors"].text() == "0"
                assert panel.values["online"].text().replace(" ", "") in ("2of3", "2/3")  # the silent meter
                page.tree.setCurrentItem(page.tree.topLevelItem(0))  # all meters: both gateways added up
                assert panel.values["requests"].text() == str(health["GW1"].requests + health["GW2"].requests)
                assert panel.values["online"].text().replace(" ", "") in ("2of5", "2/5")
                page.tree.setCurrentItem(gw2)
                texts = [panel.title()] + [v.text() for v in panel.values.values()] + [gw2.toolTip(0)]
                assert missing_glyphs(panel, texts) == []
                shot(page, f"meters-bus-health-{code}", tmp_path)
                page.close()
        report = services.reports.offline_gateways(admin)
        cols = [c.key for c in report.columns]
        [row] = report.rows
        values = dict(zip(cols, row))
        assert values["gateway"] == "GW2" and values["online"] == 0
        assert {"sweep_s", "requests", "timeouts", "crc_errors", "reconnects"} <= set(cols)
        assert values["requests"] == health["GW2"].requests and values["sweep_s"] is not None
