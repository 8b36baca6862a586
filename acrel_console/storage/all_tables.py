"""Importing this module registers every ORM table on Base.metadata (Alembic's environment, schema comparisons)."""

from acrel_console.storage.tables import commands, meter_state, operators, site  # noqa: F401
from acrel_console.storage.tables import alarms, ledger, readings  # noqa: F401
from acrel_console.storage.tables import sms  # noqa: F401
from acrel_console.storage.tables import portal  # noqa: F401
from acrel_console.storage.tables import payments  # noqa: F401
from acrel_console.storage.tables import changes  # noqa: F401

MODULES = (commands, meter_state, operators, site, alarms, ledger, readings, sms, portal, payments, changes)
