"""Alembic migration environment (one revision per schema change, never edited once released)."""
