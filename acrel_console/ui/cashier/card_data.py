"""What the cashier sees of a meter (the four-column card of ACREL-3200-UX) and the search hits, built from
service calls only (no Qt, no SQL); every function here runs on a task worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.status import MeterStatus
from acrel_console.services.accounts import AccountInfo, MeterBalance
from acrel_console.services.base import Actor
from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.money import MoneyServices

SEARCH_LIMIT = 50


@dataclass(frozen=True, slots=True)
class MeterHit:
    """One row of the cashier's search: 表号, 用户编号, 用户名, 商铺号, 购电总额, 购电次数, 建筑."""

    meter_id: int
    meter_no: str
    account_id: int
    account_no: str
    tenant_name: str
    room: str
    total_purchased: Decimal
    purchase_count: int | None
    building: str


@dataclass(frozen=True, slots=True)
class MeterCard:
    """商铺号, 表号, 用户名称, 用户编号, 是否欠费 | 累计购电次数, 累计金额, 剩余金额, 允许上限 |
    功率阈值, 合闸状态, 强制模式 | 告警状态, 告警金额1/2 — plus the delivery state of the latest credit."""

    meter_id: int
    room: str
    meter_no: str
    model: str
    tenant_name: str
    account_no: str
    account_id: int | None
    phone: str
    in_arrears: bool | None
    purchase_count: int | None
    total_purchased: Decimal
    remaining: Decimal | None
    pending_amount: Decimal
    pending_deliveries: int
    max_credit: Decimal | None  # None = no limit
    overload_power_w: int | None
    relay_closed: bool | None
    keep_power: bool | None
    forced_open: bool | None
    status: MeterStatus
    alarm1: Decimal
    alarm2: Decimal
    last_seen: datetime | None
    meter_side: bool
    latest_delivery: DeliveryInfo | None
    confirm_above: Decimal | None = None  # the site's amount above which a sale asks once more (None: never)
    relay_stale: bool = False  # a credit was delivered after the last reading: relay and status may have changed

    @property
    def forced(self) -> bool:
        return bool(self.keep_power or self.forced_open)

    @property
    def offline(self) -> bool:
        return self.status is MeterStatus.OFFLINE


def _hit(acc: AccountInfo, m: MeterBalance, building: str) -> MeterHit:
    return MeterHit(m.meter_id, m.meter_no, acc.account_id, acc.account_no, acc.name, m.room or acc.room,
                    m.total_purchased, m.purchase_count, building)


def search_meters(services: Any, money: MoneyServices, actor: Actor, text: str) -> list[MeterHit]:
    """Meters of open accounts whose room, tenant name, phone, 用户编号 or meter number matches."""
    text = text.strip()
    if not text:
        return []
    accounts = money.accounts.list_accounts(actor, search=text, limit=SEARCH_LIMIT)
    ids = [m.meter_id for a in accounts for m in a.meters]
    buildings = {v.meter_id: v.building or "" for v in services.meters.list_live(actor, ids)} if ids else {}
    hits = []
    needle = text.casefold()
    for acc in accounts:
        tenant_match = any(needle in (v or "").casefold() for v in (acc.name, acc.room, acc.phone, acc.account_no))
        for m in acc.meters:
            meter_match = needle in m.meter_no.casefold() or needle in m.room.casefold()
            if tenant_match or meter_match:
                hits.append(_hit(acc, m, buildings.get(m.meter_id, "")))
    return hits


def load_card(services: Any, money: MoneyServices, actor: Actor, meter_id: int) -> MeterCard:
    """The card of one meter from the site, live-state, account and delivery services."""
    meter = services.site.get_meter(actor, meter_id)
    settings = services.settings.get_all(actor)
    live = next(iter(services.meters.list_live(actor, [meter_id])), None)
    account = money.accounts.account_of_meter(actor, meter_id)
    balance = None if account is None else next((m for m in account.meters if m.meter_id == meter_id), None)
    credit = [d for d in money.vending.deliveries(actor, meter_id=meter_id, limit=20) if d.amount is not None]  # credit, not downloads
    latest = credit[0] if credit else None
    remaining: Decimal | None = None
    count: int | None = None
    if balance is not None:
        remaining = balance.known_remaining if balance.meter_side else balance.ledger_credit
        count = balance.purchase_count
    if remaining is None and live is not None and live.remaining_fen is not None:
        remaining = fen_to_yuan(live.remaining_fen)
    if count is None and live is not None:
        count = live.purchase_count
    limit_fen = meter.max_credit_fen if meter.max_credit_fen is not None else int(settings["max_credit_fen"])
    a1 = meter.alarm1_fen if meter.alarm1_fen is not None else int(settings["alarm1_fen"])
    a2 = meter.alarm2_fen if meter.alarm2_fen is not None else int(settings["alarm2_fen"])
    power = meter.overload_power_w if meter.overload_power_w is not None else int(settings["overload_power_w"])
    confirm_fen = int(settings.get("sale_confirm_fen", 0) or 0)
    last_seen = live.last_seen if live else None
    delivered_at = latest.completed_at if latest is not None and latest.state == "delivered" else None
    relay_stale = delivered_at is not None and (last_seen is None or last_seen < delivered_at)
    return MeterCard(
        meter_id=meter_id, room=meter.room, meter_no=meter.meter_no, model=meter.model,
        tenant_name=account.name if account else "", account_no=account.account_no if account else "",
        account_id=account.account_id if account else None, phone=account.phone if account else "",
        in_arrears=None if remaining is None else remaining <= 0, purchase_count=count,
        total_purchased=balance.total_purchased if balance else Decimal("0.00"), remaining=remaining,
        pending_amount=balance.pending_amount if balance else Decimal("0.00"),
        pending_deliveries=balance.pending_deliveries if balance else 0,
        max_credit=fen_to_yuan(limit_fen) if limit_fen else None, overload_power_w=power,
        relay_closed=live.relay_closed if live else None, keep_power=live.keep_power if live else None,
        forced_open=live.forced_open if live else None,
        status=live.status if live else (MeterStatus.OPENED if account else MeterStatus.UNOPENED),
        alarm1=fen_to_yuan(a1), alarm2=fen_to_yuan(a2), last_seen=live.last_seen if live else None,
        meter_side=balance.meter_side if balance else True, latest_delivery=latest,
        confirm_above=fen_to_yuan(confirm_fen) if confirm_fen > 0 else None, relay_stale=relay_stale)


def refresh_card(ui_services: Any, money: MoneyServices, actor: Actor, meter_id: int,
                 poller: Any = None, timeout_s: float = 10.0,
                 on_swept: Callable[[], None] | None = None) -> MeterCard:
    """刷新表状态: ask the poller (when this process runs one) for a sweep of the meter's gateway and wait
    for it, then build the card from the fresh state. Without a poller the card is rebuilt from what
    the database holds (the serving process keeps it fresh)."""
    if poller is not None and hasattr(poller, "sweep_now"):
        meter = ui_services.site.get_meter(actor, meter_id)
        for future in poller.sweep_now(gateway_id=meter.gateway_id):
            try:
                future.result(timeout=timeout_s)
            except Exception:  # noqa: BLE001 - a failed sweep leaves the last known values (offline shows)
                pass
        if on_swept is not None:
            on_swept()
    return load_card(ui_services, money, actor, meter_id)
