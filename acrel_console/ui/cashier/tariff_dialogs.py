"""Tariff dialogs: a new tariff or a new version (flat 一表一价 / TOU 尖峰平谷 with up to 14 day periods / tiered
阶梯 up to 5 tiers), and assigning a tariff to meters from an effective date. They validate as you type."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.site_clock import day_start_in
from acrel_console.services.tariffs import TariffInfo
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.tariff_presenter import MAX_PERIODS, MAX_TIERS, TariffTexts, price_text, tariff_body
from acrel_console.ui.context import UiContext
from acrel_console.ui.site_time import site_today
from acrel_console.ui.cashier.keyboard import KeyFormDialog


KIND_NAMES = {"flat": QT_TRANSLATE_NOOP("TariffDialog", "Flat (one price)"),
              "tou": QT_TRANSLATE_NOOP("TariffDialog", "Time of use (spike/peak/flat/valley)"),
              "tiered": QT_TRANSLATE_NOOP("TariffDialog", "Tiered")}
PERIOD_NAMES = (QT_TRANSLATE_NOOP("TariffDialog", "Spike"), QT_TRANSLATE_NOOP("TariffDialog", "Peak"),
                QT_TRANSLATE_NOOP("TariffDialog", "Flat"), QT_TRANSLATE_NOOP("TariffDialog", "Valley"))
# The simulator's and Acrel's usual day: valley 23-07, flat 07-08/21-23, peak 08-10/11-19, spike 10-11/19-21.
DEFAULT_DAY = (("00:00", 3), ("07:00", 2), ("08:00", 1), ("10:00", 0), ("11:00", 1), ("19:00", 0), ("21:00", 2),
               ("23:00", 3))


def effective_at(day: QDate, zone: str) -> datetime:
    """Local midnight of the chosen day, in the site's zone."""
    return day_start_in(date(day.year(), day.month(), day.day()), ZoneInfo(zone))


