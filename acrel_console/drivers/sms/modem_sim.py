"""A GSM modem simulator on a pty pair: answers the AT/PDU conversation, records texts, injects faults.

    with ModemSimulator() as sim:            # sim.port is a /dev/pts/N path for pyserial
        modem = AtModem(ModemConfig(port=sim.port))
        sim.fail_next("cms_error", code=500)   # the next AT+CMGS gets '+CMS ERROR: 500'
        ...
        sim.sent[-1].decoded.text

Faults (each consumed by one AT+CMGS): "cms_error" (+CMS ERROR: code), "error" (plain ERROR),
"silence" (no answer after the PDU), "no_prompt" (no '> ' prompt). `sim.dead = True` makes it
answer nothing at all. Like a real modem it starts with echo on (ATE0 turns it off).
"""

from __future__ import annotations

import os
import select
import threading
import tty
from collections import deque
from dataclasses import dataclass
from typing import Literal

from acrel_console.drivers.sms.pdu import DecodedSubmit, decode_submit

Fault = Literal["cms_error", "error", "silence", "no_prompt", "ok"]  # "ok": a success placeholder
CTRL_Z = 0x1A
ESC = 0x1B


@dataclass(frozen=True, slots=True)
class SimulatedSms:
    """One PDU the simulated modem accepted."""

    pdu_hex: str
    tpdu_length: int
    mr: int  # the +CMGS reference it answered
    decoded: DecodedSubmit


class ModemSimulator:
    """The modem side of a pty pair, served by a daemon thread until stop()."""

    def __init__(self, *, echo: bool = True) -> None:
        self.echo = echo
        self.dead = False
        self.pdu_mode = False
        self.sent: list[SimulatedSms] = []
        self.commands: list[str] = []
        self.port = ""
        self._faults: deque[tuple[Fault, int]] = deque()
        self._mr = 0
        self._master = -1
        self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> str:
        """Open the pty pair and serve it; returns the port path for the driver."""
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no line discipline: bytes pass as a serial line would
        self.port = os.ttyname(self._slave)
        self._thread = threading.Thread(target=self._serve, name="modem-sim", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def __enter__(self) -> ModemSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- fault injection -------------------------------------------------------------------
    def fail_next(self, fault: Fault, *, code: int = 500, times: int = 1, after: int = 0) -> None:
        """Make `times` AT+CMGS fail in the given way, after `after` more successful ones."""
        with self._lock:
            for _ in range(after):
                self._faults.append(("ok", 0))
            for _ in range(times):
                self._faults.append((fault, code))

    def unsolicited(self, line: str) -> None:
        """Emit an unsolicited result code (e.g. '+CMTI: \"SM\",3') as a real modem would."""
        self._write(f"\r\n{line}\r\n".encode())

    # -- the conversation ------------------------------------------------------------------
    def _write(self, data: bytes) -> None:
        if self._master >= 0 and not self.dead:
            os.write(self._master, data)

    def _serve(self) -> None:
        line = bytearray()
        pdu: bytearray | None = None  # collecting a PDU after the prompt
        expected_len = 0
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 4096)
            except OSError:
                continue
            for byte in chunk:
                if pdu is not None:
                    if byte == CTRL_Z:
                        self._submitted(pdu.decode("ascii", "replace"), expected_len)
                        pdu = None
                    elif byte == ESC:
                        pdu = None
                        self._write(b"\r\nOK\r\n")
                    else:
                        pdu.append(byte)
                        if self.echo:
                            self._write(bytes([byte]))
                    continue
                if byte in (0x0D, 0x0A):
                    if line:
                        text = line.decode("ascii", "replace").strip()
                        line.clear()
                        result = self._command(text)
                        if result is not None:
                            expected_len = result
                            pdu = bytearray()
                elif byte >= 0x20:
                    line.append(byte)

    def _command(self, cmd: str) -> int | None:
        """Answer one command line; returns the announced TPDU length after a '> ' prompt."""
        self.commands.append(cmd)
        if self.dead:
            return None
        if self.echo:
            self._write(cmd.encode() + b"\r")
        upper = cmd.upper()
        if upper == "AT" or upper.startswith("AT+CMEE") or upper.startswith("AT+CSCS"):
            self._write(b"\r\nOK\r\n")
        elif upper in ("ATE0", "ATE1"):
            self.echo = upper == "ATE1"
            self._write(b"\r\nOK\r\n")
        elif upper.startswith("AT+CMGF="):
            self.pdu_mode = upper.endswith("=0")
            self._write(b"\r\nOK\r\n")
        elif upper.startswith("AT+CMGS="):
            fault = self._peek_fault()
            if not self.pdu_mode:
                self._write(b"\r\n+CMS ERROR: 302\r\n")
                return None
            try:
                length = int(upper.split("=", 1)[1])
            except ValueError:
                self._write(b"\r\nERROR\r\n")
                return None
            if fault is not None and fault[0] == "no_prompt":
                self._take_fault()
                return None
            self._write(b"\r\n> ")
            return length
        else:
            self._write(b"\r\nERROR\r\n")
        return None

    def _peek_fault(self) -> tuple[Fault, int] | None:
        with self._lock:
            return self._faults[0] if self._faults else None

    def _take_fault(self) -> tuple[Fault, int] | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    def _submitted(self, pdu_hex: str, expected_len: int) -> None:
        fault = self._take_fault()
        if fault is not None and fault[0] != "ok":
            kind, code = fault
            if kind == "cms_error":
                self._write(f"\r\n+CMS ERROR: {code}\r\n".encode())
            elif kind == "error":
                self._write(b"\r\nERROR\r\n")
            return  # "silence": nothing at all
        try:
            data = bytes.fromhex(pdu_hex)
            smsc_len = data[0] + 1
            if len(data) - smsc_len != expected_len:
                raise ValueError("length mismatch")
            decoded = decode_submit(pdu_hex)
        except (ValueError, IndexError):
            self._write(b"\r\n+CMS ERROR: 304\r\n")  # invalid PDU mode parameter
            return
        mr = self._mr
        self._mr = (self._mr + 1) % 256
        self.sent.append(SimulatedSms(pdu_hex=pdu_hex, tpdu_length=expected_len, mr=mr, decoded=decoded))
        self._write(f"\r\n+CMGS: {mr}\r\n\r\nOK\r\n".encode())


def main(argv: list[str] | None = None) -> int:
    """Demo: `python -m acrel_console.drivers.sms.modem_sim` serves a modem on a pty and prints each text."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Simulated GSM modem on a pty (AT commands, PDU mode).")
    parser.add_argument("--fail-every", type=int, default=0, help="answer +CMS ERROR: 500 to every Nth text")
    args = parser.parse_args(argv)
    with ModemSimulator() as sim:
        print(f"modem on {sim.port}  (Ctrl-C to stop)", flush=True)
        shown = 0
        try:
            while True:
                time.sleep(0.2)
                while shown < len(sim.sent):
                    sms = sim.sent[shown]
                    shown += 1
                    part = f" part {sms.decoded.concat[2]}/{sms.decoded.concat[1]}" if sms.decoded.concat else ""
                    print(f"+CMGS {sms.mr} to {sms.decoded.number}{part}: {sms.decoded.text}", flush=True)
                    if args.fail_every and shown % args.fail_every == 0:
                        sim.fail_next("cms_error", code=500)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
