"""tenant portal: tenant_access (PIN hash, lockout, SMS choices) and tenant_sessions (issue 16)

Revision ID: 0003_portal
Revises: 0002_bus
Create Date: 2026-12-05 22:26:14.397316
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import acrel_console.storage.base


revision = '0003_portal'
down_revision = '0002_bus'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tenant_access',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('pin_hash', sa.String(length=255), nullable=False),
    sa.Column('pin_set_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('pin_set_by', sa.String(length=64), nullable=False),
    sa.Column('failed_pins', sa.Integer(), nullable=False),
    sa.Column('locked_until', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('sms_opt_out', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_tenant_access_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('tenant_id', name=op.f('pk_tenant_access'))
    )
    op.create_table('tenant_sessions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('kiosk', sa.Boolean(), nullable=False),
    sa.Column('client', sa.String(length=100), nullable=False),
    sa.Column('created_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_tenant_sessions_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_sessions'))
    )
    with op.batch_alter_table('tenant_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_sessions_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_sessions_tenant_id'), ['tenant_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tenant_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenant_sessions_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_tenant_sessions_expires_at'))

    op.drop_table('tenant_sessions')
    op.drop_table('tenant_access')
