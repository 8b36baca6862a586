"""Settings → Online payment (在线支付): the WeChat Pay and Alipay merchant settings, kept beside the site key by
services.payment_config. Keys are never shown back: a stored key reads as masked, an empty key field keeps it;
PEM keys are loaded from their files. Test connection tries the settings as typed, before they are saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.services.payment_config import FIELDS, LABELS, REQUIRED, ProviderSetup
from acrel_console.ui.confirm import ask
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.tasks import TaskFailure

MASK = "********"
MAX_KEY_FILE = 64 * 1024
PEM_FIELDS = ("private_key", "public_key", "app_private_key", "alipay_public_key")
FIELD_WORDS: dict[str, str] = {
    "mchid": QT_TRANSLATE_NOOP("PaymentSetupForm", "Merchant ID (mchid)"),
    "appid": QT_TRANSLATE_NOOP("PaymentSetupForm", "App ID (appid)"),
    "cert_serial_no": QT_TRANSLATE_NOOP("PaymentSetupForm", "Merchant API certificate serial number"),
    "private_key": QT_TRANSLATE_NOOP("PaymentSetupForm", "Merchant API private key (apiclient_key.pem)"),
    "apiv3_key": QT_TRANSLATE_NOOP("PaymentSetupForm", "APIv3 key"),
    "public_key_id": QT_TRANSLATE_NOOP("PaymentSetupForm", "WeChat Pay public key ID (public-key mode)"),
    "public_key": QT_TRANSLATE_NOOP("PaymentSetupForm", "WeChat Pay public key (public-key mode)"),
    "notify_url": QT_TRANSLATE_NOOP("PaymentSetupForm", "Payment notification URL"),
    "base_url": QT_TRANSLATE_NOOP("PaymentSetupForm", "API address (empty: the provider's own)"),
    "app_id": QT_TRANSLATE_NOOP("PaymentSetupForm", "App ID (APPID)"),
    "app_private_key": QT_TRANSLATE_NOOP("PaymentSetupForm", "App private key"),
    "alipay_public_key": QT_TRANSLATE_NOOP("PaymentSetupForm", "Alipay public key"),
}


def field_word(name: str) -> str:
    """A setting's name in the interface language."""
    return QCoreApplication.translate("PaymentSetupForm", FIELD_WORDS[name])


