"""Operators (users of the console), the roles made in the role editor and the hash-chained operation log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, utcnow


class CustomRoleRow(Base):
    """权限管理: a role copied from a built-in one, with the permissions ticked in the role editor."""

    __tablename__ = "custom_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    based_on: Mapped[str] = mapped_column(String(64))  # the role it was copied from (built-in value or custom name)
    permissions: Mapped[str] = mapped_column(Text, default="")  # sorted permission values, comma-separated
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class OperatorRow(Base):
    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20))  # a built-in role's value, or "custom" (operator_roles says which)
    password_hash: Mapped[str] = mapped_column(String(255))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class OperatorCustomRoleRow(Base):
    """Which custom role an operator whose role is 'custom' holds (a row of its own: no ALTER of operators)."""

    __tablename__ = "operator_roles"

    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"), primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("custom_roles.id"), index=True)


class AuditRow(Base):
    """操作日志: append-only; each row's hash covers its fields and the previous row's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    operator_name: Mapped[str] = mapped_column(String(64))  # kept even if the operator is renamed
    kind: Mapped[str] = mapped_column(String(60), index=True)  # e.g. meter.add, sale.post
    target: Mapped[str] = mapped_column(String(200), default="")
    before_json: Mapped[str] = mapped_column(Text, default="")
    after_json: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
