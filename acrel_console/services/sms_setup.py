"""Build the SMS policy and sender from the site settings (so a settings change takes effect at the next
send without a restart)."""

from __future__ import annotations

from typing import Any

from acrel_console.drivers.sms.api import SmsSender
from acrel_console.services.base import ServiceContext
from acrel_console.services.site_settings import load_all
from acrel_console.services.sms import ALARM_LEVELS, SmsLevel, SmsPolicy, SmsService


def policy_from(settings: dict[str, Any]) -> SmsPolicy:
    levels = set(ALARM_LEVELS)
    if settings["sms_after_sale"]:
        levels.add(SmsLevel.AFTER_SALE)
    return SmsPolicy(enabled_levels=frozenset(levels), quiet_hours=str(settings["sms_quiet_hours"]))


def sender_from(settings: dict[str, Any]) -> SmsSender | None:
    """The configured driver, or None (texts stay queued and are logged as not sent)."""
    driver = settings["sms_driver"]
    if driver == "modem":
        from acrel_console.drivers.sms.modem import AtModem, ModemConfig

        return AtModem(ModemConfig(port=str(settings["sms_modem_port"]), baud=int(settings["sms_modem_baud"])))
    if driver == "http":
        from acrel_console.drivers.sms.http_gateway import HttpGateway, HttpGatewayConfig

        method = str(settings["sms_gateway_method"]).upper()
        body = str(settings["sms_gateway_body"]) or None
        return HttpGateway(HttpGatewayConfig(url_template=str(settings["sms_gateway_url"]),
                                             method="POST" if method == "POST" else "GET",
                                             body_template=body if method == "POST" else None,
                                             success_substring=str(settings["sms_gateway_success"]) or None,
                                             key=str(settings.get("sms_gateway_key") or "")))
    return None


class SmsConfigurator:
    """Keeps an SmsService's policy and sender in step with the site settings."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._signature: tuple[Any, ...] | None = None
        self.service = SmsService(ctx)

    def current(self) -> SmsService:
        """The service configured from the settings now in force (rebuilt only when they changed)."""
        with self.ctx.read() as s:
            settings = load_all(s)
        signature = tuple(settings[k] for k in sorted(settings) if k.startswith("sms_"))
        if signature != self._signature:
            old = self.service.sender
            self.service = SmsService(self.ctx, policy=policy_from(settings), sender=sender_from(settings))
            self._signature = signature
            if old is not None:
                try:
                    old.close()
                except Exception:  # noqa: BLE001 - closing a stale driver must not stop texting
                    pass
        return self.service
