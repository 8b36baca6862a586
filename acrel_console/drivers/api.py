"""The contract between the bus drivers and the services that poll and command meters.

A `MeterBus` is one sequential line (a serial port, or one TCP gateway port). Exactly one thread
(the bus worker) uses a given instance; it is not thread-safe by design. Every call has a bounded
timeout taken from the bus configuration and raises one of the `BusError` subclasses below;
nothing else escapes (a decoding bug is reported as `FrameError`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.readings import ForceMode, MeterReading, MoneyParams, RechargeAck

if TYPE_CHECKING:
    from acrel_console.drivers.tou import TouTable


@dataclass(frozen=True, slots=True)
class BusConfig:
    """How to reach one bus. kind: serial | modbus-tcp | rtu-over-tcp."""

    name: str
    kind: str
    host: str | None = None
    port: int | None = None
    serial_port: str | None = None
    baud: int = 9600
    parity: str = "N"
    stopbits: int = 1
    timeout_ms: int = 500
    retries: int = 1  # transport retries for reads; credit writes never retry blindly (design §8)
    inter_frame_delay_ms: int = 0
    # The line hears its own requests (two-wire adapter), possibly only in part: the reply deadline
    # allows for the echo and nothing in it is called a CRC error. A whole echo is found and
    # discarded without this setting too.
    local_echo: bool = False
    # TEA16 link cipher, None = off. A secret (design §11): kept out of repr() and so out of logs.
    cipher_key: tuple[int, int, int, int] | None = field(default=None, repr=False)


@dataclass(slots=True)
class BusCounters:
    """Per-bus health counters, incremented by the driver."""

    requests: int = 0
    timeouts: int = 0
    crc_errors: int = 0
    frame_errors: int = 0
    exceptions: int = 0
    late_replies_discarded: int = 0
    connect_failures: int = 0
    reconnects: int = 0  # connections the gateway closed or reset, reopened at once
    by_kind: dict[str, int] = field(default_factory=dict)


class BusError(Exception):
    """Base of every failure a bus call can raise.

    str(exc) is a technical English detail for logs. `user_template` is the short, translatable
    English sentence to show an operator (context "errors", no placeholders): the UI translates it
    by class instead of showing the detail.
    """

    user_template: str = QT_TRANSLATE_NOOP("errors", "Communication with the meter failed")


class BusUnavailable(BusError):
    """The port or gateway cannot be opened/connected (refused, reset, missing serial port)."""

    user_template = QT_TRANSLATE_NOOP("errors", "The serial port or gateway cannot be reached")


class PortSettingRefused(BusUnavailable):
    """The serial port exists but refuses a line setting (a Linux pty refuses parity E: EINVAL)."""

    user_template = QT_TRANSLATE_NOOP("errors", "The port {port} does not support {setting}.")

    def __init__(self, port: str, setting: str, detail: str) -> None:
        self.port = port
        self.setting = setting
        super().__init__(detail)


class MeterTimeout(BusError):
    """No (complete) reply within the timeout after the allowed retries."""

    user_template = QT_TRANSLATE_NOOP("errors", "The meter did not answer")


class FrameError(BusError):
    """A malformed, truncated, wrong-unit or wrong-function reply."""

    user_template = QT_TRANSLATE_NOOP("errors", "The meter's reply was garbled")


class FloodError(FrameError):
    """A meter (or the line) sent far more bytes than any reply without answering: cut off."""

    user_template = QT_TRANSLATE_NOOP("errors", "The meter flooded the line with data and was cut off")


class CrcError(FrameError):
    """A reply whose CRC did not match."""

    user_template = QT_TRANSLATE_NOOP("errors", "The meter's reply was corrupted on the line (CRC error)")


class InvalidRequest(BusError, ValueError):
    """The request cannot be encoded for this meter (value out of range, unsupported by the
    profile, unknown model). Raised before anything is sent."""

    user_template = QT_TRANSLATE_NOOP("errors", "This command is not possible on this meter")


class ExceptionReply(BusError):
    """The meter answered with a Modbus exception (code 4 to a recharge: wrong purchase count)."""

    user_template = QT_TRANSLATE_NOOP("errors", "The meter refused the command")

    def __init__(self, function: int, code: int) -> None:
        self.function = function
        self.code = code
        super().__init__(f"exception reply to function 0x{function:02X}: code {code}")


class MeterBus(Protocol):
    """Operations on meters of one bus. `address` is the RS485 address / unit id."""

    counters: BusCounters

    def connect(self) -> None: ...
    def close(self) -> None: ...
    def read_realtime(self, address: int, model: str) -> MeterReading: ...
    def read_money_params(self, address: int, model: str) -> MoneyParams: ...
    def recharge(self, address: int, model: str, amount_fen: int, purchase_count: int) -> RechargeAck: ...
    def write_money_params(self, address: int, model: str, params: MoneyParams) -> None: ...
    def force(self, address: int, model: str, mode: ForceMode) -> None: ...
    def set_clock(self, address: int, model: str, at_local: datetime) -> None: ...
    def write_schedule(self, address: int, model: str, schedule: Sequence[tuple[int, int]]) -> None: ...
    def read_schedule(self, address: int, model: str) -> TouTable: ...
