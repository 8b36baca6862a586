"""an estate on one database: a gateway's zone, polled by that zone's own `serve --zone` (issue 15)

Revision ID: 0010_zones
Revises: 0009_account_changes
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_zones'
down_revision = '0009_account_changes'
branch_labels = None
depends_on = None


# Plain ADD COLUMN with a default (see 0002): every existing gateway stays in the site's own zone ("").
def upgrade() -> None:
    op.add_column('gateways', sa.Column('zone', sa.String(length=28), nullable=False, server_default=''))


def downgrade() -> None:
    op.drop_column('gateways', 'zone')
