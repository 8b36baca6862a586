"""the energy reports read day totals from one covering index (day, meter_id, energy_total) instead of the day
index and each row: a year of 2,000 meters (730,000 day rows) sums month by month from the index alone (issue 15)

Revision ID: 0012_energy_day_index
Revises: 0011_packed_readings
"""
from __future__ import annotations

from alembic import op

revision = '0012_energy_day_index'
down_revision = '0011_packed_readings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_meter_daily_energy_day_total', 'meter_daily_energy', ['day', 'meter_id', 'energy_total'])
    op.drop_index('ix_meter_daily_energy_day', 'meter_daily_energy')


def downgrade() -> None:
    op.create_index('ix_meter_daily_energy_day', 'meter_daily_energy', ['day'])
    op.drop_index('ix_meter_daily_energy_day_total', 'meter_daily_energy')
