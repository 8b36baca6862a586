"""CLI: accounts, sales, refunds, reversals, deliveries and ledger checks (issue 4 contract)."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.money import format_yuan, parse_yuan, yuan_to_fen
from acrel_console.ledger.posting import METHODS

DEFAULT_WAIT_S = 10.0
POLL_S = 0.2


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register account, sell, refund, reverse, deliveries and ledger."""
    acc = sub.add_parser("account", help="tenant accounts (开户 / 销户)")
    asub = acc.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = asub.add_parser("open", help="open an account for a tenant with one or more meters")
    p.add_argument("--name", required=True)
    p.add_argument("--room", required=True, help="shop / room (商铺号)")
    p.add_argument("--phone", default="")
    p.add_argument("--notes", default="")
    p.add_argument("--meter", type=int, action="append", required=True, metavar="ID", help="repeat for 一户多表")
    p.add_argument("--credit", metavar="YUAN", help="opening top-up (开户首充) on the first meter")
    p.add_argument("--method", choices=METHODS, default="cash")
    p.add_argument("--id", metavar="UUID", help="id of the opening sale (idempotent)")
    p.add_argument("--existing-credit", choices=("take-over", "clear"), dest="existing_credit",
                   help="a meter showing credit (or debt) this console did not sell: take it over as the tenant's "
                        "opening balance, or clear it from the meter (required when a meter shows any)")
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S")
    p.set_defaults(handler=cmd_account_open)
    p = asub.add_parser("close", help="close an account (销户): each meter gives its credit back first (read as it is "
                                      "sent, confirmed by read-back), then refund or transfer, meters unopened")
    p.add_argument("account", metavar="ACCOUNT", help="account id or 用户编号")
    p.add_argument("--settle", choices=("refund", "transfer"), default="refund")
    p.add_argument("--to", type=int, metavar="METER", help="meter receiving the balance (with --settle transfer)")
    p.add_argument("--method", choices=METHODS, default="cash")
    p.add_argument("--reason", default="")
    _claim_options(p, many=True)
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S",
                   help="seconds to wait for the meters (then report the account as still closing)")
    p.set_defaults(handler=cmd_account_close)
    p = asub.add_parser("replace", help="换表: move the old meter's credit to a new meter (read back on both)")
    p.add_argument("old", type=int, metavar="OLD_METER")
    p.add_argument("--new", type=int, required=True, metavar="NEW_METER")
    p.add_argument("--existing-credit", choices=("take-over", "clear"), dest="existing_credit",
                   help="what to do with credit the new meter already shows")
    p.add_argument("--reason", default="")
    _claim_options(p, many=False)
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S")
    p.set_defaults(handler=cmd_account_replace)
    p = asub.add_parser("retry-clear", help="clear again the previous system's credit a meter refused to give up "
                                            "when its account was opened (its alarm: credit not returned)")
    p.add_argument("meter", type=int, metavar="METER")
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S")
    p.set_defaults(handler=cmd_account_retry_clear)
    p = asub.add_parser("settlement", help="where a 销户 / 换表 stands")
    p.add_argument("change", metavar="CHANGE_ID")
    p.set_defaults(handler=cmd_account_settlement)
    p = asub.add_parser("show", help="one account with its meters and balances")
    p.add_argument("account", metavar="ACCOUNT", help="account id, 用户编号, name, room or meter")
    p.set_defaults(handler=cmd_account_show)
    p = asub.add_parser("list", help="accounts (open ones unless --all)")
    p.add_argument("--all", action="store_true")
    p.add_argument("--search", default=None)
    p.set_defaults(handler=cmd_account_list)
    from acrel_console.cli.portal import register_set_pin

    register_set_pin(asub)

    p = sub.add_parser("sell", help="sell credit to a meter (售电); idempotent by --id")
    p.add_argument("--meter", type=int, required=True, metavar="ID")
    p.add_argument("--amount", required=True, metavar="YUAN")
    p.add_argument("--method", choices=METHODS, default="cash")
    p.add_argument("--id", metavar="UUID")
    p.add_argument("--remark", default="")
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S",
                   help="seconds to wait for the delivery (then report it pending)")
    p.set_defaults(handler=cmd_sell)

    p = sub.add_parser("refund", help="take credit back from a meter and pay it out (退电)")
    p.add_argument("--meter", type=int, required=True, metavar="ID")
    p.add_argument("--amount", required=True, metavar="YUAN")
    p.add_argument("--method", choices=METHODS, default="cash")
    p.add_argument("--id", metavar="UUID")
    p.add_argument("--reason", default="")
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S")
    p.set_defaults(handler=cmd_refund)

    p = sub.add_parser("reverse", help="reverse a wrong sale (冲正), approved by a supervisor")
    p.add_argument("--sale", required=True, metavar="ID")
    p.add_argument("--approver", required=True, metavar="NAME")
    p.add_argument("--approver-password-file", metavar="FILE",
                   help="file with the approver's password (else ACREL_APPROVER_PASSWORD)")
    p.add_argument("--reason", required=True)
    p.add_argument("--amount", metavar="YUAN", help="part of the sale (default: all that is not reversed yet)")
    p.add_argument("--id", metavar="UUID")
    p.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, metavar="S")
    p.set_defaults(handler=cmd_reverse)

    d = sub.add_parser("deliveries", help="credit deliveries and downloads")
    dsub = d.add_subparsers(dest="deliveries_command", metavar="ACTION", required=True)
    p = dsub.add_parser("list")
    p.add_argument("--state", choices=("pending", "delivered", "conflict", "failed", "cancelled"))
    p.add_argument("--meter", type=int, metavar="ID")
    p.set_defaults(handler=cmd_deliveries_list)
    p = dsub.add_parser("reconcile", help="read a restored database's open deliveries against their meters "
                                          "(sends nothing; the site service does it by itself)")
    p.set_defaults(handler=cmd_deliveries_reconcile)

    lg = sub.add_parser("ledger", help="ledger checks")
    lsub = lg.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    p = lsub.add_parser("check", help="check the invariants of design §7 (exit 1 on any violation)")
    p.set_defaults(handler=cmd_ledger_check)


