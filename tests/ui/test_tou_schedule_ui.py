"""Assigning a TOU tariff in the Tariffs tab downloads its day-period schedule (时段表) to the meters that
take one and shows that batch's per-meter results (issue 14); screenshots in zh_CN and en."""

from __future__ import annotations

from pathlib import Path

from acrel_console.services.dispatcher import MeterRuntime
from acrel_console.services.remote_control import RemoteControlService
from acrel_console.services.tariffs import TariffBody
from acrel_console.ui.cashier.tariff_dialogs import AssignTariffDialog
from acrel_console.ui.cashier.tariffs_panel import TariffsPanel
from acrel_console.ui.meters.batch_dialog import BatchDialog
from tests.ui.conftest import settle
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot
from tests.ui.test_meters_support import simulated_site

SCHEDULE = ((0, 3), (480, 1), (690, 0), (780, 2), (1320, 3))


def test_assigning_a_tou_tariff_follows_its_schedule_download(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services.ctx.site_key = bytes(range(16))
    tariff = services.tariffs.create(admin, "峰谷 2026", TariffBody("tou", (12_000, 10_000, 7_000, 4_000), SCHEDULE))
    with simulated_site(services, admin, {1: 5_000, 2: 5_000}) as (bus, _poller, ids):
        runtime = MeterRuntime(services.ctx, remote=RemoteControlService(services.ctx))
        assert runtime.start()
        try:
            for code in LANGUAGES:
                with language(code):
                    panel = TariffsPanel(ui)
                    qtbot.addWidget(panel)
                    panel.reload()
                    settle(ui)
                    panel.assign(preselect=ids)
                    settle(ui)
                    dialog = panel.dialog
                    assert isinstance(dialog, AssignTariffDialog) and dialog.checked_ids() == ids
                    dialog.accept()
                    settle(ui)
                    batch = panel.batch_dialog
                    assert isinstance(batch, BatchDialog)
                    qtbot.waitUntil(lambda: batch.finished_all, timeout=20_000)  # noqa: B023
                    texts = [batch.model.index(r, c).data() for r in range(batch.model.rowCount())
                             for c in range(batch.model.columnCount())]
                    assert batch.model.rowCount() == 2
                    if code == "zh_CN":
                        assert texts.count("时段表下发") == 2 and texts.count("回读确认成功") == 2, texts
                    else:
                        assert texts.count("Schedule download") == 2 and texts.count("Confirmed by read-back") == 2
                    assert missing_glyphs(batch, [t for t in texts if t] + [batch.windowTitle()]) == []
                    shot(batch, f"tou-schedule-batch-{code}", tmp_path)
                    batch.close()
        finally:
            runtime.stop()
        assert bus.meter(1).schedule.points == SCHEDULE and bus.meter(2).schedule.points == SCHEDULE
    assert services.tariffs.meter_tariff(admin, ids[0]).name == tariff.name