def read_key_file(path: str) -> str:
    """A key file's text (off the GUI thread): refused when it is large or not text."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_KEY_FILE:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{path} is not a key file (too large)."), path=path)
        return file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {error}"), path=path,
                              error=getattr(err, "strerror", None) or str(err)) from None


class ProviderForm(QWidget):
    """One provider's fields, its state, and Test connection / Save / Remove."""

    saved = Signal()

    def __init__(self, ui: UiContext, provider: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.provider = provider
        self.setup: ProviderSetup | None = None
        self.secret = {name for name, is_secret in FIELDS[provider] if is_secret}
        self.editors: dict[str, QLineEdit] = {}
        self.state = QLabel()
        self.state.setObjectName("paymentState")
        self.state.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, _is_secret in FIELDS[provider]:
            editor = QLineEdit()
            editor.setObjectName(f"pay_{name}")
            if name in self.secret:
                editor.setEchoMode(QLineEdit.EchoMode.Password)
            editor.textChanged.connect(self._edited)
            self.editors[name] = editor
            row: QWidget = editor
            if name in PEM_FIELDS:
                row = QWidget()
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(editor, 1)
                button = QPushButton(self.tr("From file…"))
                button.setObjectName(f"file_{name}")
                button.clicked.connect(lambda _=False, n=name: self._choose_file(n))
                line.addWidget(button)
            label = field_word(name) + (" *" if name in REQUIRED[provider] else "")
            form.addRow(label, row)
        self.message = QLabel()
        self.message.setObjectName("paymentMessage")
        self.message.setWordWrap(True)
        self.error = error_label()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.save_button = QPushButton(self.tr("Save"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        note = QLabel(self.tr("Keys are kept beside the site key on this computer, never in the database or the "
                          "operation log. A stored key shows as ********; leave it as it is to keep it. "
                          "Fields marked * are required."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.file_box: QFileDialog | None = None
        self._busy = False
        self._buttons()

    # loading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        actor, provider = self.ui.actor, self.provider
        self.ui.tasks.run(lambda: self.ui.services.payment_config.setup(actor, provider), self._loaded,
                          self._failed, owner=self)

    def _loaded(self, setup: ProviderSetup) -> None:
        self.setup = setup
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            if name in self.secret:
                editor.setText(MASK if name in setup.secrets_set else "")
            else:
                editor.setText(setup.fields.get(name, ""))
            editor.blockSignals(False)
        self._show_state()
        self._busy = False
        self._buttons()

    def _show_state(self) -> None:
        setup = self.setup
        if setup is None:
            return
        if not setup.configured:
            text = self.tr("Not set up: {provider} cannot be offered at the counter or on the phone page.")
        elif self.provider == "wechat" and setup.mode == "certificate":
            text = self.tr("Set up (platform-certificate mode): {provider} is offered at the counter and on the phone "
                       "page.")
        elif self.provider == "wechat":
            text = self.tr("Set up (public-key mode): {provider} is offered at the counter and on the phone page.")
        else:
            text = self.tr("Set up: {provider} is offered at the counter and on the phone page.")
        self.state.setText(text.format(provider=QCoreApplication.translate("payments", LABELS[self.provider])))

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        self.message.setText("")
        show_error(self.error, failure.message)
        self._buttons()

    # editing ----------------------------------------------------------------------------------------
    def fields(self) -> dict[str, str]:
        """What is typed: a key left masked is not sent (the stored one is kept); other fields as they are."""
        out = {}
        for name, editor in self.editors.items():
            text = editor.text()
            if name in self.secret and text == MASK:
                continue
            out[name] = text.strip()
        return out

    def changed(self) -> bool:
        if self.setup is None:
            return False
        for name, value in self.fields().items():
            stored = "" if name in self.secret else self.setup.fields.get(name, "")
            if value != stored:
                return True
        return False

    def _edited(self) -> None:
        show_error(self.error, "")
        self.message.setText("")
        self.message.setToolTip("")
        self._buttons()

    def _buttons(self) -> None:
        loaded = self.setup is not None and not self._busy
        self.save_button.setEnabled(loaded and self.changed())
        self.test_button.setEnabled(loaded)
        self.remove_button.setEnabled(loaded and bool(self.setup and (self.setup.fields or self.setup.secrets_set)))

    def _choose_file(self, name: str) -> None:
        box = QFileDialog(self, self.tr("Choose the key file"))
        box.setFileMode(QFileDialog.FileMode.ExistingFile)
        box.setNameFilters([self.tr("Key files (*.pem *.key *.txt)"), self.tr("All files (*)")])
        box.fileSelected.connect(lambda path: self.load_file(name, path))
        self.file_box = box
        box.open()

    def load_file(self, name: str, path: str) -> None:
        """Put a key file's text into a field (read off the GUI thread)."""
        self.ui.tasks.run(lambda: read_key_file(path), lambda text: self._file_read(name, path, text),
                          self._failed, owner=self)

    def _file_read(self, name: str, path: str, text: str) -> None:
        self.editors[name].setText(text)
        self.message.setText(self.tr("{field}: read from {file}; not saved yet.").format(
            field=field_word(name), file=Path(path).name))

    # actions ----------------------------------------------------------------------------------------
    def _start(self, text: str) -> None:
        self._busy = True
        show_error(self.error, "")
        self.message.setText(text)
        self._buttons()

    def test(self) -> None:
        """Ask the provider with the settings as typed (stored keys where a key is left as it is)."""
        actor, provider, fields = self.ui.actor, self.provider, self.fields()
        self._start(self.tr("Testing the connection…"))
        self.ui.tasks.run(lambda: self.ui.services.payment_config.test_connection(actor, provider, fields),
                          self._tested, self._failed, owner=self)

    def _tested(self, result: str) -> None:
        self._busy = False
        provider = QCoreApplication.translate("payments", LABELS[self.provider])
        self.message.setText(self.tr("Connection test passed: {provider} accepted the keys.").format(provider=provider))
        self.message.setToolTip(result)  # the driver's own words (what was proven), for whoever sets it up
        self._buttons()

    def save(self) -> None:
        actor, provider, fields = self.ui.actor, self.provider, self.fields()
        self._start(self.tr("Saving…"))
        self.ui.tasks.run(lambda: self.ui.services.payment_config.save(actor, provider, fields), self._saved,
                          self._failed, owner=self)

    def _saved(self, setup: ProviderSetup) -> None:
        self._loaded(setup)
        self.message.setText(self.tr("Saved. The change is in the operation log (without the keys)."))
        self.saved.emit()

    def remove(self) -> None:
        provider = QCoreApplication.translate("payments", LABELS[self.provider])
        self.confirm_box = ask(self, self.tr("Remove the settings"),
                               self.tr("Remove the {provider} settings and keys from this site? Online payment with "
                                   "{provider} stops until it is set up again.").format(provider=provider),
                               self._remove)

    def _remove(self) -> None:
        actor, provider = self.ui.actor, self.provider
        self._start(self.tr("Removing…"))

        def removed(_: Any) -> None:
            self.load()
            self.message.setText(self.tr("Removed."))
            self.saved.emit()

        self.ui.tasks.run(lambda: self.ui.services.payment_config.remove(actor, provider), removed, self._failed,
                          owner=self)


class PaymentSetupForm(QWidget):
    """The providers one under the other in a chooser; each loads when the tab is first shown."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.chooser = QComboBox()
        self.chooser.setObjectName("paymentProvider")
        self.stack = QStackedWidget()
        self.forms: dict[str, ProviderForm] = {}
        for provider in FIELDS:
            self.chooser.addItem(QCoreApplication.translate("payments", LABELS[provider]), provider)
            self.forms[provider] = ProviderForm(ui, provider)
            self.stack.addWidget(self.forms[provider])
        self.chooser.currentIndexChanged.connect(self.stack.setCurrentIndex)
        top = QFormLayout()
        top.addRow(self.tr("Provider"), self.chooser)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def load(self) -> None:
        for form in self.forms.values():
            form.load()

    def show_provider(self, provider: str) -> ProviderForm:
        self.chooser.setCurrentIndex(self.chooser.findData(provider))
        return self.forms[provider]
