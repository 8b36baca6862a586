"""Every CLI error is one line on stderr with a non-zero exit, never a traceback (issue 11): the argparse tree
is walked and every command gets malformed arguments (bad numbers, bad ids, missing files, unknown names,
out-of-range values, garbage amounts, unknown options). A handler that raised anything but a UserError
used to print a traceback; argparse printed a usage block."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from acrel_console.cli import build_parser, common, main
from acrel_console.domain.errors import UserError

LONG_RUNNING = {("serve",), ("demo",), ("gui",), ("simulate",), ("portal",), ("kiosk",)}  # parse errors only
NUMBER_GARBAGE = ["x1", "-1", "99999999999"]
TEXT_GARBAGE = ["", "１,5e30", "/nonexistent/dir/f.xlsx", "nope-∞" + "x" * 300]
PASSWORD = "admin-pw1"


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...],
                                                                                          argparse.ArgumentParser]]:
    """Every runnable command: (its words, its parser)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]  # noqa: SLF001
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from leaves(child, (*path, name))


GLOBAL_DESTS = {"db", "user", "password_file", "json", "help"}


def _own_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.dest not in GLOBAL_DESTS  # noqa: SLF001
            and not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))]  # noqa: SLF001


def _value_for(action: argparse.Action, garbage: str) -> list[str]:
    if action.nargs == 0:  # store_true
        return []
    if action.choices:
        return [sorted(map(str, action.choices))[0]]
    return [garbage]


def _argv(words: tuple[str, ...], parser: argparse.ArgumentParser, target: argparse.Action | None,
          garbage: str) -> list[str]:
    """The command with every required argument filled with garbage, and `target` set to `garbage` too."""
    argv = list(words)
    positional: list[str] = []
    seen_groups: set[int] = set()
    for action in _own_actions(parser):
        group = next((id(g) for g in parser._mutually_exclusive_groups  # noqa: SLF001
                      if action in g._group_actions), None)  # noqa: SLF001
        wanted = action is target or action.required or not action.option_strings
        if group is not None and action.required is False and action is not target:
            wanted = False
        if group is not None and wanted:
            if group in seen_groups:
                continue
            seen_groups.add(group)
        if not wanted:
            continue
        value = garbage if action is target or not action.option_strings else "7"
        if not action.option_strings:
            if action.nargs in ("?", "*") and action is not target:
                continue
            positional.extend(_value_for(action, value) if action.choices is None or action is not target
                              else [value])
        else:
            argv.append(action.option_strings[-1])
            argv.extend(_value_for(action, value) if action.choices is None or action is not target else [value])
    # required mutually exclusive groups: pick their first option
    for g in parser._mutually_exclusive_groups:  # noqa: SLF001
        if g.required and id(g) not in seen_groups:
            first = g._group_actions[0]  # noqa: SLF001
            argv.extend([first.option_strings[-1], *(_value_for(first, "7"))])
    return argv + positional


def _cases() -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for words, parser in leaves(build_parser()):
        if not words:
            continue
        key = " ".join(words)
        out.append((f"{key} --bogus", [*words, "--bogus-option"]))
        actions = _own_actions(parser)
        for action in actions:
            name = action.option_strings[-1] if action.option_strings else action.dest
            garbage_set = NUMBER_GARBAGE if action.type in (int, float) else TEXT_GARBAGE
            for garbage in (garbage_set if words not in LONG_RUNNING else ["x1"]):
                if words in LONG_RUNNING and action.type not in (int, float) and not action.choices:
                    continue
                if action.nargs == 0:
                    continue
                out.append((f"{key} {name}={garbage[:12]!r}", _argv(words, parser, action, garbage)))
        if not actions and words not in LONG_RUNNING:
            out.append((key, list(words)))
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One initialised site (admin, a gateway no one answers on, a meter) shared by every case."""
    home = tmp_path_factory.mktemp("cli")
    env = {"ACREL_DATA_DIR": str(home / "data"), "ACREL_PASSWORD": PASSWORD, "ACREL_NEW_PASSWORD": "new-pw-12345",
           "ACREL_APPROVER_PASSWORD": PASSWORD}
    saved = {k: os.environ.get(k) for k in [*env, "ACREL_DB", "ACREL_SITE_KEY", "ACREL_USER"]}
    os.environ.update(env)
    for k in ("ACREL_DB", "ACREL_SITE_KEY", "ACREL_USER"):
        os.environ.pop(k, None)
    try:
        assert main(["init", "--admin", "admin"]) == 0
        assert main(["--user", "admin", "gateway", "add", "--name", "G", "--tcp", "127.0.0.1:1",
                     "--timeout-ms", "50", "--retries", "0"]) == 0
        assert main(["--user", "admin", "meter", "add", "--gateway", "G", "--address", "1", "--model",
                     "DDSY1352", "--room", "A-101"]) == 0
        yield env
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class _Hung(Exception):
    pass


def _alarm(*_args: Any) -> None:
    raise _Hung()


@pytest.mark.parametrize("argv", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_arguments_are_one_line(site: dict[str, str], argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)  # no Qt in this process
    monkeypatch.chdir(tmp_path)  # a garbage file name may be written (config export-template): not here
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 - nothing to type at a prompt
    capsys.readouterr()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        code = main(["--user", "admin", *argv])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    if code == 0:
        assert out.err == "", out.err
    else:
        lines = out.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("acrel-console: "), out.err


KNOWN_BAD = [
    ["sell", "--meter", "999", "--amount", "10"],  # no such meter
    ["sell", "--meter", "1", "--amount", "1,50"],  # a comma
    ["sell", "--meter", "1", "--amount", "1e30"],
    ["refund", "--meter", "1", "--amount", "NaN"],
    ["meter", "show", "424242"],
    ["meter", "add", "--gateway", "nope", "--address", "1", "--model", "DDSY1352", "--room", "x"],
    ["meter", "add", "--gateway", "G", "--address", "300", "--model", "DDSY1352", "--room", "x"],
    ["gateway", "add", "--name", "H", "--tcp", "not-a-host-port"],
    ["gateway", "add", "--name", "H", "--tcp", "127.0.0.1:2", "--timeout-ms", "-5"],
    ["config", "import", "/nonexistent/file.xlsx"],
    ["restore", "/nonexistent/file.backup", "--yes"],
    ["backup", "/nonexistent/dir/x.backup"],
    ["operator", "add", "bob", "--role", "cashier", "--new-password-file", "/nonexistent/pw"],
    ["--password-file", "/nonexistent/pw", "meter", "list"],
    ["reverse", "--sale", "no-such-sale", "--approver", "admin", "--reason", "x"],
    ["report", "sales", "--date", "2026-13-45"],
    ["report", "statement", "--date", "2026-01", "--tenant", "-3"],
    ["alarms", "ack", "99999"],
    ["account", "close", "nobody", "--final", "garbage"],
    ["audit", "list", "--limit", "-1"],
    ["control", "999", "trip"],
    ["--db", "nosuch://x/y", "meter", "list"],
]


@pytest.mark.parametrize("argv", KNOWN_BAD, ids=lambda a: " ".join(a)[:50])
def test_known_bad_input_fails_in_one_line(site: dict[str, str], argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    code = main(["--user", "admin", *argv])
    err = capsys.readouterr().err
    assert code != 0 and len(err.splitlines()) == 1 and err.startswith("acrel-console: "), (code, err)


def test_a_usage_error_is_one_translated_line(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("acrel-console")
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path), ACREL_LANG="zh_CN")
    proc = subprocess.run([str(exe), "meter", "add", "--address", "x"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "参见" in proc.stderr, proc.stderr
