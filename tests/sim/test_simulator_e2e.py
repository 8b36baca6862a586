"""End to end against the real simulator: sale -> delivery over Modbus-TCP or RTU-over-TCP loopback ->
read-back DELIVERED; a lost reply (silence) resolved by reading the count first; a refund."""

from __future__ import annotations

from datetime import datetime

import pytest

from acrel_console.drivers.api import BusConfig
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator import FakeClock as SimClock
from acrel_console.drivers.simulator import Fault, SimBus, SimMeter, start_tcp
from acrel_console.services.deliveries import execute_credit_command
from tests.ledger.helpers import make_world


@pytest.mark.parametrize("mode", ["modbus-tcp", "rtu-over-tcp"])
def test_sale_delivered_to_the_simulator(sqlite_url: str, mode: str) -> None:
    sim = SimBus([SimMeter(address=1, remaining_fen=500, purchase_count=7)], clock=SimClock(datetime(2026, 3, 2, 9)))
    w = make_world(sqlite_url, n_meters=1)
    try:
        with start_tcp(sim, mode=mode) as srv:
            bus = open_bus(BusConfig(name="g1", kind=mode, host="127.0.0.1", port=srv.port, timeout_ms=300, retries=0))
            try:
                w.accounts.open_account(w.cashier, "Sim", "1", w.meters)
                m = w.meters[0]
                sale = w.vending.sell(w.cashier, m, "100.00", "cash")
                out = execute_credit_command(w.ctx, bus, sale.command_id)  # first contact: count 7 -> renumbered to 8
                assert out.state == "delivered" and out.purchase_count == 8 and out.remaining_fen == 10500
                assert sim.meter(1).remaining_fen == 10500

                second = w.vending.sell(w.cashier, m, "20.00", "cash")
                assert second.expected_purchase_count == 9
                sim.inject(1, Fault.SILENCE, count=1, functions={0x20})  # the recharge reply is lost
                out = execute_credit_command(w.ctx, bus, second.command_id)
                if out.state != "delivered":  # silence may swallow the request itself: next run decides by reading
                    out = execute_credit_command(w.ctx, bus, second.command_id)
                assert out.state == "delivered" and sim.meter(1).purchase_count == 9
                assert sim.meter(1).remaining_fen == 12500

                refund = w.vending.refund(w.cashier, m, "25.00")
                assert execute_credit_command(w.ctx, bus, refund.command_id).state == "delivered"
                assert sim.meter(1).remaining_fen == 10000
            finally:
                bus.close()
        # the meter was read back: the ledger's opening difference (5.00 on the meter before) shows as
        # the meter holding more than the ledger gave it
        codes = {v.code for v in w.vending.check_ledger(w.admin)}
        assert codes == {"meter_above_ledger"}
    finally:
        w.svc.close()
