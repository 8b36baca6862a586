"""account changes (销户 / meter removal / 换表 settling on the meters)

Revision ID: 0009_account_changes
Revises: 0008_custom_roles
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import acrel_console.storage.base

revision = '0009_account_changes'
down_revision = '0008_custom_roles'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('account_changes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=True),
    sa.Column('new_meter_id', sa.Integer(), nullable=True),
    sa.Column('settle', sa.String(length=20), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=True),
    sa.Column('transfer_to', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('started_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('finished_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('detail_json', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['tenant_accounts.id'], name=op.f('fk_account_changes_account_id_tenant_accounts')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_account_changes_meter_id_meters')),
    sa.ForeignKeyConstraint(['new_meter_id'], ['meters.id'], name=op.f('fk_account_changes_new_meter_id_meters')),
    sa.ForeignKeyConstraint(['transfer_to'], ['meters.id'], name=op.f('fk_account_changes_transfer_to_meters')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_changes'))
    )
    with op.batch_alter_table('account_changes', schema=None) as batch_op:
        batch_op.create_index('ix_account_changes_account_state', ['account_id', 'state'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('account_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_account_changes_account_state')
    op.drop_table('account_changes')
