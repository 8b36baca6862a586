"""What runs in the background of a site: the meter runtime (poller + dispatcher under the site lease),
the alarm engine fed by the poller, and maintenance jobs. Used by `serve` and by the one-PC GUI."""

from __future__ import annotations

import json
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
# The payment method as the field texts say it ("户号:224,现金缴费：20.00元,余额：…").
_METHOD_WORDS = {"cash": "现金", "card": "刷卡机", "wechat": "微信扫码", "alipay": "支付宝扫码", "transfer": "公对公转账"}


class SiteRuntime:
    """Start/stop everything that talks to meters or runs on a schedule, for one site.

    `start()` returns False when another process holds the site lease (this one then runs nothing that
    talks to meters; a workstation). Listeners registered with `on_sweep` receive every SweepResult from
    worker threads (the GUI bridges them to a queued Qt signal)."""

    def __init__(self, services: Services, *, bus_factory: Any = None, lease_ttl_s: float | None = None,
                 maintenance: bool = True) -> None:
        from acrel_console.services.dispatcher import MeterRuntime

        self.services = services
        self.meters = MeterRuntime(services.ctx, bus_factory=bus_factory, lease_ttl_s=lease_ttl_s,
                                   remote=services.control)
        self._maintenance = maintenance
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
            if self._maintenance:
                self._start_maintenance()
            return True

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
            try:
                reading = MeterReading(read_at=live.last_seen, type_code=None, energy_total=live.energy_total,
                                       energy_by_period=self._energy_by_period(live.meter_id),
                                       relay_closed=() if live.relay_closed is None else (live.relay_closed,))
                if not load_profile(live.model).meter_side_balance:
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
        """Ledger against meters: a meter showing more than the ledger delivered, or less than consumption
        explains, raises a reconciliation alarm; one that agrees again clears it."""
        from acrel_console.domain.alarms import AlarmKind
        from acrel_console.services.alarms import clear_alarm, raise_alarm

        try:
            violations = self.services.vending.check_ledger(_system())
            mismatched = {v.ref: v for v in violations if v.code in ("meter_above_ledger", "meter_below_ledger")}
            now = self.services.ctx.clock()
            raised = []
            with self.services.ctx.transaction() as s:
                from sqlalchemy import select

                from acrel_console.domain.money import format_yuan
                from acrel_console.ledger.book import ledger_credit_fen
                from acrel_console.storage.tables.alarms import AlarmRow
                from acrel_console.storage.tables.meter_state import MeterStateRow
                from acrel_console.storage.tables.site import MeterRow

                active = set(s.execute(select(AlarmRow.target).where(
                    AlarmRow.active.is_(True), AlarmRow.kind == AlarmKind.RECONCILIATION.value)).scalars())
                for ref, violation in mismatched.items():
                    meter = s.get(MeterRow, int(ref))
                    state = s.get(MeterStateRow, int(ref))
                    alarm = raise_alarm(s, AlarmKind.RECONCILIATION, f"meter:{ref}", now, meter_id=int(ref),
                                        room=meter.room if meter is not None else f"#{ref}",
                                        ledger=format_yuan(ledger_credit_fen(s, int(ref))),
                                        meter=format_yuan(state.remaining_fen if state is not None else None),
                                        detail=violation.message)
                    if alarm is not None:
                        raised.append(alarm)
                for target in active - {f"meter:{ref}" for ref in mismatched}:
                    clear_alarm(s, AlarmKind.RECONCILIATION, target, now)
        except Exception:  # noqa: BLE001 - a failed check is retried at the next run
            log.exception("reconciliation check failed")

    def _text_recent_sales(self) -> None:
        """充值提醒: queue the after-sale text of every sale delivered since the last run (the SMS policy
        decides whether after-sale texts are on; one per sale, keyed by the sale's id)."""
        from sqlalchemy import select

        from acrel_console.services.sms import SmsLevel
        from acrel_console.storage.tables.commands import MeterCommandRow
        from acrel_console.storage.tables.ledger import OperationRow

        now = self.services.ctx.clock()
        since = self._sales_seen_until or now - timedelta(minutes=10)
        with self.services.ctx.read() as s:
            rows = s.execute(select(MeterCommandRow.meter_id, MeterCommandRow.result_json, MeterCommandRow.completed_at,
                                    OperationRow.id, OperationRow.amount_fen, OperationRow.method)
                             .join(OperationRow, MeterCommandRow.operation_id == OperationRow.id)
                             .where(MeterCommandRow.state == "delivered", MeterCommandRow.completed_at > since,
                                    OperationRow.kind == "sale")).all()
        for meter_id, result_json, completed_at, op_id, amount_fen, method in rows:
            try:
                balance = json.loads(result_json).get("remaining_fen") if result_json else None
                self.services.sms.notify(_system(), meter_id, SmsLevel.AFTER_SALE, balance_fen=balance,
                                         amount_fen=amount_fen, method=_METHOD_WORDS.get(method or "", ""),
                                         sale_id=op_id)
            except Exception:  # noqa: BLE001 - one text must not stop the others
                log.exception("after-sale text for sale %s failed", op_id)
            since = max(since, completed_at)
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

    def _start_maintenance(self) -> None:
        scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1,
                                                      "misfire_grace_time": 3600})
        try:
            from acrel_console.services.maintenance_jobs import add_maintenance_jobs
        except ImportError:  # pragma: no cover - older trees without scheduled jobs
            add_maintenance_jobs = None
        if add_maintenance_jobs is not None:
            add_maintenance_jobs(scheduler, self.services.ctx, timezone=self.services.clock.refreshed().zone_name)
        scheduler.add_job(self._send_due_texts, "interval", seconds=SMS_INTERVAL_S, id="sms-due")
        scheduler.add_job(self._check_reconciliation, "interval", seconds=RECONCILE_INTERVAL_S, id="reconcile")
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
