"""`--db` naming a SQLite file that does not exist is refused (one translated line, exit 2, no file made)
unless the command is `init`; the GUI's first start on the default embedded file still creates it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from acrel_console.cli import common, main
from acrel_console.domain.errors import NotFound


@pytest.mark.parametrize("argv", [["meter", "list"], ["--user", "admin", "audit", "verify"], ["poll", "--once"],
                                  ["gui"], ["--user", "admin", "backup"],
                                  ["--user", "admin", "report", "offline"]])
def test_missing_database_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.setenv("ACREL_PASSWORD", "admin-pw1")
    typo = tmp_path / "acrel-consol.sqlite3"
    assert main(["--db", str(typo), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "There is no database at" in err and str(typo) in err, err
    assert not typo.exists()


def test_init_creates_it_and_then_commands_work(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACREL_PASSWORD", "admin-pw1")
    db = tmp_path / "site.sqlite3"
    url = f"sqlite:///{db}"
    assert main(["--db", url, "init", "--admin", "admin"]) == 0 and db.exists()
    assert main(["--db", url, "--user", "admin", "meter", "list"]) == 0
    monkeypatch.setenv("ACREL_DB", str(tmp_path / "other.sqlite3"))  # the environment's URL is checked too
    capsys.readouterr()
    assert main(["--user", "admin", "meter", "list"]) == 2
    assert "There is no database at" in capsys.readouterr().err


def test_gui_first_start_on_the_default_file_is_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACREL_DB", raising=False)
    gui = argparse.Namespace(command="gui", db=None)
    common.check_database_exists(gui, first_start=True)  # the first-admin dialog creates the database
    with pytest.raises(NotFound):
        common.check_database_exists(argparse.Namespace(command="meter", db=None))  # nothing to list yet
    with pytest.raises(NotFound):
        common.check_database_exists(argparse.Namespace(command="gui", db=str(tmp_path / "typo.sqlite3")),
                                     first_start=True)


def test_postgresql_and_memory_urls_are_not_files() -> None:
    from acrel_console.storage.engine import sqlite_file

    assert sqlite_file("postgresql://u:p@127.0.0.1/db") is None
    assert sqlite_file("sqlite://") is None and sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("/tmp/x.sqlite3") == Path("/tmp/x.sqlite3").resolve()
