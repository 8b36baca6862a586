"""Database triggers that log every change of who holds a meter into meter_holder_changes (SQLite and
PostgreSQL), so a cached tenant map can be updated meter by meter instead of reloaded.

A migration that rebuilds account_meters, tenant_accounts or tenants (SQLite batch mode copies the table
and drops its triggers) must call `create(conn)` again afterwards.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS holder_am_insert AFTER INSERT ON account_meters BEGIN "
    "INSERT INTO meter_holder_changes (meter_id) VALUES (NEW.meter_id); END",
    "CREATE TRIGGER IF NOT EXISTS holder_am_update AFTER UPDATE ON account_meters BEGIN "
    "INSERT INTO meter_holder_changes (meter_id) VALUES (NEW.meter_id); "
    "INSERT INTO meter_holder_changes (meter_id) SELECT OLD.meter_id WHERE OLD.meter_id <> NEW.meter_id; END",
    "CREATE TRIGGER IF NOT EXISTS holder_am_delete AFTER DELETE ON account_meters BEGIN "
    "INSERT INTO meter_holder_changes (meter_id) VALUES (OLD.meter_id); END",
    "CREATE TRIGGER IF NOT EXISTS holder_account_update AFTER UPDATE ON tenant_accounts BEGIN "
    "INSERT INTO meter_holder_changes (meter_id) SELECT meter_id FROM account_meters WHERE account_id = NEW.id; END",
    "CREATE TRIGGER IF NOT EXISTS holder_tenant_update AFTER UPDATE ON tenants BEGIN "
    "INSERT INTO meter_holder_changes (meter_id) SELECT am.meter_id FROM account_meters am "
    "JOIN tenant_accounts ta ON ta.id = am.account_id WHERE ta.tenant_id = NEW.id; END",
)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION meter_holder_changed() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'account_meters' THEN
    IF TG_OP <> 'INSERT' THEN INSERT INTO meter_holder_changes (meter_id) VALUES (OLD.meter_id); END IF;
    IF TG_OP <> 'DELETE' THEN INSERT INTO meter_holder_changes (meter_id) VALUES (NEW.meter_id); END IF;
  ELSIF TG_TABLE_NAME = 'tenant_accounts' THEN
    INSERT INTO meter_holder_changes (meter_id) SELECT meter_id FROM account_meters WHERE account_id = NEW.id;
  ELSE
    INSERT INTO meter_holder_changes (meter_id) SELECT am.meter_id FROM account_meters am
      JOIN tenant_accounts ta ON ta.id = am.account_id WHERE ta.tenant_id = NEW.id;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""
_PG_TRIGGERS = (("holder_am", "AFTER INSERT OR UPDATE OR DELETE", "account_meters"),
                ("holder_account", "AFTER UPDATE", "tenant_accounts"),
                ("holder_tenant", "AFTER UPDATE", "tenants"))
_SQLITE_NAMES = ("holder_am_insert", "holder_am_update", "holder_am_delete", "holder_account_update",
                 "holder_tenant_update")


def create(conn: Connection) -> None:
    """Create (or re-create) the triggers on this connection's database."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_PG_FUNCTION)
        for name, when, table in _PG_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW "
                                 "EXECUTE FUNCTION meter_holder_changed()")
        return
    for sql in _SQLITE:
        conn.exec_driver_sql(sql)


def drop(conn: Connection) -> None:
    """Remove the triggers (downgrade)."""
    if conn.dialect.name == "postgresql":
        for name, _when, table in _PG_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS meter_holder_changed()")
        return
    for name in _SQLITE_NAMES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