# --- services -------------------------------------------------------------------------------

def _money(args: argparse.Namespace) -> Any:
    from acrel_console.services.accounts import AccountService
    from acrel_console.services.vending import VendingService

    svc = common.services(args)
    if not hasattr(args, "_money"):
        args._money = (VendingService(svc.ctx), AccountService(svc.ctx))
    return args._money


# --- delivery --------------------------------------------------------------------------------

def _wait_delivery(args: argparse.Namespace, command_id: str | None, meter_id: int) -> Any:
    """Wait up to --wait seconds for a command's outcome; deliver inline when no service dispatches.
    Still pending at the end while no live service holds the site: say so (args._service_note)."""
    vending, _acc = _money(args)
    me = _actor(args)
    if command_id is None:
        return None
    from acrel_console.services.direct_delivery import deliver_here, site_service_running

    ctx = common.services(args).ctx
    deadline = time.monotonic() + max(0.0, args.wait)
    while True:
        info = vending.delivery(me, command_id)
        if info.state not in ("pending", "sending") or time.monotonic() >= deadline:
            break
        if not site_service_running(ctx):
            deliver_here(ctx, {meter_id})
            info = vending.delivery(me, command_id)
            if info.state not in ("pending", "sending") or time.monotonic() >= deadline:
                break
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
        else:
            time.sleep(POLL_S)
    if info.state in ("pending", "sending"):
        args._service_note = _no_service_note(ctx)
    return info


def _no_service_note(ctx: Any) -> str:
    """'No site service since 21:04; your sale is booked ...' when no live service holds the site."""
    from acrel_console.services.lease import NO_SERVICE_SALE, current_lease, no_service_since

    since = no_service_since(ctx, current_lease(ctx))
    if since is None:
        return ""
    return common.translated("lease", NO_SERVICE_SALE).format(since=since)


def _actor(args: argparse.Namespace) -> Any:
    if not hasattr(args, "_actor"):
        args._actor = common.actor(args)
    return args._actor


