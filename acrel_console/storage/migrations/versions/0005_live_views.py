"""live views at scale: force and over-limit state as columns, the meter-holder change log (issue 15)

Revision ID: 0005_live
Revises: 0004_reading_flags
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from acrel_console.storage import holder_triggers

revision = '0005_live'
down_revision = '0004_reading_flags'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (see 0002): the grid reads these instead of parsing every meter's values_json.
    op.add_column('meter_state', sa.Column('forced_open', sa.Boolean(), nullable=True))
    op.add_column('meter_state', sa.Column('over_limit', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('meter_state', sa.Column('power_w', sa.Integer(), nullable=True))
    conn = op.get_bind()
    state = sa.table('meter_state', sa.column('meter_id', sa.Integer()), sa.column('values_json', sa.Text()),
                     sa.column('forced_open', sa.Boolean()), sa.column('over_limit', sa.Boolean()),
                     sa.column('power_w', sa.Integer()))
    for meter_id, values_json in conn.execute(sa.select(state.c.meter_id, state.c.values_json)).all():
        try:
            values = json.loads(values_json or "{}")
        except ValueError:
            continue
        forced_open, power = values.get("forced_open"), values.get("power_w") or None
        conn.execute(state.update().where(state.c.meter_id == meter_id).values(
            forced_open=None if forced_open is None else bool(forced_open),
            over_limit=bool(values.get("over_limit", False)), power_w=None if power is None else int(power[-1])))
    op.create_table('meter_holder_changes',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('meter_id', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_holder_changes')))
    holder_triggers.create(conn)


def downgrade() -> None:
    holder_triggers.drop(op.get_bind())
    op.drop_table('meter_holder_changes')
    op.drop_column('meter_state', 'power_w')
    op.drop_column('meter_state', 'over_limit')
    op.drop_column('meter_state', 'forced_open')
