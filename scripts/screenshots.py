#!/usr/bin/env python3
"""Render the login dialog, the main window and the Settings page in zh_CN and en into ./screenshots/.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Runs offscreen on a throw-away demo database; look at the PNGs (clipped text, boxes instead of Chinese).
Besides zh_CN and en it renders "pseudo": every string 40% longer and bracketed, to catch layouts that
clip longer translations and strings that bypass tr() (they show without brackets).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


def seed(services, admin) -> None:  # type: ignore[no-untyped-def]
    """A small site: two buildings, three gateways, a few meters, one more operator."""
    site = services.site
    site.add_building(admin, "A栋", floor="1-5", area="东区", notes="商场")
    site.add_building(admin, "B栋", floor="1-3", area="西区")
    site.add_gateway(admin, name="GW-A1", kind="modbus-tcp", host="192.168.1.201", port=502, building="A栋")
    site.add_gateway(admin, name="GW-A2", kind="rtu-over-tcp", host="192.168.1.202", port=4001, building="A栋")
    site.add_gateway(admin, name="COM1", kind="serial", serial_port="/dev/ttyUSB0", building="B栋")
    for address, room in enumerate(("A-101", "A-102", "A-103", "A-201"), 1):
        site.add_meter(admin, gateway="GW-A1", address=address, model="DDSY1352", room=room, meter_no=f"2411{address:04d}")
    site.add_meter(admin, gateway="COM1", address=1, model="DTSY1352", room="B-101", ct_ratio=50)
    services.operators.add(admin, "cashier1", "cashier", "cashier-pw", "王小红")


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


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ACREL_CONFIG_DIR", tempfile.mkdtemp(prefix="acrel-shots-config-"))

    from acrel_console import i18n
    from acrel_console.app import build_services
    from acrel_console.cli.gui import install_qt_translator, prepare_app
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.first_admin_dialog import FirstAdminDialog
    from acrel_console.ui.fonts import setup_fonts
    from acrel_console.ui.login_dialog import LoginDialog
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    app, _ = prepare_app([sys.argv[0]])
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(f"sqlite:///{tmp}/shots.sqlite3")
        tasks = TaskRunner()
        first = FirstAdminDialog(services, tasks)
        admin = services.operators.create_first_admin("admin", "admin-pass", "系统管理员")
        seed(services, admin)

        def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            widget.show()
            tasks.wait_idle()
            app.processEvents()
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
            first = FirstAdminDialog(services, tasks)
            first.password.setText("abc")
            first.revalidate()
            shot(first, f"first-admin-{language}")
            first.close()
            login = LoginDialog(services, tasks, name="admin")
            shot(login, f"login-{language}")
            login.password.setText("wrong-password")
            login.accept()
            shot(login, f"login-failed-{language}")
            login.close()
            window = MainWindow(UiContext(services, admin, tasks, Prefs()))
            window.resize(1280, 800)
            shot(window, f"main-{language}")
            settings = window.show_page("settings")
            for index in range(settings.tabs.count()):
                settings.tabs.setCurrentIndex(index)
                shot(window, f"settings-{index}-{language}")
            settings.gateways.add()
            dialog = settings.gateways.dialog
            dialog.name.setText("GW-X")
            dialog.port.setText("70000")
            shot(dialog, f"gateway-dialog-{language}")
            dialog.close()
            settings.meters.add()
            dialog = settings.meters.dialog
            dialog.address.setText("1")
            shot(dialog, f"meter-dialog-{language}")
            dialog.close()
            operators = window.show_page("operators")
            shot(window, f"operators-{language}")
            operators.tabs.setCurrentIndex(1)
            operators.log.verify()
            shot(window, f"log-{language}")
            window.close()
        app.removeTranslator(pseudo)
        tasks.wait_idle()
        services.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
