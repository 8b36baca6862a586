"""Ledger tables: tenants, accounts, operations, entries, shifts, receipts, tariffs (design §6-§8).

Money records are append-only: operations, entries, receipts, receipt prints, tariff versions and
meter-tariff assignments are only ever inserted. A session that tries to update or delete one of them
fails at flush (see `_refuse_changes`). Rows that carry a lifecycle (an account that closes, a meter
membership that ends, a shift that closes) set their closing fields once, from empty.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from acrel_console.storage.base import Base, UtcDateTime, Uuid36, utcnow


class LedgerCounterRow(Base):
    """Named counters (用户编号, receipt numbers). Locked FOR UPDATE while a number is taken."""

    __tablename__ = "ledger_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class TenantRow(Base):
    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)  # 用户编号, generated
    name: Mapped[str] = mapped_column(String(100), index=True)
    room: Mapped[str] = mapped_column(String(100), default="", index=True)  # 商铺号 / 房间号
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class TenantAccountRow(Base):
    """An account of a tenant: open until 销户 (closed_at set once)."""

    __tablename__ = "tenant_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    close_reason: Mapped[str] = mapped_column(Text, default="")


class AccountMeterRow(Base):
    """Membership history of a meter in an account (一户多表). Current = removed_at IS NULL."""

    __tablename__ = "account_meters"
    __table_args__ = (Index("ix_account_meters_meter_removed", "meter_id", "removed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("tenant_accounts.id"), index=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    added_by: Mapped[str] = mapped_column(String(64))
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    removed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    removed_reason: Mapped[str] = mapped_column(Text, default="")


class LedgerAccountRow(Base):
    """An account of the chart (design §7). code is unique: 'drawer:<shift>:<method>',
    'prepaid:<meter>', 'revenue:energy', 'adjustment', 'opening'."""

    __tablename__ = "ledger_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # drawer | prepaid | revenue | adjustment | opening
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True, index=True)
    method: Mapped[str | None] = mapped_column(String(20), nullable=True)


class ShiftRow(Base):
    """A cashier's shift; the drawer accounts hang off it. Closed once by a supervisor."""

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cashier_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    cashier_name: Mapped[str] = mapped_column(String(64), index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    counted_cash_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    close_note: Mapped[str] = mapped_column(Text, default="")


class OperationRow(Base):
    """One money operation (append-only). id is the caller's UUID, made before anything is sent.

    kind: sale | refund | reversal | transfer | opening | adjustment | consumption | close.
    sale_type (records page): normal (正常售电) | reversal (冲正) | refund (退电) | None.
    """

    __tablename__ = "ledger_operations"
    __table_args__ = (Index("ix_ledger_operations_meter_at", "meter_id", "at"),)

    id: Mapped[str] = mapped_column(Uuid36(), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    sale_type: Mapped[str | None] = mapped_column(String(20), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)
    to_meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), nullable=True)  # transfers
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id"), nullable=True, index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("tenant_accounts.id"), nullable=True)
    amount_fen: Mapped[int] = mapped_column(Integer)  # positive; direction comes from kind
    method: Mapped[str | None] = mapped_column(String(20), nullable=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), nullable=True)
    operator_name: Mapped[str] = mapped_column(String(64), index=True)
    approver_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), nullable=True, index=True)
    ref_operation_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    remark: Mapped[str] = mapped_column(Text, default="")  # e.g. 开户首充
    receipt_no: Mapped[str | None] = mapped_column(String(30), nullable=True)
    purchase_count_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cumulative_fen_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy_centi_kwh: Mapped[int | None] = mapped_column(Integer, nullable=True)  # consumption bookings
    detail_json: Mapped[str] = mapped_column(Text, default="")


class EntryRow(Base):
    """A posting: amount_fen on one ledger account (debit positive). An operation's entries sum to zero."""

    __tablename__ = "ledger_entries"
    # Covering indexes: the balance check and account sums scan an index, never the table.
    __table_args__ = (Index("ix_ledger_entries_operation_amount", "operation_id", "amount_fen"),
                      Index("ix_ledger_entries_account_amount", "account_id", "amount_fen"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    operation_id: Mapped[str] = mapped_column(ForeignKey("ledger_operations.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    amount_fen: Mapped[int] = mapped_column(Integer)


class ReceiptRow(Base):
    __tablename__ = "receipts"

    number: Mapped[str] = mapped_column(String(30), primary_key=True)
    operation_id: Mapped[str] = mapped_column(ForeignKey("ledger_operations.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReceiptPrintRow(Base):
    """Each print of a receipt; every one after the first is a reprint (补打)."""

    __tablename__ = "receipt_prints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(ForeignKey("receipts.number"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_name: Mapped[str] = mapped_column(String(64))
    reprint: Mapped[bool] = mapped_column(default=False)


class TariffRow(Base):
    """A named price scheme: flat (一表一价), tou (尖峰平谷) or tiered (阶梯)."""

    __tablename__ = "tariffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")


class TariffVersionRow(Base):
    """One version of a tariff, valid from effective_from (append-only; a change is a new version)."""

    __tablename__ = "tariff_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), index=True)
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    body_json: Mapped[str] = mapped_column(Text)  # prices, schedule, tiers (see ledger.tariffs)


class MeterTariffRow(Base):
    """Assignment history: the meter uses tariff_id from effective_from on (append-only)."""

    __tablename__ = "meter_tariffs"
    __table_args__ = (Index("ix_meter_tariffs_meter_from", "meter_id", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime)
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    assigned_by: Mapped[str] = mapped_column(String(64))


class BillingStateRow(Base):
    """Console-side billing (design §6) per metering-only meter: last billed reading, arrears streak."""

    __tablename__ = "billing_state"

    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), primary_key=True)
    energy_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy_by_period_json: Mapped[str] = mapped_column(Text, default="")
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    nonpositive_reads: Mapped[int] = mapped_column(Integer, default=0)


class TierStateRow(Base):
    """Tiered (阶梯) state of a meter-side meter (design §6): the tier period, the energy at its start, the
    tier the tenant is in, the tier price the meter charges now, and the energy adjusted up to."""

    __tablename__ = "tier_state"

    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), primary_key=True)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    period_key: Mapped[str] = mapped_column(String(7))  # '2026-03' (month) or '2026' (year), site-local
    start_energy: Mapped[int] = mapped_column(Integer)  # 0.01 kWh at the start of the period
    tier_index: Mapped[int] = mapped_column(Integer, default=0)
    meter_price: Mapped[int] = mapped_column(Integer)  # 0.0001 yuan/kWh the meter deducts by (last confirmed)
    adjusted_energy: Mapped[int] = mapped_column(Integer)  # energy_total up to which differences are booked
    download_command_id: Mapped[str | None] = mapped_column(Uuid36(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


APPEND_ONLY: tuple[type[Base], ...] = (OperationRow, EntryRow, ReceiptRow, ReceiptPrintRow, TariffVersionRow,
                                       MeterTariffRow)


class AppendOnlyViolation(RuntimeError):
    """Code tried to update or delete a money record."""


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    # Design §7: nothing is updated or deleted; a correction is a new operation.
    for obj in list(session.deleted):
        if isinstance(obj, APPEND_ONLY):
            raise AppendOnlyViolation(f"{type(obj).__name__} is append-only: delete refused")
    for obj in list(session.dirty):
        if isinstance(obj, APPEND_ONLY) and session.is_modified(obj, include_collections=False):
            raise AppendOnlyViolation(f"{type(obj).__name__} is append-only: update refused")
