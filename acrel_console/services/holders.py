"""Who holds each meter (the tenant of its open account), cached per service context and kept current from
the meter_holder_changes log that database triggers write: a change re-reads only the meters it names,
never the whole map (issue 15: the grid of 20,000 meters and every sweep chunk used to reload every tenant).

Commit order: on PostgreSQL a change with a lower id may commit after a higher one was seen; ids skipped
that way are looked at again for GAP_WAIT_S. A restored backup is noticed when the log's newest id falls
behind the cache's (and `forget(ctx)` drops the cache after a restore in this process).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from acrel_console.ledger.queries import TenantRef, meter_tenants
from acrel_console.storage.tables.meter_state import MeterHolderChangeRow as Change

GAP_WAIT_S = 120.0  # longer than any transaction that changes a membership stays open
MAX_GAPS = 1000
MAX_TOUCHED = 2000
_KEY = "holders"


@dataclass
class _Cache:
    lock: threading.Lock = field(default_factory=threading.Lock)
    holders: dict[int, TenantRef] | None = None
    last_id: int = 0
    gaps: dict[int, float] = field(default_factory=dict)  # change id not seen yet -> when first missed
    reloads: int = 0  # full loads (tests: the map is updated, not reloaded)


def _cache(ctx: Any) -> _Cache | None:
    extras = getattr(ctx, "extras", None)
    if extras is None:
        return None
    cache = extras.get(_KEY)
    if cache is None:
        cache = extras.setdefault(_KEY, _Cache())
    return cache  # type: ignore[no-any-return]


def forget(ctx: Any) -> None:
    """Drop the cached map (after this process restored a backup)."""
    extras = getattr(ctx, "extras", None)
    if extras is not None:
        extras.pop(_KEY, None)


def reloads(ctx: Any) -> int:
    """How many times the whole map was loaded for this context."""
    cache = _cache(ctx)
    return cache.reloads if cache is not None else 0


def holders(session: Session) -> dict[int, TenantRef]:
    """meter id -> the tenant of the open account that holds it. The dict is a snapshot: never mutate it."""
    cache = _cache(session.info.get("ctx"))
    if cache is None:
        return meter_tenants(session)
    with cache.lock:
        return _current(session, cache)


def _current(session: Session, cache: _Cache) -> dict[int, TenantRef]:
    newest = int(session.execute(select(func.max(Change.id))).scalar() or 0)
    if cache.holders is not None and newest == cache.last_id and not cache.gaps:
        return cache.holders
    rows: list[Any] = []
    if cache.holders is not None and newest > cache.last_id or cache.gaps:
        q = select(Change.id, Change.meter_id).where(or_(Change.id > cache.last_id, Change.id.in_(list(cache.gaps))))
        rows = list(session.execute(q).all())
    if cache.holders is None or newest < cache.last_id or len(rows) > MAX_TOUCHED:
        # first use, a restored (older) database, or a bulk change such as a quick configuration
        cache.holders = meter_tenants(session)
        cache.last_id, cache.gaps = newest, {}
        cache.reloads += 1
        return cache.holders
    _note_ids(cache, {int(i) for i, _m in rows})
    touched = {int(m) for _i, m in rows}
    if touched:
        updated = {m: ref for m, ref in cache.holders.items() if m not in touched}
        updated.update(meter_tenants(session, touched))
        cache.holders = updated
    return cache.holders


def _note_ids(cache: _Cache, seen: set[int]) -> None:
    now = time.monotonic()
    for gid in list(cache.gaps):
        if gid in seen or now - cache.gaps[gid] > GAP_WAIT_S:
            del cache.gaps[gid]
    top = max(seen, default=cache.last_id)
    for missing in range(cache.last_id + 1, top):
        if missing not in seen:
            cache.gaps[missing] = now
    while len(cache.gaps) > MAX_GAPS:
        del cache.gaps[min(cache.gaps)]
    cache.last_id = max(cache.last_id, top)
