#!/usr/bin/env python3
"""Render every page of the console from a realistic demo state, in zh_CN and en, into ./screenshots/.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

The state is the demo site's (212 simulated meters on loopback, the poller and dispatcher running): the
grid shows all six statuses (opened, alarm 1, alarm 2, arrears, unopened and the silent meters offline after
three sweeps), the cashier sold, refunded and reversed (approved by the supervisor), and the pages show it:
dashboard, meters (tiles and table), accounts, the cashier mid-sale (full-width amount typed, the line above
the button naming tenant, room and 表号), the one-more-question of a large amount, the receipt, records,
the sales report, alarms, settings, operators and the log, the shift close; and a printed slip (the
reversal slip through the session's slip printer onto Qt's PDF printer, rendered with pdftoppm when it is
installed). Runs offscreen; look at every PNG (clipped text, boxes instead of Chinese, English in zh_CN).
"pseudo" (every string 40% longer and bracketed) renders the main window and Settings to catch clipping
and strings that bypass tr().
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pseudo_translator():  # type: ignore[no-untyped-def]
    """A translator that lengthens every string by ~40% and brackets it (pseudo-locale)."""
    from PySide6.QtCore import QTranslator

    class Pseudo(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]  # noqa: ANN001
            if not source:
                return source
            return "[" + source + " " + "~" * max(2, len(source) * 2 // 5) + "]"

        def isEmpty(self) -> bool:  # noqa: N802 - Qt override
            return False

    return Pseudo()


class Demo:
    """The demo site with its runtime, the day's money made through the services."""

    def __init__(self, tmp: Path) -> None:
        os.environ["ACREL_DATA_DIR"] = str(tmp / "data")  # the site key lives there
        from acrel_console.app import build_services, ensure_site_key
        from acrel_console.runtime import SiteRuntime
        from acrel_console.services.demo_site import prepare_demo

        url = f"sqlite:///{tmp / 'shots.sqlite3'}"
        ensure_site_key()
        self.services = build_services(url)
        self.demo = prepare_demo(url, services=self.services, use_pty=False)
        self.runtime = SiteRuntime(self.services)
        self.runtime.start()
        for _ in range(3):  # the silent meters read offline after three failed sweeps
            for future in self.runtime.poller.sweep_now():
                future.result(timeout=120)
        ops = self.services.operators
        self.admin = ops.login("admin", "admin123")
        self.cashier = ops.login("cashier", "cashier123")
        self.supervisor = ops.login("supervisor", "super123")
        self.meters = [m for m in self.services.meters.list_live(self.admin)
                       if m.status.value in ("opened", "alarm1") and m.model == "DDSY1352" and m.tenant_name
                       and m.remaining_fen is not None and m.remaining_fen > 100_00]
        v = self.services.vending
        a, b, c = self.meters[:3]
        self.sale_a = v.sell(self.cashier, a.meter_id, "500", "cash")
        v.sell(self.cashier, b.meter_id, "200", "wechat")
        v.sell(self.cashier, c.meter_id, "88.50", "alipay")
        self.wait_deliveries()
        self.refund = v.refund(self.cashier, b.meter_id, "50", "cash", reason="tenant moves out")
        self.reversal = v.reverse(self.cashier, self.sale_a.operation_id, self.supervisor, "keyed 500 for 50", "450")
        self.wait_deliveries()
        for future in self.runtime.poller.sweep_now():
            future.result(timeout=120)

    def wait_deliveries(self, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if all(d.state not in ("pending", "sending") for d in self.services.vending.deliveries(self.admin, limit=50)):
                return
            time.sleep(0.2)

    def stop(self) -> None:
        self.runtime.stop()
        self.demo.stop()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ACREL_CONFIG_DIR", tempfile.mkdtemp(prefix="acrel-shots-config-"))

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    from acrel_console import i18n
    from acrel_console.cli.gui import install_qt_translator, prepare_app
    from acrel_console.domain.status import MeterStatus
    from acrel_console.ui.cashier import slip_printer
    from acrel_console.ui.cashier.receipt_lines import receipt_text
    from acrel_console.ui.cashier.receipt_render import receipt_image
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.fonts import setup_fonts
    from acrel_console.ui.login_dialog import LoginDialog
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.reports.catalog import MONTH
    from acrel_console.ui.tasks import TaskRunner

    app, _ = prepare_app([sys.argv[0]])
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp_text:
        tmp = Path(tmp_text)
        site = Demo(tmp)
        tasks = TaskRunner()

        def pump(seconds: float = 0.3) -> None:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                tasks.wait_idle(50)
            tasks.wait_idle(20_000)
            app.processEvents()

        def until(check: Callable[[], Any], seconds: float = 20) -> None:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not check():
                pump(0.1)

        def shot(widget: Any, name: str) -> None:
            widget.show()
            pump()
            path = out / f"{name}.png"
            widget.grab().save(str(path))
            written.append(path)

        pseudo = pseudo_translator()
        for language in ("zh_CN", "en", "pseudo"):
            app.removeTranslator(pseudo)
            i18n.install_translator("en" if language == "pseudo" else language)
            install_qt_translator(app, language)
            setup_fonts(app, language)
            if language == "pseudo":
                app.installTranslator(pseudo)
            tag = language
            login = LoginDialog(site.services, tasks, name="cashier")
            shot(login, f"login-{tag}")
            login.close()
            ui = UiContext(site.services, site.admin, tasks, Prefs(), poller=site.runtime.poller)
            window = MainWindow(ui)
            window.resize(1366, 820)
            window.show_page("dashboard")
            shot(window, f"dashboard-{tag}")
            settings = window.show_page("settings")
            for index in range(settings.tabs.count()):
                settings.tabs.setCurrentIndex(index)
                shot(window, f"settings-{index}-{tag}")
            if language == "pseudo":
                window.close()
                continue

            meters = window.show_page("meters")
            until(lambda: meters.model.rowCount() > 0)
            until(lambda: all(meters.counts.counts.get(s, 0) for s in MeterStatus), 30)
            shot(window, f"meters-grid-{tag}")
            meters.set_view(1)
            shot(window, f"meters-table-{tag}")
            meters.set_view(0)

            accounts = window.show_page("accounts")
            until(lambda: accounts.model.rowCount() > 0)
            accounts.view.selectRow(0)
            shot(window, f"accounts-{tag}")

            cashier = window.show_page("cashier")
            target = site.meters[3]
            cashier.search.box.setText(target.room)
            cashier.search.search_now()
            until(lambda: cashier.card.card is not None)
            cashier.form.amount.setFocus()
            cashier.form.amount.insert("１２０．５")  # full width, as a Chinese input method types it
            shot(window, f"cashier-mid-sale-{tag}")
            cashier.form.amount.setText("2500")
            cashier.form.submit()
            until(lambda: cashier.form.confirm_box is not None)
            box = cashier.form.confirm_box
            shot(box, f"cashier-confirm-large-amount-{tag}")
            box.reject()
            pump()
            cashier.form.amount.clear()
            receipt = cashier.open_receipt(site.reversal.receipt_no)
            until(lambda: receipt.data is not None)
            shot(receipt, f"receipt-dialog-reversal-{tag}")
            receipt.reject()
            shift = cashier.open_shift_dialog()
            until(lambda: shift.summary is not None)
            shot(shift, f"shift-close-{tag}")
            shift.reject()

            records = window.show_page("records")
            until(lambda: records.result is not None)
            shot(window, f"records-{tag}")

            reports = window.show_page("reports")
            reports.select_report("sales", MONTH)
            reports.query_button.click()
            until(lambda: reports.report is not None)
            shot(window, f"reports-sales-{tag}")

            window.show_page("alarms")
            pump(1.0)
            shot(window, f"alarms-{tag}")
            operators = window.show_page("operators")
            shot(window, f"operators-{tag}")
            operators.tabs.setCurrentIndex(1)
            pump(1.0)
            shot(window, f"log-{tag}")

            # the printed slip: the reversal slip through the session's slip printer onto Qt's PDF printer
            data = site.services.records.receipt(site.admin, site.reversal.receipt_no)
            text = receipt_text(data, ui.clock.zone_name)
            preview = out / f"slip-preview-reversal-{tag}.png"
            receipt_image(text).save(str(preview))
            written.append(preview)
            printer = slip_printer.new_printer()
            printer.setOutputFileName(str(tmp / f"slip-{tag}.pdf"))
            pdf = Path(slip_printer.session_printer(ui).paint(text, data.number, printer))
            if shutil.which("pdftoppm"):
                stem = out / f"slip-printed-reversal-{tag}"
                subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(stem)], check=True,
                               timeout=60)
                written.append(stem.with_suffix(".png"))
            window.close()
            QCoreApplication.processEvents()
        app.removeTranslator(pseudo)
        tasks.wait_idle()
        site.stop()
    del Qt, QApplication
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
