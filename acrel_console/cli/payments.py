"""CLI: `payment setup|show|test|remove` (the providers' merchant settings, kept beside the site key) and
`payment cases|resolve|retry-refund` (a supervisor's online payment cases), `payment reconcile` (对账: a day's
statement downloaded or imported from a file, compared with the ledger, an .xlsx report)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError

PROVIDERS = ("wechat", "alipay")
MASK = "********"


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register the payment commands."""
    pay = sub.add_parser("payment", help="online payment (WeChat Pay, Alipay)").add_subparsers(
        dest="sub", required=True, metavar="ACTION")

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return common.command(pay, name, handler, help_text)

    p = add("setup", cmd_setup, "set a provider's merchant settings (keys only from files: --file FIELD=PATH)")
    p.add_argument("provider", choices=PROVIDERS)
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="a setting that is not a key (mchid, appid, cert_serial_no, public_key_id, notify_url, ...)")
    p.add_argument("--file", action="append", default=[], metavar="FIELD=PATH",
                   help="a setting read from a file: private keys, the APIv3 key, public keys (PEM)")
    p = add("show", cmd_show, "a provider's settings, keys masked")
    p.add_argument("provider", choices=PROVIDERS)
    p = add("test", cmd_test, "test the connection to a provider with the stored settings")
    p.add_argument("provider", choices=PROVIDERS)
    p = add("remove", cmd_remove, "remove a provider's settings (no more online payment with it)")
    p.add_argument("provider", choices=PROVIDERS)
    add("cases", cmd_cases, "online payment cases: paid not on the meter, wrong amounts, refunds owed, statement "
                            "differences")
    p = add("resolve", cmd_resolve, "decide a wrong-amount payment: refund it, or credit what was paid to the meter")
    p.add_argument("order_id", metavar="ORDER")
    p.add_argument("action", choices=("refund", "credit"))
    p.add_argument("--reason", required=True)
    p = add("retry-refund", cmd_retry_refund, "ask the provider again for a refund owed")
    p.add_argument("order_id", metavar="ORDER")
    p = add("reconcile", cmd_reconcile, "对账: compare a day's statement (downloaded, or --file saved from the "
                                        "merchant site) with the ledger; every difference raises an alarm")
    p.add_argument("provider", choices=PROVIDERS)
    p.add_argument("--day", required=True, help="YYYY-MM-DD (the providers' day, Beijing time)")
    p.add_argument("--file", help="a statement file saved from the merchant site (a site without internet)")
    p.add_argument("--xlsx", help="write the comparison to this .xlsx file")


def _pairs(items: list[str]) -> list[tuple[str, str]]:
    out = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{value}' is not FIELD=VALUE."), value=item)
        out.append((name.strip(), value))
    return out


def setup_fields(provider: str, sets: list[str], files: list[str]) -> dict[str, str]:
    """The fields given on the command line: a key is refused there (other users see a command line), so keys
    come from files."""
    from acrel_console.services.payment_config import FIELDS

    secret = {name for name, is_secret in FIELDS[provider] if is_secret}
    fields: dict[str, str] = {}
    for name, value in _pairs(sets):
        if name in secret:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The key '{name}' is not taken from the command line: "
                                                              "give it with --file {name}=PATH."), field=name, name=name)
        fields[name] = value
    for name, path in _pairs(files):
        try:
            fields[name] = Path(path).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as err:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {error}"), field=name,
                                  path=path, error=getattr(err, "strerror", None) or str(err)) from None
    return fields


def setup_text(setup: Any) -> str:
    """A provider's settings as lines: non-secret values, keys masked, and whether it is complete."""
    from acrel_console.services.payment_config import FIELDS

    lines = [f"{setup.provider}: " + ("configured" if setup.configured else "not configured")
             + (f" ({setup.mode} mode)" if setup.provider == "wechat" else "")]
    for name, is_secret in FIELDS[setup.provider]:
        if is_secret:
            value = MASK if name in setup.secrets_set else "(not set)"
        else:
            value = setup.fields.get(name, "")
            value = "(PEM, set)" if value.startswith("-----BEGIN") else (value or "(not set)")
        lines.append(f"  {name}: {value}")
    return "\n".join(lines)


def _shown(setup: Any) -> dict[str, Any]:
    fields = {k: ("(PEM, set)" if v.startswith("-----BEGIN") else v) for k, v in setup.fields.items()}
    return {"provider": setup.provider, "configured": setup.configured, "mode": setup.mode, "fields": fields,
            "secrets_set": list(setup.secrets_set)}


def cmd_setup(args: argparse.Namespace) -> int:
    fields = setup_fields(args.provider, args.set, args.file)
    svc, who = common.services(args), common.actor(args)
    setup = svc.payment_config.save(who, args.provider, fields)
    common.emit(args, _shown(setup), lambda: setup_text(setup))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    setup = svc.payment_config.setup(who, args.provider)
    common.emit(args, _shown(setup), lambda: setup_text(setup))
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    result = svc.payment_config.test_connection(who, args.provider)
    common.emit(args, {"provider": args.provider, "result": result}, result)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.payment_config.remove(who, args.provider)
    common.emit(args, {"provider": args.provider, "removed": True}, f"{args.provider}: settings removed")
    return 0



def cmd_cases(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    cases = svc.payment_cases.cases(who)
    rows = [(c.kind, common.local_text(args, c.raised_at, seconds=False), c.provider,
             c.order.order_id if c.order else "", c.order.room if c.order else "",
             str(c.order.amount) if c.order else "", str(c.order.paid) if c.order and c.order.paid is not None else "",
             c.transaction_id, c.delivery or (c.order.refund_state if c.order else ""), ",".join(c.actions), c.detail)
            for c in cases]
    common.emit(args, cases, lambda: common.table(rows, ("case", "since", "provider", "order", "room", "amount",
                                                         "paid", "transaction", "state", "actions", "detail"))
                if rows else "no online payment cases")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    view = svc.payments.resolve(who, args.order_id, args.action, args.reason)
    common.emit(args, view, f"order {view.order_id}: {view.state}")
    return 0


def cmd_retry_refund(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    view = svc.payments.retry_refund(who, args.order_id)
    common.emit(args, view, f"order {view.order_id}: {view.state} (refund {view.refund_state})")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    from datetime import date

    from acrel_console.services.payment_statements import RESULT_WORDS, PaymentStatementService, write_xlsx

    try:
        day = date.fromisoformat(args.day)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{value}' is not a date (YYYY-MM-DD)."), field="day",
                              value=args.day) from None
    svc, who = common.services(args), common.actor(args)
    service = PaymentStatementService(svc.ctx, svc.payments)
    result = (service.import_file(who, args.provider, day, Path(args.file)) if args.file
              else service.reconcile(who, args.provider, day))
    if args.xlsx:
        write_xlsx(result, Path(args.xlsx), common.translated)
    counts = {r: result.count(r) for r in RESULT_WORDS}
    rows = [(d.result, d.kind, d.transaction_id, d.out_trade_no, "" if d.theirs_fen is None else str(d.theirs_fen),
             "" if d.ours_fen is None else str(d.ours_fen)) for d in result.differences]
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    common.emit(args, {"provider": args.provider, "day": args.day, "source": result.source, "counts": counts,
                       "differences": result.differences},
                lambda: f"{args.provider} {args.day}: {summary}" + (
                    "\n" + common.table(rows, ("result", "kind", "transaction", "order", "statement fen",
                                                "ledger fen")) if rows else ""))
    return 0
