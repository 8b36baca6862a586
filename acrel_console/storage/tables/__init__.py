"""All ORM tables; importing this package registers every table on Base.metadata."""

from acrel_console.storage.tables import commands, meter_state, operators, site  # noqa: F401
from acrel_console.storage.tables import alarms, ledger, readings  # noqa: F401
from acrel_console.storage.tables import sms  # noqa: F401
from acrel_console.storage.tables import portal  # noqa: F401
from acrel_console.storage.tables import payments  # noqa: F401
from acrel_console.storage.tables import changes  # noqa: F401
