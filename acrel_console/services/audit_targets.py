"""Readable targets of the operation log: what `meter:190`, `command:<uuid>` or `GW-A/1` stand for.

The log's target text is part of its hash chain and is never rewritten; this reads it for a person instead:
a meter by its 仪表编号 and room (domain.meter_identity), a delivery or command by its meter, an account by
用户编号 and name, a batch by its meter count. Targets that name nothing in the database stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.meter_identity import meter_label
from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import TenantRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow


@dataclass(frozen=True, slots=True)
class TargetText:
    """What a log target names: a kind the UI words (meter, delivery, command, account, batch, ...) and text."""

    kind: str
    text: str


def _meter_texts(s: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = s.execute(select(MeterRow.id, MeterRow.meter_no, MeterRow.room).where(MeterRow.id.in_(ids)))
    return {mid: meter_label(no, room) for mid, no, room in rows}


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def describe_in(s: Session, targets: Iterable[str]) -> dict[str, TargetText]:
    """Readable text of each target that names a meter, command, batch or account (others are left out)."""
    wanted = {t for t in targets if t}
    split = {t: t.split(":", 1) for t in wanted if ":" in t}
    meter_ids = {i for k, ref in split.values() if k == "meter" and (i := _int(ref)) is not None}
    command_ids = [ref for k, ref in split.values() if k == "command"]
    commands: dict[str, tuple[int, str]] = {cid: (mid, kind) for cid, mid, kind in s.execute(select(
        MeterCommandRow.id, MeterCommandRow.meter_id, MeterCommandRow.kind).where(
        MeterCommandRow.id.in_(command_ids)))} if command_ids else {}
    meter_ids |= {mid for mid, _k in commands.values()}
    addressed = {t: t.rsplit("/", 1) for t in wanted if ":" not in t and "/" in t}
    by_address: dict[tuple[str, int], int] = {}
    if addressed:
        names = {gw for gw, _a in addressed.values()}
        for row_id, gw_name, address in s.execute(select(MeterRow.id, GatewayRow.name, MeterRow.address).join(
                GatewayRow, MeterRow.gateway_id == GatewayRow.id).where(GatewayRow.name.in_(names))):
            by_address[(gw_name, int(address))] = row_id
            meter_ids.add(row_id)
    meters = _meter_texts(s, meter_ids)
    out: dict[str, TargetText] = {}
    for target, (kind, ref) in split.items():
        meter_id = _int(ref)
        if kind == "meter" and meter_id is not None and meter_id in meters:
            out[target] = TargetText("meter", meters[meter_id])
        elif kind == "command" and ref in commands:
            command_meter, command_kind = commands[ref]
            out[target] = TargetText("delivery" if command_kind == "recharge" else "command",
                                     meters.get(command_meter, ""))
        elif kind == "batch":
            n = s.execute(select(func.count()).where(MeterCommandRow.batch_id == ref)).scalar() or 0
            out[target] = TargetText("batch", str(n))
        elif kind == "account":
            tenant = s.execute(select(TenantRow).where(TenantRow.account_no == ref)).scalar()
            if tenant is None and (tid := _int(ref)) is not None:
                tenant = s.get(TenantRow, tid)
            if tenant is not None:
                out[target] = TargetText("account", f"{tenant.account_no} · {tenant.name}")
    for target, (gw, address_text) in addressed.items():
        found = by_address.get((gw, _int(address_text) or -1))
        if found is not None and found in meters:
            out[target] = TargetText("meter", meters[found])
    return out


class AuditTargetService:
    """Readable operation-log targets for the log page and its export."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def describe(self, actor: Actor, targets: Iterable[str]) -> dict[str, TargetText]:
        with self.ctx.read() as s:
            return describe_in(s, list(targets))
