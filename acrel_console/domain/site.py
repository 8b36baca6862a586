"""Site configuration values: buildings, gateways (buses), meters, as frozen records."""

from __future__ import annotations

from dataclasses import dataclass

GATEWAY_KINDS = ("serial", "modbus-tcp", "rtu-over-tcp")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400)
PARITIES = ("N", "E", "O")
STOPBITS = (1, 2)
MIN_ADDRESS, MAX_ADDRESS = 1, 247


@dataclass(frozen=True, slots=True)
class Building:
    id: int
    name: str
    floor: str = ""
    area: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Gateway:
    id: int
    name: str
    kind: str
    host: str | None
    port: int | None
    serial_port: str | None
    baud: int
    parity: str
    stopbits: int
    timeout_ms: int
    retries: int
    inter_frame_delay_ms: int
    building_id: int | None
    enabled: bool
    local_echo: bool = False  # the line hears its own requests (two-wire adapter)
    zone: str = ""  # the group of gateways one `serve --zone` process polls (an estate); "" = the site's own

    @property
    def endpoint(self) -> str:
        """Human form: 'host:port' or the serial port with its line settings."""
        if self.kind == "serial":
            return f"{self.serial_port} {self.baud} {8}{self.parity}{self.stopbits}"
        return f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class Meter:
    id: int
    gateway_id: int
    gateway: str
    address: int
    model: str
    room: str
    building_id: int | None
    building: str | None
    ct_ratio: int
    circuit: int | None
    meter_no: str
    alarm1_fen: int | None
    alarm2_fen: int | None
    overload_power_w: int | None
    max_credit_fen: int | None
    retired: bool
    parent_meter_id: int | None = None  # 总表: the main meter this one is a sub-meter of (损耗分析)
