"""Use cases that combine ledger, drivers and storage: the only layer the UI and CLI call."""
