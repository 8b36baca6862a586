"""Pure values and rules: money, energy, statuses, tariffs math, errors (stdlib only)."""
