"""run_gui end to end: first start creates the administrator and opens the window; later starts ask to sign in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from acrel_console.app import build_services
from acrel_console.cli.gui import apply_language, run_gui
from acrel_console.ui.first_admin_dialog import FirstAdminDialog
from acrel_console.ui.login_dialog import LoginDialog
from acrel_console.ui.main_window import MainWindow
from acrel_console.ui.prefs import Prefs


def _when(predicate: Callable[[], QWidget | None], action: Callable[[QWidget], None]) -> None:
    """Poll the event loop until a top-level widget shows up, then act on it (no timing assumptions)."""

    def poll() -> None:
        widget = predicate()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(10, poll)
        else:
            action(widget)

    QTimer.singleShot(0, poll)


def _top(kind: type) -> Callable[[], QWidget | None]:
    return lambda: next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_first_start_then_sign_in(qapp, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def fill_first_admin(dialog: FirstAdminDialog) -> None:  # type: ignore[override]
        dialog.password.setText("first-pass")
        dialog.again.setText("first-pass")
        dialog.accept()
        _when(_top(MainWindow), close_window)

    def close_window(window: MainWindow) -> None:  # type: ignore[override]
        seen.append(window.operator_label.text())
        window.close()

    _when(_top(FirstAdminDialog), fill_first_admin)  # type: ignore[arg-type]
    assert run_gui(sqlite_url) == 0
    assert seen == ["Operator: admin (Administrator)"]

    def sign_in(dialog: LoginDialog) -> None:  # type: ignore[override]
        seen.append(f"{dialog.name.text()}/{dialog.password.text()}")
        dialog.accept()
        _when(_top(MainWindow), close_window)

    class Demo:
        user, password, note = "admin", "first-pass", "Demo site"

    _when(_top(LoginDialog), sign_in)  # type: ignore[arg-type]
    assert run_gui(sqlite_url, Demo()) == 0
    assert seen[1:] == ["admin/first-pass", "Operator: admin (Administrator)"]
    services = build_services(sqlite_url)
    try:
        kinds = [e.kind for e in services.audit.list(services.operators.login("admin", "first-pass"))]
    finally:
        services.close()
    assert kinds.count("operator.login") == 2 and "operator.first_admin" in kinds


def test_cancelled_login_exits_cleanly(qapp, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    services = build_services(sqlite_url)
    services.operators.create_first_admin("admin", "first-pass")
    services.close()
    _when(_top(LoginDialog), lambda d: d.reject())
    assert run_gui(sqlite_url) == 0


def test_language_choice_is_stored_per_workstation(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.workstation_form import WorkstationForm

    form = WorkstationForm(ui)
    qtbot.addWidget(form)
    form.language.setCurrentIndex(form.language.findData("zh_CN"))
    assert Prefs().language == "zh_CN"
    assert not form.language_note.isHidden()
    form.palette.setCurrentIndex(form.palette.findData("acrel-legacy"))
    assert Prefs().palette == "acrel-legacy"
    from acrel_console.ui.theme import set_palette, theme

    assert theme().palette == "acrel-legacy"
    set_palette("okabe-ito")


def test_sign_in_as_another_operator_returns_to_the_login(qapp, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.domain.roles import Role

    services = build_services(sqlite_url)
    admin = services.operators.create_first_admin("admin", "first-pass")
    services.operators.add(admin, "cash", Role.CASHIER, "cash-pass")
    services.close()
    seen: list[str] = []
    logins = iter([("admin", "first-pass"), ("cash", "cash-pass")])

    def sign_in(dialog: LoginDialog) -> None:  # type: ignore[override]
        dialog.name.setText("")
        name, password = next(logins)
        dialog.name.setText(name)
        dialog.password.setText(password)
        dialog.accept()
        _when(_top(MainWindow), use_window)

    def use_window(window: MainWindow) -> None:  # type: ignore[override]
        seen.append(window.operator_label.text())
        if len(seen) == 1:
            _when(_top(LoginDialog), sign_in)  # type: ignore[arg-type]
            window.sign_out_action.trigger()
        else:
            window.close()

    _when(_top(LoginDialog), sign_in)  # type: ignore[arg-type]
    assert run_gui(sqlite_url) == 0
    assert seen == ["Operator: admin (Administrator)", "Operator: cash (Cashier)"]


def test_apply_now_rebuilds_the_window_in_the_chosen_language(qapp, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from acrel_console import i18n

    services = build_services(sqlite_url)
    services.operators.create_first_admin("admin", "first-pass")
    services.close()
    seen: list[str] = []

    def sign_in(dialog: LoginDialog) -> None:  # type: ignore[override]
        dialog.name.setText("admin")
        dialog.password.setText("first-pass")
        dialog.accept()
        _when(_top(MainWindow), switch)

    def switch(window: MainWindow) -> None:  # type: ignore[override]
        seen.append(window.nav.item(window.nav.count() - 1).text())
        form = window.show_page("settings").workstation
        form.language.setCurrentIndex(form.language.findData("zh_CN"))
        assert not form.note_box.isHidden()
        _when(lambda: next((w for w in QApplication.topLevelWidgets()
                            if isinstance(w, MainWindow) and w.isVisible() and w is not window), None), check)
        form.apply_language_button.click()

    def check(window: MainWindow) -> None:  # type: ignore[override]
        seen.append(window.nav.item(window.nav.count() - 1).text())
        seen.append(window.operator_label.text())
        window.close()

    _when(_top(LoginDialog), sign_in)  # type: ignore[arg-type]
    try:
        assert run_gui(sqlite_url) == 0
    finally:
        apply_language(qapp, "en")
    assert i18n.translate("status", "Offline") == "Offline"
    assert seen == ["Operators & log", "操作员与日志", "操作员：admin（管理员）"]


def test_a_database_that_cannot_be_opened_is_reported(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def close_box(box: QMessageBox) -> None:  # type: ignore[override]
        seen.append(box.text())
        box.done(0)

    not_a_db = tmp_path / "not-a-database.sqlite3"
    not_a_db.write_bytes(b"this is not sqlite" * 100)
    _when(_top(QMessageBox), close_box)  # type: ignore[arg-type]
    assert run_gui(f"sqlite:///{not_a_db}") == 1
    assert len(seen) == 1 and seen[0].startswith("The database cannot be opened: ")


def test_page_modules_load_while_the_operator_signs_in(qapp, sqlite_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: imports on a worker hold the GIL long enough to stall the window's first page switches
    (0.10-0.18 s measured); run_gui starts them when the sign-in dialog opens, not when the window shows."""
    import threading
    import time

    from acrel_console.ui import pages

    services = build_services(sqlite_url)
    services.operators.create_first_admin("admin", "first-pass")
    services.close()
    calls: list[tuple[bool, bool]] = []  # (on a worker thread, while no main window existed)

    def preload() -> list[str]:
        calls.append((threading.current_thread() is not threading.main_thread(), _top(MainWindow)() is None))
        return []

    monkeypatch.setattr(pages, "preload_page_modules", preload)
    seen: list[list[tuple[bool, bool]]] = []

    def sign_in(dialog: LoginDialog) -> None:  # type: ignore[override]
        deadline = time.monotonic() + 5

        def wait() -> None:
            if not calls and time.monotonic() < deadline:
                QTimer.singleShot(10, wait)
                return
            seen.append(list(calls))
            dialog.name.setText("admin")
            dialog.password.setText("first-pass")
            dialog.accept()
            _when(_top(MainWindow), lambda w: w.close())

        wait()

    _when(_top(LoginDialog), sign_in)  # type: ignore[arg-type]
    assert run_gui(sqlite_url) == 0
    assert seen and seen[0][:1] == [(True, True)]
