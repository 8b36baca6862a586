"""Ledger tables: tenants, accounts, operations, entries, tariffs (filled by the ledger work)."""
