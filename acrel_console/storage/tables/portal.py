"""Tenant self-service tables: a tenant's portal sign-in (PIN hash, lockout, SMS choices) and sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime
from acrel_console.storage.tables import ledger  # noqa: F401 - the tables its foreign keys refer to


class TenantAccessRow(Base):
    """How a tenant signs in to the portal: the PIN's slow salted hash (never the PIN), the count of wrong
    PINs since the last good one and the lock they caused, and which texts the tenant turned off."""

    __tablename__ = "tenant_access"

    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(255))
    pin_set_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pin_set_by: Mapped[str] = mapped_column(String(64))  # the operator, or the tenant (changed on the page)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    sms_opt_out: Mapped[str] = mapped_column(String(100), default="")  # SMS levels turned off, comma separated


class TenantSessionRow(Base):
    """One signed-in browser. `id` is the SHA-256 of the cookie's token (the token itself is never stored);
    a session ends at logout, a PIN change, `expires_at` or after the idle time without a request."""

    __tablename__ = "tenant_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))  # sent back with every form and API change
    kiosk: Mapped[bool] = mapped_column(Boolean, default=False)
    client: Mapped[str] = mapped_column(String(100), default="")  # address, for the operation log
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
