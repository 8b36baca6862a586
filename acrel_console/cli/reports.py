"""CLI: reports (with .xlsx export), alarms and SMS."""

from __future__ import annotations

import argparse
from typing import Any

from acrel_console.cli import common


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register `report ...`, `alarms ...` and `sms ...`."""

    add = common.command

    def periodic(p: argparse.ArgumentParser) -> None:
        p.add_argument("--period", choices=["day", "month", "year"], default="month")
        p.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY (site time zone)")
        p.add_argument("--xlsx", metavar="FILE", help="also export to this .xlsx file")

    rep = sub.add_parser("report", help="reports (报表中心)").add_subparsers(dest="sub", required=True, metavar="REPORT")
    p = add(rep, "sales", cmd_report, "电销售报表: sales, reversals, refunds, financial income")
    periodic(p)
    p.add_argument("--by", choices=["cashier", "method", "building"], default="cashier")
    p = add(rep, "energy", cmd_report, "电能耗报表: energy by hour/day/month")
    periodic(p)
    p.add_argument("--group", choices=["meter", "tenant", "building"], default="meter")
    p.add_argument("--tou", action="store_true", help="复费率: split by tariff period")
    p = add(rep, "meters", cmd_report, "电表综合报表: readings, balances, sales, amount used")
    periodic(p)
    p = add(rep, "revenue", cmd_report, "电费收益报表: revenue by tariff period against energy cost")
    periodic(p)
    p = add(rep, "loss", cmd_report, "损耗分析: main meters against their sub-meters")
    periodic(p)
    p.add_argument("--by", choices=["total", "day", "month"], default="total",
                   help="one row per main meter over the period, or per day / per month")
    p = add(rep, "alarm-history", cmd_report, "历史报警")
    periodic(p)
    for name, text in (("offline", "失联电表: offline meters"), ("offline-gateways", "失联网关: offline gateways"),
                       ("electrical", "电参量: latest electrical values"), ("alarms", "实时报警: active alarms"),
                       ("reconciliation", "ledger balance against each meter; pending and conflicting deliveries")):
        p = add(rep, name, cmd_report, text)
        p.add_argument("--xlsx", metavar="FILE", help="also export to this .xlsx file")
    p = add(rep, "statement", cmd_report, "tenant statement over a period")
    periodic(p)
    p.add_argument("--tenant", type=int, required=True, help="tenant id")

    al = sub.add_parser("alarms", help="alarms").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add(al, "list", cmd_alarms_list, "active alarms (--all for history)")
    p.add_argument("--all", action="store_true")
    p = add(al, "ack", cmd_alarms_ack, "acknowledge an alarm with a comment")
    p.add_argument("alarm_id", type=int)
    p.add_argument("--comment", default="")

    sms = sub.add_parser("sms", help="text messages").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add(sms, "test", cmd_sms_test, "send a test message through the configured driver")
    p.add_argument("--to", required=True, metavar="NUMBER")
    p.add_argument("--text", default="Acrel Console test message / 测试短信")


def _translate() -> Any:
    try:
        from acrel_console import i18n

        return i18n.translate
    except Exception:  # noqa: BLE001 - English without Qt
        return lambda _c, t: t


def build_report(args: argparse.Namespace, svc: Any, who: Any) -> Any:
    rs = svc.reports
    name = args.sub
    if hasattr(args, "period") and hasattr(args, "date"):
        period = rs.period(who, args.period, args.date)
    builders = {
        "sales": lambda: rs.sales(who, period, args.by),
        "energy": lambda: (rs.tou_energy if args.tou else rs.energy)(who, period, args.group),
        "meters": lambda: rs.meter_summary(who, period),
        "revenue": lambda: rs.revenue(who, period),
        "loss": lambda: rs.loss(who, period, args.by),
        "alarm-history": lambda: rs.alarm_history(who, period),
        "offline": lambda: rs.offline_meters(who),
        "offline-gateways": lambda: rs.offline_gateways(who),
        "electrical": lambda: rs.electrical(who),
        "alarms": lambda: rs.realtime_alarms(who),
        "reconciliation": lambda: rs.reconciliation(who),
        "statement": lambda: rs.tenant_statement(who, args.tenant, period),
    }
    return builders[name]()


def _cell(value: Any, kind: str) -> str:
    from acrel_console.domain.money import energy_to_kwh, format_yuan

    if value is None:
        return ""
    if kind == "yuan":
        return format_yuan(int(value))
    if kind == "kwh":
        return str(energy_to_kwh(int(value)))
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def cmd_report(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    report = build_report(args, svc, who)
    tr = _translate()
    exported = None
    if getattr(args, "xlsx", None):
        exported = svc.reports.export(who, report, args.xlsx, translate=tr)
    if args.json:
        cols = [c.key for c in report.columns]
        common.emit(args, {"report": report.report_id, "title": tr("reports", report.title),
                           "period": report.period_text, "columns": cols,
                           "headers": [tr("reports", c.header) for c in report.columns],
                           "rows": [dict(zip(cols, r)) for r in report.rows], "totals": report.totals(),
                           "xlsx": str(exported.path) if exported else None})
        return 0
    headers = [tr("reports", c.header) for c in report.columns]
    rows = [[_cell(v, c.kind.value) for v, c in zip(r, report.columns)] for r in report.rows]
    totals = report.totals()
    if totals:
        rows.append([tr("export", "Total") if i == 0 else
                     (_cell(totals[c.key], c.kind.value) if c.key in totals else "")
                     for i, c in enumerate(report.columns)])
    print(f"{tr('reports', report.title)}  {report.period_text}")
    print(common.table(rows, headers))
    if exported:
        print(f"\nxlsx: {exported.path}")
    return 0


def cmd_alarms_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    alarms = svc.alarms.history(who) if args.all else svc.alarms.active(who)
    common.emit(args, alarms, lambda: common.table(
        [(a.id, a.kind.value, a.message, common.local_text(args, a.raised_at, seconds=False),
          "yes" if a.active else "no", a.acknowledged_by) for a in alarms],
        ["id", "kind", "message", "raised", "active", "acknowledged by"]))
    return 0


def cmd_alarms_ack(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    alarm = svc.alarms.acknowledge(who, args.alarm_id, args.comment)
    common.emit(args, alarm, f"alarm {alarm.id} acknowledged")
    return 0


def cmd_sms_test(args: argparse.Namespace) -> int:
    from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError

    svc, who = common.services(args), common.actor(args)
    sms = getattr(svc, "sms", None)
    if sms is None:
        raise UserError(QT_TRANSLATE_NOOP("errors", "No SMS driver is configured on this site."))
    result = sms.send_test(who, args.to, args.text)
    common.emit(args, result, f"sent to {args.to}")
    return 0
