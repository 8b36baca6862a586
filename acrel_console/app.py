"""Composition root: configuration -> engine -> migrations -> services. No globals."""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acrel_console.services.base import ServiceContext
from acrel_console.storage import migrate
from acrel_console.storage.engine import default_db_url, make_engine, make_session_factory, normalise_url

if TYPE_CHECKING:
    from acrel_console.services.account_list import AccountListService
    from acrel_console.services.accounts import AccountService
    from acrel_console.services.alarms import AlarmEngine, AlarmService
    from acrel_console.services.audit import AuditService
    from acrel_console.services.backup import BackupService
    from acrel_console.services.bus_health import BusHealthService
    from acrel_console.services.config_io import ConfigImportService
    from acrel_console.services.integrity import IntegrityService
    from acrel_console.services.lease import LeaseService
    from acrel_console.services.meter_views import MeterViewService
    from acrel_console.services.operators import OperatorService
    from acrel_console.services.payment_cases import PaymentCaseService
    from acrel_console.services.payment_config import PaymentConfigService
    from acrel_console.services.payments import PaymentService
    from acrel_console.services.records import RecordsService
    from acrel_console.services.remote_control import RemoteControlService
    from acrel_console.services.reports.service import ReportService
    from acrel_console.services.roles import RoleService
    from acrel_console.services.shifts import ShiftService
    from acrel_console.services.site_clock import SiteClock
    from acrel_console.services.site_config import SiteConfigService
    from acrel_console.services.site_settings import SiteSettingsService
    from acrel_console.services.sms import SmsService
    from acrel_console.services.sms_setup import SmsConfigurator
    from acrel_console.services.tariffs import TariffService
    from acrel_console.services.tenant_access import TenantPinService
    from acrel_console.services.vending import VendingService

# name -> (module, class) of every service; each is built over the context (config_import also takes `site`)
SERVICE_CLASSES: dict[str, tuple[str, str]] = {
    "operators": ("acrel_console.services.operators", "OperatorService"),
    "roles": ("acrel_console.services.roles", "RoleService"),
    "audit": ("acrel_console.services.audit", "AuditService"),
    "site": ("acrel_console.services.site_config", "SiteConfigService"),
    "settings": ("acrel_console.services.site_settings", "SiteSettingsService"),
    "config_import": ("acrel_console.services.config_io", "ConfigImportService"),
    "backup": ("acrel_console.services.backup", "BackupService"),
    "meters": ("acrel_console.services.meter_views", "MeterViewService"),
    "bus_health": ("acrel_console.services.bus_health", "BusHealthService"),
    "control": ("acrel_console.services.remote_control", "RemoteControlService"),
    "lease": ("acrel_console.services.lease", "LeaseService"),
    "alarms": ("acrel_console.services.alarms", "AlarmService"),
    "alarm_engine": ("acrel_console.services.alarms", "AlarmEngine"),
    "reports": ("acrel_console.services.reports.service", "ReportService"),
    "sms_config": ("acrel_console.services.sms_setup", "SmsConfigurator"),
    "vending": ("acrel_console.services.vending", "VendingService"),
    "accounts": ("acrel_console.services.accounts", "AccountService"),
    "account_list": ("acrel_console.services.account_list", "AccountListService"),
    "tariffs": ("acrel_console.services.tariffs", "TariffService"),
    "shifts": ("acrel_console.services.shifts", "ShiftService"),
    "records": ("acrel_console.services.records", "RecordsService"),
    "integrity": ("acrel_console.services.integrity", "IntegrityService"),
    "tenant_pins": ("acrel_console.services.tenant_access", "TenantPinService"),
    "payments": ("acrel_console.services.payments", "PaymentService"),
    "payment_config": ("acrel_console.services.payment_config", "PaymentConfigService"),
    "payment_cases": ("acrel_console.services.payment_cases", "PaymentCaseService"),
}


class Services:
    """Every service of one database, built once and handed to the UI or CLI.

    Each service is built (its module imported) the first time it is used, so a command imports only what it
    calls (issue 15: `meter list --json` used to import every service first). Thread-safe."""

    if TYPE_CHECKING:
        operators: OperatorService
        roles: RoleService
        audit: AuditService
        site: SiteConfigService
        settings: SiteSettingsService
        config_import: ConfigImportService
        backup: BackupService
        meters: MeterViewService
        bus_health: BusHealthService
        control: RemoteControlService
        lease: LeaseService
        alarms: AlarmService
        alarm_engine: AlarmEngine
        reports: ReportService
        sms_config: SmsConfigurator
        vending: VendingService
        accounts: AccountService
        account_list: AccountListService
        tariffs: TariffService
        shifts: ShiftService
        records: RecordsService
        integrity: IntegrityService
        tenant_pins: TenantPinService
        payments: PaymentService
        payment_config: PaymentConfigService
        payment_cases: PaymentCaseService

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._lock = threading.RLock()

    def __getattr__(self, name: str) -> Any:
        spec = SERVICE_CLASSES.get(name)
        if spec is None or name.startswith("_"):
            raise AttributeError(name)
        with self._lock:
            built = self.__dict__.get(name)
            if built is None:
                cls = getattr(importlib.import_module(spec[0]), spec[1])
                built = cls(self.ctx, self.site) if name == "config_import" else cls(self.ctx)
                self.__dict__[name] = built
            return built

    @property
    def clock(self) -> SiteClock:
        """The site clock: now, today and local times in the site's zone (no I/O once the zone is loaded)."""
        return self.ctx.site_clock

    @property
    def sms(self) -> SmsService:
        """The SMS service configured from the settings in force."""
        return self.sms_config.current()

    def close(self) -> None:
        self.ctx.engine.dispose()


def load_site_key() -> bytes | None:
    """The site's 3DES key (design §8): from ACREL_SITE_KEY (hex) or the key file beside the data; never
    from the database."""
    env = os.environ.get("ACREL_SITE_KEY")
    if env:
        return bytes.fromhex(env)
    path = site_key_path()
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    return None


def site_key_path() -> Path:
    """Where this workstation keeps the site's delivery key (services.site_secrets: beside the database)."""
    from acrel_console.services.site_secrets import site_key_path as path

    return path()


def ensure_site_key() -> tuple[Path, bool]:
    """Create the site key file if neither it nor ACREL_SITE_KEY exists; returns (path, created).

    One-PC sites get their key at `init` (or first start). On a multi-workstation site the same key file
    is copied to every workstation and to the service; a different key makes every delivery fail its MAC."""
    from acrel_console.ledger.mac import generate_site_key

    path = site_key_path()
    if os.environ.get("ACREL_SITE_KEY") or path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(generate_site_key().hex().upper() + "\n")
    return path, True


def build_services(db_url: str | None = None, *, migrate_schema: bool = True) -> Services:
    """Open (and by default create/upgrade) the database and build the services over it."""
    url = normalise_url(db_url or default_db_url())
    engine = make_engine(url)
    if migrate_schema:
        migrate.upgrade(engine)
    ctx = ServiceContext(engine=engine, session_factory=make_session_factory(engine), db_url=url,
                         site_key=load_site_key())
    if migrate_schema:
        # The database's identity names its log anchor: made now, so that even the first copy of the file
        # (a backup, or a copy by hand) is recognised when it is put back (issue 11).
        from acrel_console.services import site_anchor

        site_anchor.ensure_uid(ctx)
    return Services(ctx)
