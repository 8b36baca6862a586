"""SQLAlchemy engine/session, schema and Alembic migrations."""
