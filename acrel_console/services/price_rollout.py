"""Prices follow the tariff in effect onto the meters that charge by their own prices (meter-side): a new tariff
version (调价), or a tariff assigned from a later date, is downloaded to every meter it applies to when it takes
effect — at once when it already has, or by the dispatcher's minute job when its date comes (also after the
console was off then) — once per meter and version, confirmed by read-back through the delivery path.

Each download carries the version in its payload (`tariff_version`): that is how a pass knows a meter already
has (or is being sent) that version, so any number of passes, processes or restarts send it once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from acrel_console.ledger import book, tariffs
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.money_common import meter_side
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import MeterTariffRow, TariffRow, TariffVersionRow, TierStateRow
from acrel_console.storage.tables.site import MeterRow

log = logging.getLogger(__name__)

VERSION_KEY = "tariff_version"
LOOKBACK = timedelta(days=31)  # a console off when a price took effect still sends it when it comes back
PRIORITY = 5  # after credit, like every price download
JOB_ID = "tariffs.rollout"
JOB_EVERY_S = 60


@dataclass(frozen=True, slots=True)
class Rollout:
    """What one pass queued: the price downloads (and TOU schedule batches) per tariff version."""

    command_ids: tuple[str, ...]
    versions: tuple[int, ...]
    schedule_batches: tuple[str, ...]


def _sent_version(s: Session, meter_ids: list[int], version_id: int) -> set[int]:
    """Meters that already have a price download of this version (any state but cancelled)."""
    tag = f'"{VERSION_KEY}":{version_id}'
    found: set[int] = set()
    for i in range(0, len(meter_ids), 500):
        found.update(s.execute(select(MeterCommandRow.meter_id).where(
            MeterCommandRow.kind == "price_download", MeterCommandRow.meter_id.in_(meter_ids[i:i + 500]),
            MeterCommandRow.state != "cancelled",
            or_(MeterCommandRow.payload_json.like(f"%{tag},%"), MeterCommandRow.payload_json.like(f"%{tag}}}%")),
        )).scalars())
    return found


def _meters_on(s: Session, tariff_id: int, at: datetime, among: set[int] | None = None) -> list[int]:
    """Meter-side, working meters whose tariff in effect at `at` is `tariff_id`."""
    latest: dict[int, tuple[datetime, int, int]] = {}
    q = select(MeterTariffRow.meter_id, MeterTariffRow.effective_from, MeterTariffRow.id, MeterTariffRow.tariff_id) \
        .where(MeterTariffRow.effective_from <= at)
    if among is not None:
        q = q.where(MeterTariffRow.meter_id.in_(among))
    for mid, eff, rid, tid in s.execute(q):
        if mid not in latest or (eff, rid) > latest[mid][:2]:
            latest[mid] = (eff, rid, tid)
    ids = sorted(mid for mid, (_e, _r, tid) in latest.items() if tid == tariff_id)
    if not ids:
        return []
    models = dict(s.execute(select(MeterRow.id, MeterRow.model).where(MeterRow.id.in_(ids),
                                                                     MeterRow.retired.is_(False))).all())
    return [mid for mid in ids if mid in models and meter_side(models[mid])]


def _prices(s: Session, meter_id: int, tariff_id: int, body: tariffs.TariffBody) -> tuple[int, int, int, int]:
    """What the meter should charge now: a tiered meter keeps the tier its tenant has reached this period."""
    if body.kind != "tiered":
        return tariffs.download_prices(body)
    st = s.get(TierStateRow, meter_id)
    idx = st.tier_index if st is not None and st.tariff_id == tariff_id else 0
    return (body.tiers[min(idx, len(body.tiers) - 1)][1],) * 4


def queue_version(s: Session, ctx: ServiceContext, actor: Actor, version: TariffVersionRow, at: datetime,
                  meter_ids: list[int] | None = None, *, again: bool = False) -> tuple[list[str], str | None]:
    """Queue `version`'s prices for the meters on its tariff now (or only `meter_ids`) that lack them (all of
    them with `again`: an operator's explicit assignment downloads even what a meter had); returns the command
    ids and the TOU schedule batch (meters that take a 时段表)."""
    t = s.get(TariffRow, version.tariff_id)
    if t is None:
        return [], None
    meters = _meters_on(s, t.id, at, set(meter_ids) if meter_ids is not None else None)
    sent = set() if again or not meters else _sent_version(s, meters, version.id)
    todo = [m for m in meters if m not in sent]
    if not todo:
        return [], None
    body = tariffs.from_json(version.body_json)
    batch = book.new_id() if len(todo) > 1 else None
    cmds = []
    for mid in todo:
        cmd = book.add_command(s, ctx.site_key, meter_id=mid, kind="price_download", created_by=actor.name, at=at,
                               payload={"prices": list(_prices(s, mid, t.id, body)), VERSION_KEY: version.id},
                               reason=f"tariff {t.name}", priority=PRIORITY, batch_id=batch)
        cmds.append(cmd.id)
        if body.kind == "tiered":
            st = s.get(TierStateRow, mid)
            if st is not None and st.tariff_id == t.id:
                st.download_command_id = cmd.id  # tier_step takes the new price once the meter confirms it
    from acrel_console.services.tariffs import schedule_downloads

    schedule = schedule_downloads(s, ctx, actor, t.name, body, todo)
    return cmds, schedule


def due_versions(s: Session, at: datetime) -> list[TariffVersionRow]:
    """The version in effect now of every tariff that got a new version, or was assigned to a meter, in the
    last LOOKBACK: what a pass may still have to send (anything older was sent when it took effect)."""
    from acrel_console.services.tariffs import version_at

    since = at - LOOKBACK
    changed = set(s.execute(select(TariffVersionRow.tariff_id).where(
        TariffVersionRow.effective_from > since, TariffVersionRow.effective_from <= at)).scalars())
    changed |= set(s.execute(select(MeterTariffRow.tariff_id).where(
        MeterTariffRow.effective_from > since, MeterTariffRow.effective_from <= at)).scalars())
    current = (version_at(s, tid, at) for tid in sorted(changed))
    return [v for v in current if v is not None]


def roll_out_due(ctx: ServiceContext, actor: Actor | None = None) -> Rollout:
    """One pass (the dispatcher's minute job): queue every due version's prices where they are missing; logged
    as tariff.rollout per version that queued anything. Never raises out of the scheduler's thread."""
    who = actor or Actor.system()
    at = ctx.clock()
    cmds: list[str] = []
    versions: list[int] = []
    batches: list[str] = []
    try:
        with ctx.transaction() as s:
            for v in due_versions(s, at):
                queued, schedule = queue_version(s, ctx, who, v, at)
                if queued:
                    t = s.get(TariffRow, v.tariff_id)
                    audit.append(s, who, "tariff.rollout", f"tariff:{t.name if t else v.tariff_id}",
                                 after={"version": v.id, "effective_from": v.effective_from.isoformat(),
                                        "meters": len(queued), "schedule_batch": schedule}, at=at)
                    cmds += queued
                    versions.append(v.id)
                    if schedule:
                        batches.append(schedule)
    except Exception:  # noqa: BLE001 - the scheduler's thread goes on; the next pass tries again
        if actor is not None:
            raise
        log.exception("price roll-out pass failed")
        return Rollout((), (), ())
    return Rollout(tuple(cmds), tuple(versions), tuple(batches))


def add_rollout_job(scheduler: object, ctx: ServiceContext) -> str:
    """Register the minute pass on the dispatcher's scheduler (only the lease holder runs it)."""
    scheduler.add_job(roll_out_due, "interval", seconds=JOB_EVERY_S, args=[ctx], id=JOB_ID,  # type: ignore[attr-defined]
                      coalesce=True, max_instances=1, replace_existing=True)
    return JOB_ID
