"""Meter-side simulator of Acrel prepaid meters (and ADL400) over Modbus-TCP, RTU-over-TCP, pty.

An independent implementation of the meter side, written from the hardware doc and design §13
(it never imports the client codecs). See README.md in this package for the API and layouts.
"""

from acrel_console.drivers.simulator.bus import BusStats, SimBus, make_bus, parse_units
from acrel_console.drivers.simulator.clock import FakeClock, RealClock, ScaledClock
from acrel_console.drivers.simulator.crc import crc16, crc_ok, with_crc
from acrel_console.drivers.simulator.demo import (
    DemoBus,
    DemoSite,
    build_demo_population,
    run_simulator_cli,
)
from acrel_console.drivers.simulator.faults import Fault, Injection
from acrel_console.drivers.simulator.meter import Model, PowerControl, SimMeter
from acrel_console.drivers.simulator.runner import RunningServer, start, start_pty, start_tcp
from acrel_console.drivers.simulator.server import (
    MODE_MODBUS_TCP,
    MODE_PTY,
    MODE_RTU_OVER_TCP,
    SimServer,
    start_server,
)
from acrel_console.drivers.simulator.tariff import DEFAULT_SCHEDULE, TouSchedule

__all__ = [
    "BusStats",
    "DEFAULT_SCHEDULE",
    "DemoBus",
    "DemoSite",
    "FakeClock",
    "Fault",
    "Injection",
    "MODE_MODBUS_TCP",
    "MODE_PTY",
    "MODE_RTU_OVER_TCP",
    "Model",
    "PowerControl",
    "RealClock",
    "RunningServer",
    "ScaledClock",
    "SimBus",
    "SimMeter",
    "SimServer",
    "TouSchedule",
    "build_demo_population",
    "crc16",
    "crc_ok",
    "make_bus",
    "parse_units",
    "run_simulator_cli",
    "start",
    "start_pty",
    "start_server",
    "start_tcp",
    "with_crc",
]
