"""`acrel-console gui` / `demo`: start the Qt application, sign in, open the main window."""

from __future__ import annotations

import logging
import sys
from typing import Any, Protocol

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from acrel_console import i18n


class DemoLike(Protocol):
    """What the demo hands the GUI: prefilled sign-in and a note shown above it.

    The note is translated with context "demo" (mark it QT_TRANSLATE_NOOP("demo", "...") where it is defined).
    """

    user: str
    password: str
    note: str


def install_qt_translator(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own strings (standard dialogs, context menus) in the chosen language."""
    if language == "en":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if translator.load(name, folder):
            app.installTranslator(translator)
            return translator
    return None


def apply_language(app: QApplication, language: str) -> None:
    """Install the translators and the font for a language (at start and on "Apply now")."""
    from acrel_console.ui.fonts import setup_fonts

    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
    i18n.install_translator(language)
    _qt_translator = install_qt_translator(app, language)
    setup_fonts(app, language)


_qt_translator: QTranslator | None = None


def quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl-C in the terminal (or SIGINT/SIGTERM from a service manager) closes the windows and returns from
    the event loop, so the demo stops its meters cleanly, instead of a KeyboardInterrupt traceback raised
    inside whatever Qt callback was running. A short timer lets Python see the signal while Qt waits."""
    import signal

    from PySide6.QtCore import QTimer

    def stop(_signum: int, _frame: object) -> None:
        app.closeAllWindows()
        app.exit(130)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stop)
    timer = QTimer(app)
    timer.setInterval(200)
    timer.timeout.connect(lambda: None)
    timer.start()


def prepare_app(argv: list[str] | None = None) -> tuple[QApplication, str]:
    """The QApplication with translators, font and palette from this workstation's preferences."""
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.theme import set_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    quit_on_ctrl_c(app)
    app.setApplicationName("Acrel Console")
    app.setOrganizationName("acrel-console")
    prefs = Prefs()
    language = prefs.effective_language()
    apply_language(app, language)
    set_palette(prefs.palette)
    return app, language


def start_runtime(services: Any, demo: DemoLike | None) -> tuple[Any, bool]:
    """The poller of this process: the demo's, or a SiteRuntime when this PC may poll (it holds the site
    lease: one-PC site); (None, False) on a workstation whose site service polls. Returns (runtime, owned)."""
    runtime = getattr(demo, "runtime", None)
    if runtime is not None:
        return runtime, False
    from acrel_console.runtime import SiteRuntime

    runtime = SiteRuntime(services)
    try:
        if runtime.start():
            return runtime, True
    except Exception:  # noqa: BLE001 - the console still opens; the status bar shows who polls
        logging.getLogger(__name__).exception("the poller could not start")
    return None, False


def run_gui(db_url: str | None, demo: DemoLike | None = None) -> int:
    """Open the database, ask for the first administrator or a sign-in, start this PC's poller when it
    holds the site lease, then run the main window."""
    from acrel_console.app import build_services
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.first_admin_dialog import FirstAdminDialog
    from acrel_console.ui.login_dialog import LoginDialog
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.pages import preload_page_modules
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner, failure_text

    app, _language = prepare_app()
    try:
        # Opening (and migrating) the database happens once, before any window; later calls go through tasks.
        services = build_services(db_url)
        first_start = services.operators.needs_first_admin()
    except Exception as exc:  # noqa: BLE001 - shown to the user, then a clean exit code
        QMessageBox.critical(None, app.translate("run_gui", "Acrel Console"),
                             app.translate("run_gui", "The database cannot be opened: {error}").format(
                                 error=failure_text(exc)))
        return 1
    tasks = TaskRunner()
    # the pages' modules (openpyxl, pyqtgraph, the services they use) load while the operator signs in: an import
    # on a worker still holds the GIL long enough to stall the window's first page switches (issue 15)
    tasks.run(preload_page_modules, quiet=True)
    runtime, owned = None, False
    try:
        if first_start:
            first = FirstAdminDialog(services, tasks)
            if first.exec() != FirstAdminDialog.DialogCode.Accepted or first.actor is None:
                return 0
            actor = first.actor
        else:
            actor = None
        name, password = getattr(demo, "user", ""), getattr(demo, "password", "")
        while True:
            if actor is None:
                note = getattr(demo, "note", "") if name else ""
                login = LoginDialog(services, tasks, name=name, password=password,
                                    note=app.translate("demo", note) if note else "")
                if login.exec() != LoginDialog.DialogCode.Accepted or login.actor is None:
                    return 0
                actor = login.actor
            if runtime is None:
                if services.ctx.site_key is None and services.ctx.db_url.startswith("sqlite"):
                    # An embedded (one-PC) site gets its delivery key on first start. A multi-workstation
                    # site never does: every workstation must carry the site's one key (docs/deployment.md).
                    from acrel_console.app import ensure_site_key, load_site_key

                    ensure_site_key()
                    services.ctx.site_key = load_site_key()
                runtime, owned = start_runtime(services, demo)
            window = MainWindow(UiContext(services, actor, tasks, Prefs(),
                                          poller=runtime.poller if runtime is not None else None))
            if runtime is not None:
                window.set_poller_text(app.translate("run_gui", "Poller: running in this console"))
            window.show()
            code = int(app.exec())
            relaunch, signed_out = window.relaunch_language, window.signed_out
            window.deleteLater()
            if relaunch:
                apply_language(app, relaunch)  # same operator, new language
            elif signed_out:
                actor, name, password = None, "", ""  # 重新登陆: the next operator signs in
            else:
                return code
    finally:
        tasks.wait_idle(10_000)
        if owned and runtime is not None:
            runtime.stop()
        services.close()

