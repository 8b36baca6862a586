"""custom roles: the role editor's roles (权限管理) and which one an operator holds (issue 14)

Revision ID: 0008_custom_roles
Revises: 0007_payments
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import acrel_console.storage.base

revision = '0008_custom_roles'
down_revision = '0007_payments'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('custom_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('based_on', sa.String(length=64), nullable=False),
    sa.Column('permissions', sa.Text(), nullable=False),
    sa.Column('created_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', acrel_console.storage.base.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_roles')),
    sa.UniqueConstraint('name', name=op.f('uq_custom_roles_name'))
    )
    # Which custom role an operator holds: a table of its own, so `operators` (which the log refers to) is
    # never copied by a batch ALTER; operators keep their built-in roles.
    op.create_table('operator_roles',
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_operator_roles_operator_id_operators')),
    sa.ForeignKeyConstraint(['role_id'], ['custom_roles.id'], name=op.f('fk_operator_roles_role_id_custom_roles')),
    sa.PrimaryKeyConstraint('operator_id', name=op.f('pk_operator_roles'))
    )
    with op.batch_alter_table('operator_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operator_roles_role_id'), ['role_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('operator_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operator_roles_role_id'))
    op.drop_table('operator_roles')
    op.drop_table('custom_roles')
