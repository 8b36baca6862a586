"""What runs in the background of a site: the meter runtime (poller + dispatcher under the site lease),
the alarm engine fed by the poller, and maintenance jobs. Used by `serve` and by the one-PC GUI."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from acrel_console.app import Services

log = logging.getLogger(__name__)
SMS_INTERVAL_S = 30
RECONCILE_INTERVAL_S = 3600
PAYMENT_SWEEP_S = 3  # online orders: the active query's schedule is per order; this is how often it is looked at
# The payment method as the field texts say it ("户号:224,现金缴费：20.00元,余额：…").
_METHOD_WORDS = {"cash": "现金", "card": "刷卡机", "wechat": "微信扫码", "alipay": "支付宝扫码", "transfer": "公对公转账"}


class SiteRuntime:
    """Start/stop everything that talks to meters or runs on a schedule, for one site.

    `start()` returns False when another process holds the site lease (this one then runs nothing that
    talks to meters; a workstation). Listeners registered with `on_sweep` receive every SweepResult from
    worker threads (the GUI bridges them to a queued Qt signal).

    In an estate (issue 15) each `serve --zone Z` runs one for its zone's gateways under the zone's own lease;
    the site-wide jobs (backup, integrity, pruning, texts, reconciliation) run only in the site's own zone ("")."""

    def __init__(self, services: Services, *, bus_factory: Any = None, lease_ttl_s: float | None = None,
                 maintenance: bool = True, zone: str = "") -> None:
        from acrel_console.services.dispatcher import MeterRuntime

        self.services = services
        self.zone = zone
        self.meters = MeterRuntime(services.ctx, bus_factory=bus_factory, lease_ttl_s=lease_ttl_s,
                                   remote=services.control, zone=zone)
        self._maintenance = maintenance and not zone
        self._scheduler: BackgroundScheduler | None = None
        self._unsubscribe: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._sales_seen_until: datetime | None = None

    @property
    def poller(self) -> Any:
        return self.meters.poller

    @property
    def running(self) -> bool:
        return bool(self.meters.running)

    @property
    def lease(self) -> Any:
        """The site lease this runtime holds (or waits for)."""
        return self.meters.lease

    @property
    def lost(self) -> threading.Event:
        """Set when the lease was lost while running (another process took over)."""
        return self.meters.lost  # type: ignore[no-any-return]

    def on_sweep(self, fn: Callable[[Any], None]) -> Callable[[], None]:
        """Register a SweepResult listener (called from worker threads)."""
        return self.meters.poller.subscribe(fn)

    def on_reconciled(self, fn: Callable[[Any], None]) -> None:
        """fn(DeliveryOutcome) for each delivery of a restored database read against its meter (bus thread)."""
        self.meters.dispatcher.on_reconciled(fn)

    def start(self) -> bool:
        """Take the site lease and start polling, dispatching, alarms and maintenance."""
        with self._lock:
            if self.meters.running:
                return True
            self._unsubscribe.append(self.meters.poller.subscribe(self.services.alarm_engine.on_sweep))
            self._unsubscribe.append(self.services.alarm_engine.subscribe(self._text_tenant))
            self._unsubscribe.append(self.meters.poller.subscribe(self._bill))
            if not self.meters.start():
                for undo in self._unsubscribe:
                    undo()
                self._unsubscribe.clear()
                return False
            self._move_secrets()
            if self._maintenance:
                self._start_maintenance()
            return True

    def _move_secrets(self) -> None:
        """Upgrade: an SMS gateway credential an older version kept in the database moves beside the site
        key of this computer (the one that sends the texts)."""
        from acrel_console.services.sms_secrets import move_out_of_database

        try:
            moved = move_out_of_database(self.services.ctx)
            if moved:
                log.warning("the SMS gateway credential moved out of the database (%s)", ", ".join(moved))
        except Exception:  # noqa: BLE001 - texting still works from the old template; retried at next start
            log.exception("moving the SMS gateway credential failed")

    def _text_tenant(self, alarm: Any) -> None:
        """Alarm 1, alarm 2 and arrears text the tenant (the SMS policy decides whether and when)."""
        self.services.sms.on_alarm(alarm)

    def _bill(self, result: Any) -> None:
        """Poller listener (design §6): console-side billing for metering-only meters, tier price steps for
        meter-side meters with a tiered tariff. Only fresh readings of status/history sweeps count."""
        if getattr(result, "kind", "status") not in ("status", "history"):
            return
        from acrel_console.domain.readings import MeterReading
        from acrel_console.domain.status import MeterStatus
        from acrel_console.drivers.profiles import load_profile

        actor = _system()
        for live in result.changed:
            if live.last_seen is None or live.status is MeterStatus.OFFLINE or live.energy_total is None:
                continue
            profile = load_profile(live.model)
            if result.kind == "status" and "energy_total" not in profile.status_fields:
                continue  # a short status read carries no energy: nothing to bill (issue 15, two-speed polling)
            try:
                reading = MeterReading(read_at=live.last_seen, type_code=None, energy_total=live.energy_total,
                                       energy_by_period=self._energy_by_period(live.meter_id),
                                       relay_closed=() if live.relay_closed is None else (live.relay_closed,))
                if not profile.meter_side_balance:
                    if self.services.tariffs.meter_tariff(actor, live.meter_id) is not None:
                        self.services.tariffs.bill_reading(actor, live.meter_id, reading)
                elif live.status is not MeterStatus.UNOPENED:
                    tariff = self.services.tariffs.meter_tariff(actor, live.meter_id)
                    if tariff is not None and tariff.kind == "tiered":
                        self.services.tariffs.tier_step(actor, live.meter_id, reading)
            except Exception:  # noqa: BLE001 - billing one meter must not stop the others or the poller
                log.exception("billing meter %s failed", live.meter_id)

    def _energy_by_period(self, meter_id: int) -> tuple[int, int, int, int] | None:
        detail = self.services.meters.detail(_system(), meter_id)
        return detail.energy_by_period

    def _check_reconciliation(self) -> None:
        """Ledger against meters (services.ledger_watch): raises and clears reconciliation alarms."""
        from acrel_console.services.ledger_watch import check_reconciliation

        try:
            check_reconciliation(self.services.ctx, self.services.vending)
        except Exception:  # noqa: BLE001 - a failed check is retried at the next run
            log.exception("reconciliation check failed")

    def _text_recent_sales(self) -> None:
        """充值提醒: queue the after-sale text of every sale delivered since the last run (the SMS policy
        decides whether after-sale texts are on; one per sale, keyed by the sale's id)."""
        from acrel_console.services.ledger_watch import delivered_sales_since
        from acrel_console.services.sms import SmsLevel

        since = self._sales_seen_until or self.services.ctx.clock() - timedelta(minutes=10)
        for sale in delivered_sales_since(self.services.ctx, since):
            try:
                self.services.sms.notify(_system(), sale.meter_id, SmsLevel.AFTER_SALE, balance_fen=sale.balance_fen,
                                         amount_fen=sale.amount_fen, method=_METHOD_WORDS.get(sale.method, ""),
                                         sale_id=sale.sale_id)
            except Exception:  # noqa: BLE001 - one text must not stop the others
                log.exception("after-sale text for sale %s failed", sale.sale_id)
            since = max(since, sale.completed_at or since)
        self._sales_seen_until = since

    def _send_due_texts(self) -> None:
        try:
            self._text_recent_sales()
        except Exception:  # noqa: BLE001 - the queue is still sent below
            log.exception("queueing after-sale texts failed")
        try:
            self.services.sms.process_due(_system())
        except Exception:  # noqa: BLE001 - a broken modem must not stop the scheduler
            log.exception("sending due texts failed")

    def _sweep_payments(self) -> None:
        """Confirm due online payment orders by query, close expired ones, push refunds on (issue 17)."""
        try:
            self.services.payments.sweep()
        except Exception:  # noqa: BLE001 - a provider outage must not stop the scheduler
            log.exception("payment sweep failed")

    def _start_maintenance(self) -> None:
        scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1,
                                                      "misfire_grace_time": 3600})
        try:
            from acrel_console.services.maintenance_jobs import add_maintenance_jobs
        except ImportError:  # pragma: no cover - older trees without scheduled jobs
            add_maintenance_jobs = None
        zone = self.services.clock.refreshed().zone_name
        if add_maintenance_jobs is not None:
            add_maintenance_jobs(scheduler, self.services.ctx, timezone=zone)
        from acrel_console.services.readings_retention import add_prune_job

        add_prune_job(scheduler, self.services.ctx, timezone=zone)
        from acrel_console.services.price_rollout import add_rollout_job

        add_rollout_job(scheduler, self.services.ctx)  # new prices reach the meters when they take effect
        from acrel_console.services.payment_statements import add_reconcile_job

        add_reconcile_job(scheduler, self.services.ctx, self.services.payments)  # 对账 every morning
        scheduler.add_job(self._send_due_texts, "interval", seconds=SMS_INTERVAL_S, id="sms-due")
        scheduler.add_job(self._check_reconciliation, "interval", seconds=RECONCILE_INTERVAL_S, id="reconcile")
        scheduler.add_job(self._sweep_payments, "interval", seconds=PAYMENT_SWEEP_S, id="payments")
        scheduler.start()
        self._scheduler = scheduler

    def stop(self) -> None:
        """Stop maintenance, dispatching and polling; release the lease."""
        with self._lock:
            if self._scheduler is not None:
                self._scheduler.shutdown(wait=True)
                self._scheduler = None
            self.meters.stop()
            for undo in self._unsubscribe:
                undo()
            self._unsubscribe.clear()


def _system() -> Any:
    from acrel_console.services.base import Actor

    return Actor.system()
