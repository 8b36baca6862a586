"""reading flags: relay state and forced mode kept with each history reading (历史抄表记录, issue 14)

Revision ID: 0004_reading_flags
Revises: 0003_portal
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_reading_flags'
down_revision = '0003_portal'
branch_labels = None
depends_on = None


# Plain ADD COLUMN of nullable columns: readings stored before this revision show the flags as unknown.
def upgrade() -> None:
    op.add_column('meter_readings', sa.Column('relay_closed', sa.Boolean(), nullable=True))
    op.add_column('meter_readings', sa.Column('forced', sa.Boolean(), nullable=True))


def downgrade() -> None:
    op.drop_column('meter_readings', 'forced')
    op.drop_column('meter_readings', 'relay_closed')
