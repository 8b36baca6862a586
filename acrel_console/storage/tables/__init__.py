"""ORM tables, one module per area: import the module a query needs (a short command loads only those, issue 15).
Every table module's foreign keys name tables loaded with it: site and operators here (nearly every table refers
to meters or operators), the ledger's by the modules that refer to it. `acrel_console.storage.all_tables`
registers every table on Base.metadata (Alembic, schema comparisons)."""

from acrel_console.storage.tables import operators, site  # noqa: F401 - the tables other modules' keys refer to
