"""Read sessions on SQLite take no write lock (issue 16): a page, a report or the tenant portal reading must
not queue the cashier's sale behind it. Before, every session began IMMEDIATE, reads included, so a sale
waited for every open read (and failed with 'database is locked' under 200 tenants refreshing)."""

from __future__ import annotations

import threading

from sqlalchemy import text

from acrel_console.app import build_services


def test_a_write_commits_while_a_read_session_is_open(sqlite_url: str) -> None:
    svc = build_services(sqlite_url)
    done = threading.Event()
    failure: list[BaseException] = []

    def write() -> None:
        try:
            with svc.ctx.transaction() as s:
                s.execute(text("INSERT INTO buildings (name, floor, area, notes) VALUES ('B', '', '', '')"))
            done.set()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failure.append(exc)

    try:
        with svc.ctx.read() as s:
            assert s.execute(text("SELECT count(*) FROM buildings")).scalar() == 0  # the read has begun
            writer = threading.Thread(target=write)
            writer.start()
            assert done.wait(8), "the write waited for the read session (busy timeout is 10 s)"
            assert s.execute(text("SELECT count(*) FROM buildings")).scalar() == 0  # still its own snapshot
        writer.join(10)
        assert failure == []
        with svc.ctx.read() as s:
            assert s.execute(text("SELECT count(*) FROM buildings")).scalar() == 1
    finally:
        svc.close()
