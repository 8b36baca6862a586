"""The AT-command modem driver against the modem simulator over a real pty pair."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from acrel_console.drivers.sms.api import SmsInvalidMessage, SmsRejected, SmsSender, SmsTimeout, SmsUnavailable
from acrel_console.drivers.sms.modem import AtModem, ModemConfig
from acrel_console.drivers.sms.modem_sim import ModemSimulator

ARREARS = "温馨提示:户名：张三,状态：欠费,(电费)剩余金额-558.50元,请及时充值。"


@pytest.fixture
def sim() -> Iterator[ModemSimulator]:
    with ModemSimulator() as s:
        yield s


def modem(sim: ModemSimulator, **kw: object) -> AtModem:
    cfg = dict(port=sim.port, command_timeout_s=1.0, prompt_timeout_s=1.0, submit_timeout_s=1.0)
    cfg.update(kw)
    return AtModem(ModemConfig(**cfg))  # type: ignore[arg-type]


def test_full_conversation_chinese_text(sim: ModemSimulator) -> None:
    m = modem(sim)
    assert isinstance(m, SmsSender)
    result = m.send("13800138000", ARREARS)
    assert result.parts == 1 and result.refs == ("0",) and result.driver == "modem"
    assert sim.commands[:4] == ["AT", "ATE0", "AT+CMEE=1", "AT+CMGF=0"]
    assert sim.commands[4].startswith("AT+CMGS=")
    (sms,) = sim.sent
    assert sms.decoded.text == ARREARS and sms.decoded.number == "13800138000"
    assert sms.decoded.dcs == 0x08 and sms.decoded.validity == 0xA7
    assert int(sim.commands[4].split("=")[1]) == sms.tpdu_length
    second = m.send("+8613900139000", "hello")
    assert second.refs == ("1",)
    assert sim.commands[5:] == [f"AT+CMGS={sim.sent[1].tpdu_length}"]  # no re-initialisation
    m.close()


def test_echo_is_handled_when_the_modem_echoes_everything(sim: ModemSimulator) -> None:
    """A modem that ignores ATE0 keeps echoing commands and PDU characters."""
    m = modem(sim)
    m.send("10086", "x")  # initialises with echo on, then ATE0
    sim.echo = True
    assert m.send("10086", "你好").refs == ("1",)


def test_long_text_is_sent_as_concatenated_parts(sim: ModemSimulator) -> None:
    text = "".join(chr(0x4E00 + i) for i in range(100))
    result = modem(sim).send("13800138000", text)
    assert result.parts == 2 and result.refs == ("0", "1")
    refs = {s.decoded.concat[0] for s in sim.sent if s.decoded.concat}
    assert len(refs) == 1
    assert [s.decoded.concat[1:] for s in sim.sent if s.decoded.concat] == [(2, 1), (2, 2)]
    assert "".join(s.decoded.text for s in sim.sent) == text


def test_cms_error_then_retry_succeeds(sim: ModemSimulator) -> None:
    m = modem(sim)
    sim.fail_next("cms_error", code=500)
    with pytest.raises(SmsRejected) as err:
        m.send("13800138000", "第一次")
    assert err.value.code == 500 and err.value.retryable and err.value.reason == "rejected"
    assert sim.sent == []
    assert m.send("13800138000", "第一次").refs == ("0",)
    assert [s.decoded.text for s in sim.sent] == ["第一次"]


def test_final_cms_error_is_not_retryable(sim: ModemSimulator) -> None:
    sim.fail_next("cms_error", code=1)  # unassigned number
    with pytest.raises(SmsRejected) as err:
        modem(sim).send("10086", "x")
    assert err.value.code == 1 and not err.value.retryable


def test_plain_error(sim: ModemSimulator) -> None:
    sim.fail_next("error")
    with pytest.raises(SmsRejected) as err:
        modem(sim).send("10086", "x")
    assert err.value.code is None


def test_silence_after_pdu_times_out_and_next_send_reinitialises(sim: ModemSimulator) -> None:
    m = modem(sim, submit_timeout_s=0.3)
    m.send("10086", "a")
    sim.fail_next("silence")
    with pytest.raises(SmsTimeout):
        m.send("10086", "b")
    before = len(sim.commands)
    assert m.send("10086", "c").refs == ("1",)
    assert sim.commands[before:before + 4] == ["AT", "ATE0", "AT+CMEE=1", "AT+CMGF=0"]


def test_missing_prompt_times_out_and_cancels(sim: ModemSimulator) -> None:
    m = modem(sim, prompt_timeout_s=0.3)
    sim.fail_next("no_prompt")
    with pytest.raises(SmsTimeout):
        m.send("10086", "a")
    assert m.send("10086", "a").refs == ("0",)


def test_partial_concatenated_failure_reports_sent_parts(sim: ModemSimulator) -> None:
    sim.fail_next("cms_error", code=500, after=1)  # part 1 accepted, part 2 refused
    with pytest.raises(SmsRejected) as err:
        modem(sim).send("10086", "中" * 100)
    assert err.value.sent_refs == ("0",)
    assert len(sim.sent) == 1 and sim.sent[0].decoded.concat is not None


def test_dead_modem_is_a_timeout(sim: ModemSimulator) -> None:
    sim.dead = True
    with pytest.raises(SmsTimeout):
        modem(sim, command_timeout_s=0.2, sync_attempts=2).send("10086", "x")
    assert sim.commands.count("AT") == 2


def test_unsolicited_lines_are_ignored(sim: ModemSimulator) -> None:
    m = modem(sim)
    m.send("10086", "a")
    sim.unsolicited('+CMTI: "SM",3')
    assert m.send("10086", "b").refs == ("1",)


def test_missing_port_is_unavailable(tmp_path: object) -> None:
    with pytest.raises(SmsUnavailable):
        AtModem(ModemConfig(port="/dev/does-not-exist-acrel")).send("10086", "x")


def test_bad_number_is_refused_before_the_port_is_touched() -> None:
    with pytest.raises(SmsInvalidMessage):
        AtModem(ModemConfig(port="/dev/does-not-exist-acrel")).send("not a number", "x")