class TariffDialog(KeyFormDialog):
    """New tariff, or (with `tariff`) a new version of it with the same kind."""

    def __init__(self, ui: UiContext, zone: str, tariff: TariffInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("New tariff version") if tariff else self.tr("New tariff"), parent)
        self.setMinimumWidth(560)
        self.zone = zone
        self.tariff = tariff
        self.name = QLineEdit(tariff.name if tariff else "")
        self.name.setReadOnly(tariff is not None)
        self.kind = QComboBox()
        for k, label in KIND_NAMES.items():
            self.kind.addItem(self.tr(label), k)
        self.effective = QDateEdit(site_today(ui.clock))
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.flat_price = amount_field(QLineEdit())
        self.flat_price.setPlaceholderText("0.8500")
        self.tou_prices = [amount_field(QLineEdit()) for _ in range(4)]
        self.schedule_times = [QLineEdit() for _ in range(MAX_PERIODS)]
        self.schedule_periods = [QComboBox() for _ in range(MAX_PERIODS)]
        self.tier_limits = [amount_field(QLineEdit()) for _ in range(MAX_TIERS)]
        self.tier_prices = [amount_field(QLineEdit()) for _ in range(MAX_TIERS)]
        self.tier_period = QComboBox()
        self.tier_period.addItem(self.tr("per month"), "month")
        self.tier_period.addItem(self.tr("per year"), "year")
        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("flat", self.tr("Price (yuan/kWh)"), self.flat_price)
        self.add_field("prices", self.tr("Prices (yuan/kWh)"), self._tou_price_box())
        self.add_field("schedule", self.tr("Day periods"), self._schedule_box())
        self.add_field("tiers", self.tr("Tiers"), self._tier_box())
        self.add_field("effective", self.tr("Effective from"), self.effective)
        for i, (hhmm, idx) in enumerate(DEFAULT_DAY):
            self.schedule_times[i].setText(hhmm)
            self.schedule_periods[i].setCurrentIndex(idx)
        if tariff is not None:
            self._load(tariff)
            self.kind.setEnabled(False)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _watch(self, *editors: QWidget) -> None:
        for e in editors:
            if isinstance(e, QLineEdit):
                e.textChanged.connect(self.revalidate)
            elif isinstance(e, QComboBox):
                e.currentIndexChanged.connect(self.revalidate)

    def _tou_price_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (name, edit) in enumerate(zip(PERIOD_NAMES, self.tou_prices)):
            grid.addWidget(QLabel(self.tr(name)), 0, i)
            edit.setPlaceholderText("0.0000")
            edit.setObjectName(f"tou_price_{i}")
            grid.addWidget(edit, 1, i)
        self._watch(*self.tou_prices)
        return box

    def _schedule_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for i in range(MAX_PERIODS):
            t, p = self.schedule_times[i], self.schedule_periods[i]
            t.setPlaceholderText("HH:MM")
            t.setObjectName(f"period_start_{i}")
            for name in PERIOD_NAMES:
                p.addItem(self.tr(name))
            grid.addWidget(t, i % 7, (i // 7) * 2)
            grid.addWidget(p, i % 7, (i // 7) * 2 + 1)
        self._watch(*self.schedule_times, *self.schedule_periods)
        return box

    def _tier_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Up to (kWh)")), 0, 1)
        grid.addWidget(QLabel(self.tr("Price (yuan/kWh)")), 0, 2)
        for i in range(MAX_TIERS):
            grid.addWidget(QLabel(self.tr("Tier {n}").format(n=i + 1)), i + 1, 0)
            self.tier_limits[i].setPlaceholderText(self.tr("(rest)") if i else "")
            grid.addWidget(self.tier_limits[i], i + 1, 1)
            grid.addWidget(self.tier_prices[i], i + 1, 2)
        grid.addWidget(self.tier_period, MAX_TIERS + 1, 1)
        self._watch(*self.tier_limits, *self.tier_prices, self.tier_period)
        return box

    def _load(self, t: TariffInfo) -> None:
        b = t.body
        self.kind.setCurrentIndex(self.kind.findData(b.kind))
        self.flat_price.setText(price_text(b.prices[0]))
        for e, p in zip(self.tou_prices, b.prices):
            e.setText(price_text(p))
        for i in range(MAX_PERIODS):
            self.schedule_times[i].setText("")
        for i, (start, idx) in enumerate(b.schedule):
            self.schedule_times[i].setText(f"{start // 60:02d}:{start % 60:02d}")
            self.schedule_periods[i].setCurrentIndex(idx)
        for i, (upper, price) in enumerate(b.tiers):
            self.tier_limits[i].setText("" if upper is None else f"{upper / 100:.2f}")
            self.tier_prices[i].setText(price_text(price))
        self.tier_period.setCurrentIndex(max(0, self.tier_period.findData(b.tier_period)))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.set_field_visible("flat", kind == "flat")
        self.set_field_visible("prices", kind == "tou")
        self.set_field_visible("schedule", kind == "tou")
        self.set_field_visible("tiers", kind == "tiered")
        self.adjustSize()
        self.revalidate()

    def values(self) -> dict[str, Any]:
        kind = str(self.kind.currentData())
        prices = (self.flat_price.text(),) if kind == "flat" else tuple(e.text() for e in self.tou_prices)
        texts = TariffTexts(self.name.text(), kind, prices,
                            tuple((t.text(), p.currentIndex()) for t, p in zip(self.schedule_times, self.schedule_periods)),
                            tuple((u.text(), p.text()) for u, p in zip(self.tier_limits, self.tier_prices)),
                            str(self.tier_period.currentData()))
        return {"texts": texts, "effective": effective_at(self.effective.date(), self.zone)}

    def check(self, values: dict[str, Any]) -> None:
        tariff_body(values["texts"])

    def _show_failure(self, err: Any) -> None:
        if isinstance(err, ValidationError) and err.field == "prices" and values_kind(self) == "flat":
            err.field = "flat"
        super()._show_failure(err)

    def submit(self, values: dict[str, Any]) -> TariffInfo:
        body = tariff_body(values["texts"])
        service, actor = money_services(self.ui.services).tariffs, self.ui.actor  # type: ignore[union-attr]
        if self.tariff is not None:
            return service.add_version(actor, self.tariff.tariff_id, body, values["effective"])
        return service.create(actor, values["texts"].name, body, values["effective"])


def values_kind(dialog: TariffDialog) -> str:
    return str(dialog.kind.currentData())


class AssignTariffDialog(KeyFormDialog):
    """Assign a tariff to one meter or a batch from a date; meter-side meters get a price download."""

    def __init__(self, ui: UiContext, zone: str, tariffs: list[TariffInfo], meters: list[Any],
                 preselect: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Assign tariff"), parent)
        self.zone = zone
        self.tariff = QComboBox()
        for t in tariffs:
            self.tariff.addItem(t.name, t.tariff_id)
        self.meters = QListWidget()
        self.meters.setMinimumHeight(180)
        for m in meters:
            item = QListWidgetItem(self.tr("{no} · {room} · {model}").format(no=meter_number(m.meter_no), room=m.room or "—",
                                                                             model=m.model))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if preselect and m.id in preselect else Qt.CheckState.Unchecked)
            self.meters.addItem(item)
        self.meters.itemChanged.connect(lambda _i: self.revalidate())
        self.effective = QDateEdit(site_today(ui.clock))
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.download = QCheckBox(self.tr("Download the prices (and a TOU tariff's day-period schedule) to meters that "
                                          "hold their balance"))
        self.download.setChecked(True)
        self.add_field("tariff", self.tr("Tariff"), self.tariff)
        self.add_field("meter_ids", self.tr("Meters (Space ticks)"), self.meters)
        self.add_field("effective", self.tr("Effective from"), self.effective)
        self.add_field("download", "", self.download)

    def checked_ids(self) -> list[int]:
        return [int(self.meters.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.meters.count())
                if self.meters.item(i).checkState() == Qt.CheckState.Checked]

    def values(self) -> dict[str, Any]:
        return {"tariff": self.tariff.currentData(), "meter_ids": self.checked_ids(),
                "effective": effective_at(self.effective.date(), self.zone), "download": self.download.isChecked()}

    def check(self, values: dict[str, Any]) -> None:
        if values["tariff"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Create a tariff first."), field="tariff")
        if not values["meter_ids"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Select at least one meter."), field="meter_ids")

    def submit(self, values: dict[str, Any]) -> Any:
        service, actor = money_services(self.ui.services).tariffs, self.ui.actor  # type: ignore[union-attr]
        now = self.ui.clock.now()
        when = values["effective"] if values["effective"] > now else None  # today: from now, so prices download
        return service.assign(actor, int(values["tariff"]), values["meter_ids"], when, download=values["download"])
