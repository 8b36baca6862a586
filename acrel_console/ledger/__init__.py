"""Money and its records: tenants, accounts, sales, refunds, reversals, transfers, the journal."""
