"""The money services the cashier pages call, taken from app.Services when it has them, else built on its ctx.

app.Services (owned by the lead) does not carry the ledger's services yet; this adapter builds them once
per Services object from `services.ctx`, so pages do not care which is the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from acrel_console.services.accounts import AccountService
from acrel_console.services.records import RecordsService
from acrel_console.services.shifts import ShiftService
from acrel_console.services.tariffs import TariffService
from acrel_console.services.vending import VendingService


@dataclass(frozen=True)
class MoneyServices:
    """The ledger-side services over one database."""

    vending: VendingService
    accounts: AccountService
    tariffs: TariffService
    shifts: ShiftService
    records: RecordsService


_ATTR = "_cashier_money_services"


def money_services(services: Any) -> MoneyServices:
    """The money services of an app.Services (built from its ctx on first use, then cached on it)."""
    cached = getattr(services, _ATTR, None)
    if isinstance(cached, MoneyServices):
        return cached
    ctx = services.ctx

    def pick(name: str, cls: type) -> Any:
        value = getattr(services, name, None)
        return value if isinstance(value, cls) else cls(ctx)

    money = MoneyServices(pick("vending", VendingService), pick("accounts", AccountService),
                          pick("tariffs", TariffService), pick("shifts", ShiftService),
                          pick("records", RecordsService))
    try:
        setattr(services, _ATTR, money)
    except AttributeError:  # a slotted Services: build again next time, still correct
        pass
    return money
