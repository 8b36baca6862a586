"""Receipts: the slip's lines from ReceiptData, the PDF written by QPdfWriter and rendered to PNG (pdftoppm),
and the first print vs a reprint (补打, same number) through the records service."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from acrel_console.services.records import ReceiptData
from acrel_console.ui.cashier.receipt_lines import receipt_text
from acrel_console.ui.cashier.receipt_render import receipt_image, save_pdf
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _data(reprint: bool = False) -> ReceiptData:
    return ReceiptData("R00000042", reprint, 2 if reprint else 1, "万达广场", "sale", "正常售电", "李四", "000001", "B-2", 7,
                       "M0007", Decimal("100.50"), "wechat",
                       (Decimal("1.5000"), Decimal("1.2000"), Decimal("0.8000"), Decimal("0.4000")),
                       Decimal("150.50"), 3, "cash1", datetime(2026, 3, 1, 2, 5, 9, tzinfo=timezone.utc), "开户首充",
                       "delivered")


def test_receipt_lines_in_site_time_with_every_field(qapp) -> None:  # type: ignore[no-untyped-def]
    text = receipt_text(_data(), "Asia/Shanghai")
    rows = dict(text.rows)
    assert rows["Receipt no."] == "R00000042" and rows["Time"] == "2026-03-01 10:05:09"  # UTC+8
    assert rows["Tenant"] == "李四" and rows["Meter no."] == "M0007" and rows["Amount"] == "100.50 yuan"
    assert rows["Payment"] == "WeChat Pay" and rows["Balance after"] == "150.50 yuan"
    assert rows["Purchase count"] == "3" and rows["Operator"] == "cash1" and rows["Remark"] == "开户首充"
    assert rows["Price"] == "Spike 1.5000 Peak 1.2000 Flat 0.8000 Valley 0.4000"
    assert text.reprint_mark == ""
    assert receipt_text(_data(reprint=True), "Asia/Shanghai").reprint_mark == "REPRINT (copy 2)"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_renders_to_an_image_with_ink_where_the_text_is(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = save_pdf(receipt_text(_data(reprint=True), "Asia/Shanghai"), tmp_path / "r.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "r")], check=True,
                   timeout=60)
    image = QImage(str(tmp_path / "r.png"))
    assert not image.isNull()
    assert 450 <= image.width() <= 480  # 80 mm at 150 dpi
    dark_rows = [y for y in range(image.height()) if any(image.pixelColor(x, y).lightness() < 100
                                                          for x in range(0, image.width(), 3))]
    assert len(dark_rows) > 150  # title, reprint mark and 15 lines of text were drawn
    assert dark_rows[-1] < image.height() * 0.75  # the slip fits on its page
    if SCREENSHOTS.is_dir():
        shutil.copy(tmp_path / "r.png", SCREENSHOTS / "receipt_pdf.png")


def test_preview_image_matches_the_slip(qapp) -> None:  # type: ignore[no-untyped-def]
    image = receipt_image(receipt_text(_data(), "Asia/Shanghai"))
    assert image.width() == 420 and 300 < image.height() < 700


def test_first_print_is_the_original_then_reprints_keep_the_number(qapp, world: World) -> None:  # type: ignore[no-untyped-def]
    sale = world.money.vending.sell(world.cashier, world.meters[0], "10", "cash")
    records = world.money.records
    first = records.print_receipt(world.cashier, sale.receipt_no)
    again = records.print_receipt(world.cashier, sale.operation_id)
    assert not first.reprint and again.reprint and first.number == again.number == sale.receipt_no
    assert receipt_text(again, "Asia/Shanghai").reprint_mark == "REPRINT (copy 2)"
