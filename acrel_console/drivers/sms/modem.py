"""GSM modem driver: AT commands in PDU mode over a serial port (pyserial), every wait bounded.

Conversation per SMS part (3GPP TS 27.005 §3.5.1):

    AT+CMGS=<tpdu octets>\r   ->  '> '
    <pdu hex><Ctrl-Z>          ->  '+CMGS: <mr>' 'OK'  |  '+CMS ERROR: <n>'  |  'ERROR'

The port is opened lazily on the first send and initialised with AT (a few tries, to sync
autobauding modems), ATE0, AT+CMEE=1 and AT+CMGF=0. After a timeout or an I/O error the port is
closed so the next send starts from a clean modem state.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import serial

from acrel_console.drivers.sms.api import SendResult, SmsRejected, SmsTimeout, SmsUnavailable
from acrel_console.drivers.sms.pdu import TYPE_UNKNOWN, SubmitPdu, encode_submit

CTRL_Z = b"\x1a"
ESC = b"\x1b"
_CMS = re.compile(r"^\+CM[SE] ERROR:\s*(\d+)")
_CMGS = re.compile(r"^\+CMGS:\s*(\d+)")
READ_SLICE_S = 0.05

# +CMS ERROR codes that will not go away by retrying the same message (TS 27.005 §3.2.5):
# 1-127 are network causes for this number (unassigned, barred, ...), 300s are bad parameters.
_FINAL_CMS = frozenset(range(1, 128)) | {302, 303, 304, 305}


@dataclass(frozen=True, slots=True)
class ModemConfig:
    """How to reach and drive one GSM modem."""

    port: str  # /dev/ttyUSB0, COM3, or a pyserial URL (socket://host:port)
    baud: int = 115200
    command_timeout_s: float = 3.0
    prompt_timeout_s: float = 10.0
    submit_timeout_s: float = 60.0  # the network can take tens of seconds to accept a part
    sync_attempts: int = 3
    smsc: str | None = None  # None: the SIM's service centre
    validity: int | None = 0xA7  # relative TP-VP: 24 hours
    national_type: int = TYPE_UNKNOWN
    max_parts: int = 6
    ref16: bool = False


class AtModem:
    """SmsSender over a GSM modem. Thread-safe: one conversation at a time."""

    name = "modem"

    def __init__(self, config: ModemConfig, *, open_port: Callable[[ModemConfig], Any] | None = None) -> None:
        self.config = config
        self._open_port = open_port or _open_serial
        self._port: Any = None
        self._buf = bytearray()
        self._lock = threading.Lock()
        self._concat_ref = random.randrange(0x10000 if config.ref16 else 0x100)
        self.log: list[str] = []  # the last conversation, newest last (bounded), for diagnostics

    # -- SmsSender -------------------------------------------------------------------------
    def send(self, phone: str, text: str) -> SendResult:
        """Send one text (split into parts as needed). Raises SmsError subclasses only."""
        with self._lock:
            self._concat_ref = (self._concat_ref + 1) % (0x10000 if self.config.ref16 else 0x100)
            pdus = encode_submit(
                phone, text, concat_ref=self._concat_ref, validity=self.config.validity, smsc=self.config.smsc,
                ref16=self.config.ref16, national_type=self.config.national_type, max_parts=self.config.max_parts,
            )
            refs: list[str] = []
            try:
                if self._port is None:
                    self._initialise()
                for pdu in pdus:
                    refs.append(self._submit(pdu))
            except SmsRejected as exc:
                exc.sent_refs = tuple(refs)
                raise
            except (SmsTimeout, SmsUnavailable) as exc:
                exc.sent_refs = tuple(refs)
                self._drop_port()
                raise
            return SendResult(driver=self.name, parts=len(pdus), refs=tuple(refs),
                              detail=f"{len(pdus)} part(s) via {self.config.port}")

    def close(self) -> None:
        with self._lock:
            self._drop_port()

    # -- conversation ----------------------------------------------------------------------
    def _initialise(self) -> None:
        try:
            self._port = self._open_port(self.config)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise SmsUnavailable(f"cannot open modem port {self.config.port}: {exc}") from exc
        self._buf.clear()
        self._discard_input()
        for attempt in range(self.config.sync_attempts):
            try:
                self.command("AT")
                break
            except SmsTimeout:
                if attempt == self.config.sync_attempts - 1:
                    raise
        self.command("ATE0")
        try:
            self.command("AT+CMEE=1")  # numeric +CMS/+CME errors; optional on some modems
        except SmsRejected:
            pass
        self.command("AT+CMGF=0")

    def command(self, cmd: str, timeout_s: float | None = None) -> list[str]:
        """Send one AT command and wait for its final result; returns the intermediate lines."""
        self._write(cmd.encode("ascii") + b"\r")
        deadline = time.monotonic() + (timeout_s if timeout_s is not None else self.config.command_timeout_s)
        lines: list[str] = []
        while True:
            line = self._read_line(deadline, what=cmd)
            if line == cmd:  # echo (before ATE0 took effect)
                continue
            final = self._final(line)
            if final is True:
                return lines
            lines.append(line)

    def _submit(self, pdu: SubmitPdu) -> str:
        self._write(f"AT+CMGS={pdu.tpdu_length}\r".encode("ascii"))
        deadline = time.monotonic() + self.config.prompt_timeout_s
        try:
            while True:
                if self._take_prompt():
                    break
                line = self._read_line(deadline, what="the '> ' prompt", prompt_ok=True)
                if line == "":
                    break  # the prompt arrived (and was consumed)
                self._final(line)  # an error before the prompt raises; anything else is ignored
        except SmsTimeout:
            self._write(ESC)  # leave the prompt state if it comes late
            raise
        self._write(pdu.hex.encode("ascii") + CTRL_Z)
        deadline = time.monotonic() + self.config.submit_timeout_s
        ref: str | None = None
        while True:
            line = self._read_line(deadline, what="+CMGS")
            m = _CMGS.match(line)
            if m:
                ref = m.group(1)
                continue
            if self._final(line) is True:
                if ref is None:
                    raise SmsRejected("modem answered OK without a +CMGS reference")
                return ref

    @staticmethod
    def _final(line: str) -> bool | None:
        """True for OK; raises for ERROR/+CMS ERROR; None for any other (informational/unsolicited) line."""
        if line == "OK":
            return True
        if line == "ERROR":
            raise SmsRejected("modem answered ERROR")
        m = _CMS.match(line)
        if m:
            code = int(m.group(1))
            raise SmsRejected(f"modem answered {line}", code=code, retryable=code not in _FINAL_CMS)
        return None

    # -- bytes -----------------------------------------------------------------------------
    def _write(self, data: bytes) -> None:
        self._remember(">> " + data.decode("ascii", "replace").replace("\r", "\\r"))
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            raise SmsUnavailable(f"writing to {self.config.port} failed: {exc}") from exc

    def _discard_input(self) -> None:
        try:
            self._port.reset_input_buffer()
        except (serial.SerialException, OSError, AttributeError):
            pass

    def _take_prompt(self) -> bool:
        """True (and consume it) when the buffer holds the '> ' prompt after any complete lines."""
        stripped = bytes(self._buf).lstrip(b"\r\n")
        if stripped.startswith(b">"):
            self._buf.clear()
            return True
        return False

    def _read_line(self, deadline: float, *, what: str, prompt_ok: bool = False) -> str:
        """The next non-empty line; '' when prompt_ok and the '> ' prompt arrived instead."""
        while True:
            while True:
                cut = _line_end(self._buf)
                if cut is None:
                    break
                raw = bytes(self._buf[:cut])
                del self._buf[: cut + 1]
                line = raw.decode("ascii", "replace").strip()
                if line:
                    self._remember("<< " + line)
                    return line
            if prompt_ok and self._take_prompt():
                return ""
            if time.monotonic() >= deadline:
                raise SmsTimeout(f"no answer from the modem on {self.config.port} waiting for {what}")
            try:
                chunk = self._port.read(max(1, getattr(self._port, "in_waiting", 0) or 1))
            except (serial.SerialException, OSError) as exc:
                raise SmsUnavailable(f"reading from {self.config.port} failed: {exc}") from exc
            if chunk:
                self._buf.extend(chunk)

    def _remember(self, entry: str) -> None:
        self.log.append(entry)
        del self.log[:-200]

    def _drop_port(self) -> None:
        if self._port is not None:
            try:
                self._port.close()
            except (serial.SerialException, OSError):
                pass
        self._port = None
        self._buf.clear()


def _line_end(buf: bytearray) -> int | None:
    cr, lf = buf.find(b"\r"), buf.find(b"\n")
    ends = [i for i in (cr, lf) if i >= 0]
    return min(ends) if ends else None


def _open_serial(config: ModemConfig) -> Any:
    return serial.serial_for_url(config.port, baudrate=config.baud, timeout=READ_SLICE_S,
                                 write_timeout=config.command_timeout_s)
