"""The providers' daily statements (对账单) as StatementLines: WeChat Pay's trade bill (comma separated, each
field prefixed with a backtick, a summary block at the end) and Alipay's trade detail CSV (GBK, '#' comment
lines around the table). Downloaded or imported from a file; unknown layouts are refused, never guessed."""

from __future__ import annotations

import csv
import gzip
import io
from datetime import datetime, timedelta, timezone

from acrel_console.domain.payments import StatementLine, fen_of_yuan_text, order_id_of
from acrel_console.drivers.payments.alipay import unzip_bill

CHINA = timezone(timedelta(hours=8))
MAX_ROWS = 200_000


class StatementFormatError(ValueError):
    """The file is not a statement of the expected provider (the message says what is missing)."""


def _text(raw: bytes) -> str:
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    raw = unzip_bill(raw)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StatementFormatError("the statement is neither UTF-8 nor GBK text")


def _clean(value: str) -> str:
    return value.strip().lstrip("`").strip()


def _time(value: str) -> datetime | None:
    try:
        return datetime.strptime(_clean(value), "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA).astimezone(timezone.utc)
    except ValueError:
        return None


def parse_wechat(raw: bytes) -> list[StatementLine]:
    """WeChat Pay trade bill (bill_type ALL): SUCCESS rows are payments (订单金额), REFUND rows refunds (退款金额)."""
    rows = list(csv.reader(io.StringIO(_text(raw))))
    if not rows or "微信订单号" not in [_clean(c) for c in rows[0]]:
        raise StatementFormatError("not a WeChat Pay trade bill: no 微信订单号 column")
    head = [_clean(c) for c in rows[0]]
    col = {name: i for i, name in enumerate(head)}
    for needed in ("交易时间", "微信订单号", "商户订单号", "交易状态"):
        if needed not in col:
            raise StatementFormatError(f"not a WeChat Pay trade bill: no {needed} column")
    total_col = col.get("订单金额", col.get("应结订单金额"))
    if total_col is None:
        raise StatementFormatError("not a WeChat Pay trade bill: no 订单金额 column")
    out: list[StatementLine] = []
    for row in rows[1:MAX_ROWS]:
        if not row or _clean(row[0]).startswith("总"):
            break  # the summary block
        cells = [_clean(c) for c in row]
        if len(cells) < len(head):
            continue
        state = cells[col["交易状态"]]
        txn, trade, at = cells[col["微信订单号"]], cells[col["商户订单号"]], _time(cells[col["交易时间"]])
        if state == "SUCCESS":
            out.append(StatementLine("payment", txn, trade, fen_of_yuan_text(cells[total_col]), at))
        elif state == "REFUND" and "退款金额" in col:
            out.append(StatementLine("refund", txn, trade, fen_of_yuan_text(cells[col["退款金额"]]), at))
    return out


def parse_alipay(raw: bytes) -> list[StatementLine]:
    """Alipay trade detail (业务明细): 交易 rows are payments, 退款 rows refunds (their amount is negative there)."""
    lines = [ln for ln in _text(raw).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    rows = list(csv.reader(lines))
    start = next((i for i, r in enumerate(rows) if r and _clean(r[0]) == "支付宝交易号"), None)
    if start is None:
        raise StatementFormatError("not an Alipay trade bill: no 支付宝交易号 column")
    head = [_clean(c) for c in rows[start]]
    col = {name: i for i, name in enumerate(head)}
    amount = next((i for name, i in col.items() if name.startswith("订单金额")), None)
    for needed in ("商户订单号", "业务类型"):
        if needed not in col:
            raise StatementFormatError(f"not an Alipay trade bill: no {needed} column")
    if amount is None:
        raise StatementFormatError("not an Alipay trade bill: no 订单金额 column")
    when = col.get("完成时间", col.get("创建时间"))
    out: list[StatementLine] = []
    for row in rows[start + 1:start + MAX_ROWS]:
        cells = [_clean(c) for c in row]
        if len(cells) < len(head):
            continue
        kind = {"交易": "payment", "退款": "refund"}.get(cells[col["业务类型"]])
        if kind is None:
            continue
        at = _time(cells[when]) if when is not None else None
        out.append(StatementLine(kind, cells[0], cells[col["商户订单号"]], abs(fen_of_yuan_text(cells[amount])), at))
    return out


def parse(provider: str, raw: bytes) -> list[StatementLine]:
    """A statement of `provider` ('wechat' or 'alipay'); only our own orders (merchant order numbers this console
    made) are kept, so a merchant account shared with a shop till does not show as differences."""
    lines = parse_wechat(raw) if provider == "wechat" else parse_alipay(raw)
    return [ln for ln in lines if order_id_of(ln.out_trade_no) is not None]
