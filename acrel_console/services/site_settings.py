"""Site defaults declared once (type, default, label, help); they drive the CLI, the Settings page
and every service that needs a default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services import site_secrets, sms_secrets
from acrel_console.services.site_clock import DEFAULT_ZONE, is_zone_name
from acrel_console.storage.tables.site import SiteSettingRow

Kind = Literal["int", "fen", "bool", "text", "hours", "price", "zone", "secret"]


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    kind: Kind
    default: Any
    label: str
    help: str
    minimum: int | None = None
    maximum: int | None = None


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("site_name", "text", "Acrel Console", QT_TRANSLATE_NOOP("settings", "Site name"),
                QT_TRANSLATE_NOOP("settings", "Shown on receipts and report titles.")),
    SettingSpec("timezone", "zone", DEFAULT_ZONE, QT_TRANSLATE_NOOP("settings", "Time zone"),
                QT_TRANSLATE_NOOP("settings", "The site's zone (e.g. Asia/Shanghai): every time shown, day boundaries, "
                                              "shifts, tariff periods and meter clocks. The computer's own zone "
                                              "is not used.")),
    SettingSpec("status_interval_s", "int", 180, QT_TRANSLATE_NOOP("settings", "Status sweep interval (s)"),
                QT_TRANSLATE_NOOP("settings", "Every meter's status is read at least this often; a meter silent "
                                              "for three times this long is offline."), 10, 3600),
    SettingSpec("status_cycle_s", "int", 10, QT_TRANSLATE_NOOP("settings", "Status sweep pace (s)"),
                QT_TRANSLATE_NOOP("settings", "Status sweeps (a short read of balance, purchase count and status "
                                              "words) start at most this often; a long bus sweeps back to back."),
                1, 3600),
    SettingSpec("history_interval_s", "int", 1800, QT_TRANSLATE_NOOP("settings", "History reading interval (s)"),
                QT_TRANSLATE_NOOP("settings", "How often a reading row is stored (集抄时间间隔)."), 60, 86400),
    SettingSpec("readings_keep_months", "int", 13, QT_TRANSLATE_NOOP("settings", "Keep raw readings (months)"),
                QT_TRANSLATE_NOOP("settings", "Raw history readings older than this are pruned each night; the "
                                              "hourly and daily energy every report uses is kept."), 1, 240),
    SettingSpec("alarm1_fen", "fen", 5000, QT_TRANSLATE_NOOP("settings", "Alarm 1 amount (yuan)"),
                QT_TRANSLATE_NOOP("settings", "Balance at or below this raises alarm 1."), 0, 10_000_000),
    SettingSpec("alarm2_fen", "fen", 2000, QT_TRANSLATE_NOOP("settings", "Alarm 2 amount (yuan)"),
                QT_TRANSLATE_NOOP("settings", "Balance at or below this raises alarm 2 (below alarm 1)."), 0, 10_000_000),
    SettingSpec("overdraft_fen", "fen", 0, QT_TRANSLATE_NOOP("settings", "Allowed overdraft (yuan)"),
                QT_TRANSLATE_NOOP("settings", "允许赊欠金额: credit the meter allows below zero before tripping."), 0, 10_000_000),
    SettingSpec("overload_power_w", "int", 10000, QT_TRANSLATE_NOOP("settings", "Overload power (W)"),
                QT_TRANSLATE_NOOP("settings", "功率阈值: the meter trips above this power."), 100, 1_000_000),
    SettingSpec("max_credit_fen", "fen", 500000, QT_TRANSLATE_NOOP("settings", "Max stored credit (yuan)"),
                QT_TRANSLATE_NOOP("settings", "囤积金额上限: a sale that would exceed it is refused."), 0, 2_000_000_000),
    SettingSpec("sale_confirm_fen", "fen", 200000, QT_TRANSLATE_NOOP("settings", "Confirm sales above (yuan)"),
                QT_TRANSLATE_NOOP("settings", "The cashier confirms once more before selling, refunding or reversing "
                                              "more than this (a slip of the keyboard: 1000 for 100). 0: never ask."),
                0, 2_000_000_000),
    SettingSpec("no_trip_hours", "hours", "", QT_TRANSLATE_NOOP("settings", "No-trip hours"),
                QT_TRANSLATE_NOOP("settings", "Windows like 18:00-09:30 in which no arrears trip happens; comma separated.")),
    SettingSpec("trip_on_close", "bool", True, QT_TRANSLATE_NOOP("settings", "Trip relay when an account closes"),
                QT_TRANSLATE_NOOP("settings", "销户 trips the meter's relay.")),
    SettingSpec("energy_cost_p1", "price", "0.0000", QT_TRANSLATE_NOOP("settings", "Energy cost, spike (yuan/kWh)"),
                QT_TRANSLATE_NOOP("settings", "电价成本 尖: what the site pays per kWh, for the revenue report.")),
    SettingSpec("energy_cost_p2", "price", "0.0000", QT_TRANSLATE_NOOP("settings", "Energy cost, peak (yuan/kWh)"),
                QT_TRANSLATE_NOOP("settings", "电价成本 峰: what the site pays per kWh, for the revenue report.")),
    SettingSpec("energy_cost_p3", "price", "0.0000", QT_TRANSLATE_NOOP("settings", "Energy cost, flat (yuan/kWh)"),
                QT_TRANSLATE_NOOP("settings", "电价成本 平: what the site pays per kWh, for the revenue report.")),
    SettingSpec("energy_cost_p4", "price", "0.0000", QT_TRANSLATE_NOOP("settings", "Energy cost, valley (yuan/kWh)"),
                QT_TRANSLATE_NOOP("settings", "电价成本 谷: what the site pays per kWh, for the revenue report.")),
    SettingSpec("sms_driver", "text", "none", QT_TRANSLATE_NOOP("settings", "SMS driver"),
                QT_TRANSLATE_NOOP("settings", "短信提醒: none, modem (a GSM modem on a serial port) or http (an SMS gateway).")),
    SettingSpec("sms_modem_port", "text", "", QT_TRANSLATE_NOOP("settings", "SMS modem port"),
                QT_TRANSLATE_NOOP("settings", "Serial port of the GSM modem, e.g. /dev/ttyUSB2 or COM5.")),
    SettingSpec("sms_modem_baud", "int", 115200, QT_TRANSLATE_NOOP("settings", "SMS modem baud rate"),
                QT_TRANSLATE_NOOP("settings", "Most modems talk at 115200."), 1200, 921600),
    SettingSpec("sms_gateway_url", "text", "", QT_TRANSLATE_NOOP("settings", "SMS gateway URL"),
                QT_TRANSLATE_NOOP("settings", "URL template with {phone} and {text}, e.g. https://sms.example/send?to={phone}&msg={text}.")),
    SettingSpec("sms_gateway_key", "secret", "", QT_TRANSLATE_NOOP("settings", "SMS gateway key"),
                QT_TRANSLATE_NOOP("settings", "The gateway's API key or password. Kept beside the site key on the "
                                              "service computer, never in the database or the operation log; "
                                              "write {key} where it goes in the URL or body.")),
    SettingSpec("sms_gateway_method", "text", "GET", QT_TRANSLATE_NOOP("settings", "SMS gateway method"),
                QT_TRANSLATE_NOOP("settings", "GET, or POST with the body below.")),
    SettingSpec("sms_gateway_body", "text", "", QT_TRANSLATE_NOOP("settings", "SMS gateway POST body"),
                QT_TRANSLATE_NOOP("settings", "Form body template with {phone} and {text} (POST only).")),
    SettingSpec("sms_gateway_success", "text", "", QT_TRANSLATE_NOOP("settings", "SMS gateway success text"),
                QT_TRANSLATE_NOOP("settings", "Text the gateway's reply must contain (empty: any 2xx reply).")),
    SettingSpec("sms_quiet_hours", "hours", "21:00-08:00", QT_TRANSLATE_NOOP("settings", "SMS quiet hours"),
                QT_TRANSLATE_NOOP("settings", "Alarm texts wait until these hours are over.")),
    SettingSpec("sms_after_sale", "bool", False, QT_TRANSLATE_NOOP("settings", "Text the tenant after each sale"),
                QT_TRANSLATE_NOOP("settings", "充值提醒: a text with the amount and the balance after every sale.")),
    SettingSpec("lockout_attempts", "int", 5, QT_TRANSLATE_NOOP("settings", "Wrong passwords before lock"),
                QT_TRANSLATE_NOOP("settings", "An operator account locks after this many wrong passwords."), 1, 100),
    SettingSpec("lockout_minutes", "int", 15, QT_TRANSLATE_NOOP("settings", "Lock duration (minutes)"),
                QT_TRANSLATE_NOOP("settings", "How long a locked operator account stays locked."), 1, 1440),
    # Tenant self-service (用户查询系统, issue 16): services.tenant_portal and the portal package.
    SettingSpec("portal_enabled", "bool", False, QT_TRANSLATE_NOOP("settings", "Run the tenant portal"),
                QT_TRANSLATE_NOOP("settings", "The site service also serves the tenants' phone page and lobby kiosk.")),
    SettingSpec("portal_host", "text", "127.0.0.1", QT_TRANSLATE_NOOP("settings", "Tenant portal address"),
                QT_TRANSLATE_NOOP("settings", "Address the portal listens on: 127.0.0.1 behind a reverse proxy, "
                                              "0.0.0.0 for the whole LAN.")),
    SettingSpec("portal_port", "int", 8080, QT_TRANSLATE_NOOP("settings", "Tenant portal port"),
                QT_TRANSLATE_NOOP("settings", "TCP port of the tenant portal."), 1, 65535),
    SettingSpec("portal_tenant_control", "bool", False, QT_TRANSLATE_NOOP("settings", "Tenants may switch their meters"),
                QT_TRANSLATE_NOOP("settings", "Tenants may switch their own meter off, and back on with a positive "
                                              "balance, from the portal.")),
    SettingSpec("portal_control_per_hour", "int", 4, QT_TRANSLATE_NOOP("settings", "Tenant switchings per hour"),
                QT_TRANSLATE_NOOP("settings", "How many switch commands one tenant may send per hour."), 1, 60),
    SettingSpec("portal_pin_attempts", "int", 5, QT_TRANSLATE_NOOP("settings", "Wrong PINs before lock"),
                QT_TRANSLATE_NOOP("settings", "A tenant's portal sign-in locks after this many wrong PINs."), 1, 20),
    SettingSpec("portal_lock_minutes", "int", 15, QT_TRANSLATE_NOOP("settings", "Tenant lock duration (minutes)"),
                QT_TRANSLATE_NOOP("settings", "How long a locked tenant sign-in stays locked."), 1, 1440),
    SettingSpec("portal_session_minutes", "int", 30, QT_TRANSLATE_NOOP("settings", "Tenant session idle time (minutes)"),
                QT_TRANSLATE_NOOP("settings", "A phone session ends after this long without a request."), 1, 1440),
    SettingSpec("portal_kiosk_idle_s", "int", 60, QT_TRANSLATE_NOOP("settings", "Kiosk idle time (s)"),
                QT_TRANSLATE_NOOP("settings", "The lobby kiosk returns to the sign-in screen after this long untouched."),
                15, 600),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}


def _parse(spec: SettingSpec, raw: Any) -> Any:
    """Parse and validate one value (from text or a typed value)."""
    if spec.kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: expected yes or no, got '{value}'."),
                              field=spec.key, label=spec.label, value=raw)
    if spec.kind in ("text", "secret"):
        return str(raw).strip()
    if spec.kind == "zone":
        name = str(raw).strip()
        if not is_zone_name(name):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not a time zone name "
                                                              "(for example Asia/Shanghai)."),
                                  field=spec.key, label=spec.label, value=raw)
        return name
    if spec.kind == "price":
        from decimal import Decimal

        from acrel_console.domain.amount_input import AmountError, parse_decimal

        try:
            price = parse_decimal(str(raw), places=4, maximum=Decimal(100), field=spec.key).value
        except AmountError:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not a price in yuan/kWh "
                                                              "(up to 4 decimals)."),
                                  field=spec.key, label=spec.label, value=raw) from None
        return str(price.quantize(Decimal("0.0001")))
    if spec.kind == "hours":
        from acrel_console.domain.timewindows import parse_windows

        text = str(raw).strip()
        parse_windows(text)
        return text
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not a whole number."),
                              field=spec.key, label=spec.label, value=raw) from None
    if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: {value} is outside {minimum}..{maximum}."),
                              field=spec.key, label=spec.label, value=value, minimum=spec.minimum, maximum=spec.maximum)
    return value


SMS_DRIVERS = ("none", "modem", "http")


def _check_combination(values: dict[str, Any]) -> None:
    if values["sms_driver"] not in SMS_DRIVERS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS driver is none, modem or http."), field="sms_driver")
    if values["sms_driver"] == "modem" and not values["sms_modem_port"]:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS modem needs a serial port."), field="sms_modem_port")
    if values["sms_driver"] == "http":
        url = str(values["sms_gateway_url"])
        if not url.startswith(("http://", "https://")) or "{phone}" not in url + str(values["sms_gateway_body"]):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS gateway URL starts with http:// or https:// "
                                                              "and carries {phone} (in the URL or the body)."),
                                  field="sms_gateway_url")
        for key in sms_secrets.TEMPLATE_KEYS:
            name = sms_secrets.find_credential(str(values[key]))
            if name:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS gateway template carries a credential "
                                                                  "({name}): put it in 'SMS gateway key' and write "
                                                                  "{{key}} in its place."),
                                      field=key, name=name)
        if "{key}" in str(values["sms_gateway_url"]) + str(values["sms_gateway_body"]) and not values["sms_gateway_key"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS gateway template uses {{key}} but no SMS "
                                                              "gateway key is set."), field="sms_gateway_key")
        if str(values["sms_gateway_method"]).upper() not in ("GET", "POST"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS gateway method is GET or POST."),
                                  field="sms_gateway_method")
    if not values["alarm1_fen"] > values["alarm2_fen"] >= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Alarm 1 must be greater than alarm 2, and alarm 2 at least zero."),
                              field="alarm1_fen")


def load_all(session: Session) -> dict[str, Any]:
    """Every setting with its stored value or default; secrets from beside the site key (never the database)."""
    stored = {r.key: r.value for r in session.execute(select(SiteSettingRow)).scalars()}
    values: dict[str, Any] = {}
    for spec in SPECS:
        if spec.kind == "secret":
            values[spec.key] = site_secrets.secret(spec.key)
        else:
            values[spec.key] = _parse(spec, stored[spec.key]) if spec.key in stored else spec.default
    return values


def masked(values: dict[str, Any]) -> dict[str, Any]:
    """Settings as shown to anyone: a secret is MASK when set, and credentials a template still carries
    (stored by an older version, not yet moved) are masked."""
    out = dict(values)
    for spec in SPECS:
        if spec.kind == "secret":
            out[spec.key] = sms_secrets.MASK if values.get(spec.key) else ""
    for key in sms_secrets.TEMPLATE_KEYS:
        out[key] = sms_secrets.mask_credentials(str(out.get(key, "")))
    return out


class SiteSettingsService:
    """Read and change site defaults; every change lands in the operation log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def get_all(self, actor: Actor) -> dict[str, Any]:
        """Every setting; secrets masked (nobody reads them back, an administrator may replace them)."""
        with self.ctx.read() as s:
            return masked(load_all(s))

    @requires(Permission.CONFIGURE_SITE)
    def update(self, actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
        unknown = [k for k in changes if k not in SPEC_BY_KEY]
        if unknown:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown setting: {key}."), field=unknown[0], key=unknown[0])
        secrets = {s.key for s in SPECS if s.kind == "secret"}
        changes = {k: v for k, v in changes.items() if not (k in secrets and v == sms_secrets.MASK)}  # unchanged
        with self.ctx.transaction() as s:
            before = load_all(s)
            after = dict(before)
            for key, raw in changes.items():
                after[key] = _parse(SPEC_BY_KEY[key], raw)
            _check_combination(after)
            changed = {k: after[k] for k in changes if after[k] != before[k]}
            logged = {k: ("(changed)" if k in secrets else v) for k, v in changed.items()}
            for key, value in changed.items():
                if key in secrets:
                    continue  # written beside the site key below, never to the database
                row = s.get(SiteSettingRow, key)
                text = str(value)
                if row is None:
                    s.add(SiteSettingRow(key=key, value=text))
                else:
                    row.value = text
            if changed:
                audit.append(s, actor, "settings.update", "site",
                             before={k: ("(hidden)" if k in secrets else before[k]) for k in changed}, after=logged,
                             at=self.ctx.clock())
            for key in secrets & set(changed):
                site_secrets.store_secret(key, str(after[key]))
        if "timezone" in changed:
            self.ctx.site_clock.set_zone(str(after["timezone"]))
        return masked(after)
