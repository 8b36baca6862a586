"""History readings and daily aggregates (filled by the polling work)."""