def _op_text(result: Any, delivery: Any) -> str:
    lines = [f"{result.kind} {result.operation_id}  meter {result.meter_id}  {format_yuan(yuan_to_fen(result.amount))}",
             f"receipt {result.receipt_no or '—'}  expected purchase count {result.expected_purchase_count or '—'}"
             f"  balance after {format_yuan(None if result.balance_after_expected is None else yuan_to_fen(result.balance_after_expected))}"]
    if result.duplicate:
        lines.append("(already recorded under this id: nothing new was created)")
    if result.cancelled_command_id:
        lines.append(f"pending delivery {result.cancelled_command_id} cancelled")
    if delivery is not None:
        lines.append(f"delivery {delivery.command_id}: {delivery.state}"
                     + (f" ({_note_text(delivery.error)})" if delivery.error and delivery.state != 'delivered' else ""))
    return "\n".join(lines)


def _note_text(note: str) -> str:
    """A delivery's note in the user's language when it is one of the translatable outcomes."""
    return common.translated("errors", note)


def _emit_op(args: argparse.Namespace, result: Any, delivery: Any) -> int:
    note = getattr(args, "_service_note", "")
    common.emit(args, {"operation": result, "delivery": delivery, "note": note},
                lambda: _op_text(result, delivery) + (f"\n{note}" if note else ""))
    return 0 if delivery is None or delivery.state in ("delivered", "pending", "sending") else 1


# --- handlers --------------------------------------------------------------------------------

def cmd_sell(args: argparse.Namespace) -> int:
    vending, _acc = _money(args)
    result = vending.sell(_actor(args), args.meter, args.amount, args.method, sale_id=args.id, remark=args.remark)
    return _emit_op(args, result, _wait_delivery(args, result.command_id, result.meter_id))


def cmd_refund(args: argparse.Namespace) -> int:
    vending, _acc = _money(args)
    result = vending.refund(_actor(args), args.meter, args.amount, args.method, refund_id=args.id, reason=args.reason)
    return _emit_op(args, result, _wait_delivery(args, result.command_id, result.meter_id))


def _approver_password(args: argparse.Namespace) -> str:
    if args.approver_password_file:
        lines = Path(args.approver_password_file).read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    env = os.environ.get("ACREL_APPROVER_PASSWORD")
    if env is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "The approver's password: set ACREL_APPROVER_PASSWORD or use --approver-password-file."))
    return env


def cmd_reverse(args: argparse.Namespace) -> int:
    from acrel_console.domain.roles import Permission

    vending, _acc = _money(args)
    me = _actor(args)
    approver = common.services(args).operators.verify_approver(me, args.approver, _approver_password(args),
                                                               Permission.APPROVE_REVERSAL)
    result = vending.reverse(me, args.sale, approver, args.reason, amount=args.amount, reversal_id=args.id)
    return _emit_op(args, result, _wait_delivery(args, result.command_id, result.meter_id))


def _account_text(args: argparse.Namespace, a: Any) -> str:
    head = (f"account {a.account_id}  用户编号 {a.account_no}  {a.name}  room {a.room}  phone {a.phone or '—'}"
            f"  {'closed ' + common.local_text(args, a.closed_at, seconds=False) if a.closed_at else 'open'}")
    rows = [(m.meter_id, m.meter_no, m.room, m.model, format_yuan(yuan_to_fen(m.ledger_credit)),
             format_yuan(None if m.known_remaining is None else yuan_to_fen(m.known_remaining)),
             m.purchase_count if m.purchase_count is not None else "—", m.pending_deliveries,
             format_yuan(yuan_to_fen(m.total_purchased))) for m in a.meters]
    return head + "\n" + common.table(rows, ["meter", "number", "room", "model", "ledger", "meter shows",
                                             "count", "pending", "purchased"])


def _claim_options(p: argparse.ArgumentParser, many: bool) -> None:
    p.add_argument("--claim", action="append" if many else "store", default=[] if many else None,
                   metavar="METER=YUAN" if many else "YUAN",
                   help="a meter that cannot be read: what it is taken to hold (a claim, capped by the ledger; "
                        "needs --approver and --claim-reason)")
    p.add_argument("--approver", metavar="NAME", help="the supervisor approving the claim")
    p.add_argument("--approver-password-file", metavar="FILE",
                   help="file with the approver's password (else ACREL_APPROVER_PASSWORD)")
    p.add_argument("--claim-reason", default="", dest="claim_reason")


