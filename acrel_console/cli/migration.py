"""CLI: `migrate import` — tenants, accounts, meters and balances from the previous system's sheet (issue 10)."""

from __future__ import annotations

import argparse
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.money import format_yuan


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register migrate."""
    mg = sub.add_parser("migrate", help="take a site over from another system (Acrel-3200, a card system)")
    msub = mg.add_subparsers(dest="migrate_command", metavar="ACTION", required=True)
    p = msub.add_parser("import", help="check a sheet with Acrel-3200's 开户查询/抄表导出 columns against the meters; "
                                       "with --commit import it, all or nothing, balances taken over from the readings")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--commit", action="store_true", help="import (without it: check and list only)")
    p.add_argument("--accept-differences", action="store_true", dest="accept_differences",
                   help="import rows whose sheet figures differ from the meters' readings (the readings are booked)")
    p.add_argument("--report", metavar="FILE.xlsx", help="write the migration report here")
    p.set_defaults(handler=cmd_migrate_import)


def _text(plan: Any) -> str:
    rows = [(r.where, r.meter_no, r.name, r.old_account_no, format_yuan(r.sheet_remaining_fen),
             format_yuan(r.live_remaining_fen), r.sheet_count if r.sheet_count is not None else "",
             r.live_count if r.live_count is not None else "", r.state, r.new_account_no,
             "; ".join(r.problems + r.differences)[:80]) for r in plan.rows]
    head = ("imported" if plan.committed else "checked, nothing imported") + \
        f": {len(plan.rows)} meters, {plan.tenants} tenants, {plan.problems} with problems, " \
        f"{plan.differences} with differences, {format_yuan(plan.taken_over_fen)} on the meters"
    body = common.table(rows, ["row", "meter", "tenant", "old no.", "sheet", "meter shows", "count", "meter count",
                               "state", "new no.", "notes"])
    return "\n".join([head, body, *plan.notes])


def cmd_migrate_import(args: argparse.Namespace) -> int:
    from acrel_console.i18n import translate
    from acrel_console.services.live_read import read_now
    from acrel_console.services.migration_import import MigrationService, read_sheet

    svc = common.services(args)
    me = common.actor(args)
    migration = MigrationService(svc.ctx)
    merged, _notes = read_sheet(args.file)
    known = {m.meter_no: m.id for m in svc.site.list_meters(me)}
    read_now(svc.ctx, [known[n] for n in merged if n in known])  # the live readings (when no service keeps them)
    plan = migration.plan(me, args.file)
    if args.commit and not plan.problems and (args.accept_differences or not plan.differences):
        plan = migration.commit(me, args.file, accept_differences=args.accept_differences)
    if args.report:
        migration.write_report(me, plan, args.report, translate)
    common.emit(args, plan, lambda: _text(plan))
    if args.commit and not plan.committed:
        return 1
    return 1 if plan.problems else 0
