"""What the operator filters the meters by (legend, search, site tree, Acrel's filter boxes): a plain value.

Kept free of widgets so that the rule is tested as a table; the filter proxy and the legend counts
both call `accepts` / `accepts_except_status`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from acrel_console.domain.status import MeterStatus
from acrel_console.services.meter_views import MeterLive

ANY = "all"
NO_BUILDING = -1  # the tree's "no building" node

# Acrel's 电表批量操作 filter boxes: name -> allowed values (ANY first).
CHOICES: dict[str, tuple[str, ...]] = {
    "balance": (ANY, "le0", "gt0"),  # 剩余金额 ≤0 / >0
    "connection": (ANY, "online", "offline"),  # 联网状态
    "relay": (ANY, "closed", "open"),  # 合闸状态
    "mode": (ANY, "prepaid", "forced"),  # 电表模式
    "account": (ANY, "opened", "unopened"),  # 开户状态
}


def search_key(m: MeterLive) -> str:
    """Lower-cased text a search looks in: room, meter number, address, gateway/address, tenant, account no."""
    parts = [m.room, m.meter_no, str(m.address), f"{m.gateway}/{m.address}", m.tenant_name or "",
             m.account_no or ""]
    return "\x1f".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class MeterFilter:
    """Everything that narrows the grid. Empty `statuses` = every status; None building/gateway = any."""

    statuses: frozenset[MeterStatus] = frozenset()
    text: str = ""
    building_id: int | None = None  # NO_BUILDING for meters without one
    gateway_id: int | None = None
    balance: str = ANY
    connection: str = ANY
    relay: str = ANY
    mode: str = ANY
    account: str = ANY
    _needle: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_needle", self.text.strip().casefold())

    def with_(self, **changes: object) -> MeterFilter:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_empty(self) -> bool:
        return self == _EMPTY

    def accepts(self, m: MeterLive, key: str | None = None) -> bool:
        return (not self.statuses or m.status in self.statuses) and self.accepts_except_status(m, key)

    def accepts_except_status(self, m: MeterLive, key: str | None = None) -> bool:
        """Every criterion but the status one (the legend counts what a status click would show)."""
        if self.building_id is not None:
            if (m.building_id if m.building_id is not None else NO_BUILDING) != self.building_id:
                return False
        if self.gateway_id is not None and m.gateway_id != self.gateway_id:
            return False
        if self._needle and self._needle not in (key if key is not None else search_key(m)):
            return False
        if self.balance != ANY:
            if m.remaining_fen is None or (m.remaining_fen <= 0) != (self.balance == "le0"):
                return False
        if self.connection != ANY and (m.status == MeterStatus.OFFLINE) != (self.connection == "offline"):
            return False
        if self.relay != ANY and (m.relay_closed is None or m.relay_closed != (self.relay == "closed")):
            return False
        if self.mode != ANY and (m.forced is None or bool(m.forced) != (self.mode == "forced")):
            return False
        if self.account != ANY and is_opened(m) != (self.account == "opened"):
            return False
        return True


def is_opened(m: MeterLive) -> bool:
    """Held by an open account (an offline meter keeps its account; its status just says offline)."""
    return m.tenant_name is not None or m.account_no is not None or m.status not in (
        MeterStatus.UNOPENED, MeterStatus.OFFLINE)


_EMPTY = MeterFilter()