def _claims(args: argparse.Namespace, default_meter: int | None = None) -> dict[int, Any]:
    from acrel_console.domain.roles import Permission
    from acrel_console.services.account_changes import Claim

    items = args.claim if isinstance(args.claim, list) else ([] if args.claim is None else [args.claim])
    if not items:
        return {}
    parsed: list[tuple[int | None, Any]] = []
    for item in items:  # the amounts first: a malformed one is refused before anyone signs in
        key, sep, value = item.partition("=")
        if sep and not key.strip().isdigit():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Write a claim as METER=YUAN."), field="claim")
        parsed.append((int(key) if sep else default_meter, parse_yuan(value if sep else key, negative=False,
                                                                     field="claim")))
    if not args.approver:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claim needs --approver (a supervisor) and --claim-reason."),
                              field="approver")
    approver = common.services(args).operators.verify_approver(_actor(args), args.approver, _approver_password(args),
                                                               Permission.APPROVE_REVERSAL)
    out: dict[int, Any] = {}
    for meter, amount in parsed:
        if meter is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Write a claim as METER=YUAN."), field="claim")
        out[meter] = Claim(meter, amount, approver, args.claim_reason)
    return out


def _fresh_readings(args: argparse.Namespace, meter_ids: list[int]) -> None:
    """Opening needs a fresh reading of each meter: read them now unless a serving process keeps them fresh."""
    from acrel_console.services.live_read import read_now

    read_now(common.services(args).ctx, meter_ids)


