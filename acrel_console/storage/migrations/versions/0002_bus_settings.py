"""bus settings: a gateway's local echo, reconnect count in bus health (issue 12)

Revision ID: 0002_bus
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_bus'
down_revision = '0001'
branch_labels = None
depends_on = None


# Plain ADD COLUMN (no batch copy): SQLite can add a NOT NULL column with a default in place, and a
# batch copy of `gateways` would have to drop a table meters refer to.
def upgrade() -> None:
    op.add_column('gateways', sa.Column('local_echo', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('bus_health', sa.Column('reconnects', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    op.drop_column('bus_health', 'reconnects')
    op.drop_column('gateways', 'local_echo')
