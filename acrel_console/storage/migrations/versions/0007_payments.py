"""online payment: orders, notifications, statement reconciliations (issue 17)

Revision ID: 0007_payments
Revises: 0006_rollups
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import acrel_console.storage.base

revision = '0007_payments'
down_revision = '0006_rollups'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('payment_notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('notify_id', sa.String(length=128), nullable=False),
    sa.Column('received_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('out_trade_no', sa.String(length=64), nullable=False),
    sa.Column('transaction_id', sa.String(length=64), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_notifications')),
    sa.UniqueConstraint('provider', 'notify_id', name='uq_payment_notifications_id')
    )
    with op.batch_alter_table('payment_notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_notifications_received_at'), ['received_at'], unique=False)

    op.create_table('payment_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('run_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('run_by', sa.String(length=64), nullable=False),
    sa.Column('matched', sa.Integer(), nullable=False),
    sa.Column('missing_ours', sa.Integer(), nullable=False),
    sa.Column('missing_theirs', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('detail_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_statements'))
    )
    with op.batch_alter_table('payment_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_statements_day'), ['day'], unique=False)

    op.create_table('payment_orders',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('cashier_id', sa.Integer(), nullable=True),
    sa.Column('cashier_name', sa.String(length=64), nullable=False),
    sa.Column('expires_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('qr_payload', sa.Text(), nullable=False),
    sa.Column('redirect_url', sa.Text(), nullable=False),
    sa.Column('transaction_id', sa.String(length=64), nullable=True),
    sa.Column('paid_fen', sa.Integer(), nullable=True),
    sa.Column('paid_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.Column('refund_operation_id', sa.String(length=36), nullable=True),
    sa.Column('refund_state', sa.String(length=20), nullable=False),
    sa.Column('hold_reason', sa.String(length=30), nullable=False),
    sa.Column('queries', sa.Integer(), nullable=False),
    sa.Column('last_query_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('next_query_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('confirmed_by', sa.String(length=20), nullable=False),
    sa.Column('closed_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['cashier_id'], ['operators.id'], name=op.f('fk_payment_orders_cashier_id_operators')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_payment_orders_meter_id_meters')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_payment_orders_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_orders')),
    sa.UniqueConstraint('provider', 'transaction_id', name='uq_payment_orders_transaction')
    )
    with op.batch_alter_table('payment_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_orders_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_orders_meter_id'), ['meter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_orders_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index('ix_payment_orders_state_next', ['state', 'next_query_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_orders_tenant_id'), ['tenant_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payment_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_orders_tenant_id'))
        batch_op.drop_index('ix_payment_orders_state_next')
        batch_op.drop_index(batch_op.f('ix_payment_orders_operation_id'))
        batch_op.drop_index(batch_op.f('ix_payment_orders_meter_id'))
        batch_op.drop_index(batch_op.f('ix_payment_orders_created_at'))

    op.drop_table('payment_orders')
    with op.batch_alter_table('payment_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_statements_day'))

    op.drop_table('payment_statements')
    with op.batch_alter_table('payment_notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_notifications_received_at'))

    op.drop_table('payment_notifications')