def cmd_account_open(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    _fresh_readings(args, list(args.meter))
    info = accounts.open_account(_actor(args), args.name, args.room, args.meter, phone=args.phone, notes=args.notes,
                                 opening_credit=args.credit, method=args.method, opening_sale_id=args.id,
                                 existing_credit=args.existing_credit)
    vending, _acc = _money(args)
    pending = [d for d in vending.deliveries(_actor(args), state="pending") if d.meter_id in set(args.meter)]
    for d in pending:
        _wait_delivery(args, d.command_id, d.meter_id)
    info = accounts.get_account(_actor(args), info.account_id)
    common.emit(args, info, lambda: _account_text(args, info))
    return 0


def _wait_settlement(args: argparse.Namespace, status: Any) -> Any:
    """Follow a 销户 / 换表 until every meter answered (or --wait runs out), delivering inline when no service
    dispatches."""
    from acrel_console.services.direct_delivery import deliver_here, site_service_running

    _v, accounts = _money(args)
    ctx = common.services(args).ctx
    deadline = time.monotonic() + max(0.0, args.wait)
    meters = {m.meter_id for m in status.meters} | ({status.new_meter_id} if status.new_meter_id else set())
    while status.state == "settling" and time.monotonic() < deadline:
        if not site_service_running(ctx):
            deliver_here(ctx, meters)
        else:
            time.sleep(POLL_S)
        status = accounts.settlement(_actor(args), status.change_id)
    return status


def _settlement_text(st: Any) -> str:
    head = {"done": "done", "settling": "still settling: waiting for the meters", "stuck": "STUCK: " + st.problem}
    rows = [(m.meter_id, m.meter_no, m.state, format_yuan(yuan_to_fen(m.ledger_before)),
             format_yuan(yuan_to_fen(m.returned)), format_yuan(yuan_to_fen(m.outstanding)),
             format_yuan(yuan_to_fen(m.not_returned)), format_yuan(yuan_to_fen(m.consumption)), m.receipt_no or "")
            for m in st.meters]
    return (f"{st.kind} {st.change_id}: {head.get(st.state, st.state)}\n"
            + common.table(rows, ["meter", "number", "state", "ledger", "returned", "outstanding", "not returned",
                                  "used", "receipt"])
            + f"\npaid out {format_yuan(yuan_to_fen(st.paid_out))}  moved {format_yuan(yuan_to_fen(st.moved))}"
              f"  outstanding {format_yuan(yuan_to_fen(st.outstanding))}"
              f"  not returned {format_yuan(yuan_to_fen(st.not_returned))}"
            + "".join(f"\ncommand queued: {t}" for t in st.trips))


def _emit_settlement(args: argparse.Namespace, st: Any) -> int:
    common.emit(args, st, lambda: _settlement_text(st))
    return {"done": 0, "settling": 0}.get(st.state, 1)


def cmd_account_close(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    me = _actor(args)
    acc = accounts.find_account(me, args.account)
    st = accounts.close_account(me, acc.account_id, settle=args.settle, method=args.method, transfer_to=args.to,
                                reason=args.reason, claims=_claims(args))
    return _emit_settlement(args, _wait_settlement(args, st))


def cmd_account_replace(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    _fresh_readings(args, [args.new])
    claim = _claims(args, default_meter=args.old).get(args.old)
    st = accounts.replace_meter(_actor(args), args.old, args.new, existing_credit=args.existing_credit, claim=claim,
                                reason=args.reason)
    return _emit_settlement(args, _wait_settlement(args, st))


CLEARING_TEXT = {"returned": "{returned} yuan taken off the meter (read back)",
                 "waiting": "asked of the meter, waiting for it",
                 "refused": "refused again by the meter: {error}",
                 "nothing": "nothing was left on the meter"}


def cmd_account_retry_clear(args: argparse.Namespace) -> int:
    """Ask the meter again (its refused clearing's alarm clears), follow it like a sale, say how it ended."""
    _v, accounts = _money(args)
    me = _actor(args)
    asked = accounts.retry_clear(me, args.meter)
    _wait_delivery(args, asked.command_id, args.meter)
    st = accounts.clearing(me, args.meter) or asked
    note = getattr(args, "_service_note", "")
    outcome = CLEARING_TEXT.get(st.state, st.state).format(returned=format_yuan(st.returned_fen),
                                                           error=_note_text(st.error))
    common.emit(args, {"clearing": st, "note": note},
                lambda: f"meter {args.meter}: clearing {format_yuan(st.held_fen)} yuan again: {outcome}"
                + (f"\n{note}" if note else ""))
    return 1 if st.state == "refused" else 0


def cmd_account_settlement(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    return _emit_settlement(args, accounts.settlement(_actor(args), args.change))


def cmd_account_show(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    info = accounts.find_account(_actor(args), args.account)
    common.emit(args, info, lambda: _account_text(args, info))
    return 0


def cmd_account_list(args: argparse.Namespace) -> int:
    _v, accounts = _money(args)
    found = accounts.list_accounts(_actor(args), search=args.search, include_closed=args.all)
    rows = [(a.account_id, a.account_no, a.name, a.room, a.phone, ",".join(str(m.meter_id) for m in a.meters),
             "closed" if a.closed_at else "open") for a in found]
    common.emit(args, found, lambda: common.table(rows, ["id", "用户编号", "name", "room", "phone", "meters", "state"]))
    return 0


def cmd_deliveries_list(args: argparse.Namespace) -> int:
    vending, _acc = _money(args)
    found = vending.deliveries(_actor(args), state=args.state, meter_id=args.meter)
    rows = [(d.command_id, d.meter_id, d.kind, d.state, "" if d.amount is None else format_yuan(yuan_to_fen(d.amount)),
             d.expected_purchase_count or "", d.attempts, common.local_text(args, d.created_at), d.error[:60])
            for d in found]
    common.emit(args, found, lambda: common.table(rows, ["id", "meter", "kind", "state", "amount", "count",
                                                         "attempts", "created", "note"]))
    return 0


def cmd_deliveries_reconcile(args: argparse.Namespace) -> int:
    from acrel_console.services.direct_delivery import DirectDeliveryService

    report = DirectDeliveryService(common.services(args).ctx).reconcile(_actor(args))
    common.emit(args, report, lambda: "\n".join(
        [f"restored database: {report.problem}" if report.problem else "the database is not behind its anchor"]
        + [f"delivery {o.command_id}: {o.state}" + (f" ({o.reason})" if o.reason else "") for o in report.outcomes]
        + ([] if report.outcomes else ["no open delivery to reconcile"])))
    return 1 if any(o.state == "conflict" for o in report.outcomes) else 0


def cmd_ledger_check(args: argparse.Namespace) -> int:
    vending, _acc = _money(args)
    violations = vending.check_ledger(_actor(args))
    common.emit(args, {"ok": not violations, "violations": violations},
                lambda: "ledger ok" if not violations else "\n".join(f"{v.code}: {v.message}" for v in violations))
    return 1 if violations else 0
