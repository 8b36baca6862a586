"""The building / gateway tree on the left of the Meters page: pick a scope (all, a building, a gateway
within a building). Built from the live list itself, so it always matches what the grid holds; each gateway
node carries its bus health (tooltip, and 'unreachable' in its text when the last sweep could not reach it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from acrel_console.services.bus_health import BusHealth
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.meters.bus_health_panel import state_text, tooltip, unhealthy
from acrel_console.ui.meters.meter_filter import NO_BUILDING

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1  # (building_id | None, gateway_id | None)


class SiteTree(QTreeWidget):
    """Emits `scope_chosen(building_id, gateway_id)` (None = any) when the operator picks a node."""

    scope_chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metersSiteTree")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self._shape: tuple[tuple[int, int, int], ...] = ()  # (building, gateway, meters)
        self._scope: tuple[int | None, int | None] = (None, None)
        self._health: dict[int, BusHealth] = {}
        self._names: dict[tuple[int, int], str] = {}  # (building, gateway) -> the node's text without health
        self.currentItemChanged.connect(self._current_changed)

    def set_meters(self, meters: Sequence[MeterLive]) -> None:
        """Rebuild the tree from the meters (keeps the current scope when it still exists)."""
        buildings: dict[int, str] = {}
        gateways: dict[int, str] = {}
        pairs: Counter[tuple[int, int]] = Counter()
        for m in meters:
            b = m.building_id if m.building_id is not None else NO_BUILDING
            buildings[b] = m.building or ""
            gateways[m.gateway_id] = m.gateway
            pairs[(b, m.gateway_id)] += 1
        shape = tuple(sorted((b, g, n) for (b, g), n in pairs.items()))
        if shape == self._shape and self.topLevelItemCount():
            return
        self._shape = shape
        keep = self._scope
        self.blockSignals(True)
        self.clear()
        root = QTreeWidgetItem([self.tr("All meters ({n})").format(n=len(meters))])
        root.setData(0, SCOPE_ROLE, (None, None))
        self.addTopLevelItem(root)
        select: QTreeWidgetItem = root
        for b in sorted(buildings, key=lambda k: (k == NO_BUILDING, buildings[k])):
            total = sum(n for (bb, _g), n in pairs.items() if bb == b)
            name = buildings[b] if b != NO_BUILDING else self.tr("No building")
            bitem = QTreeWidgetItem([f"{name} ({total})"])
            bitem.setData(0, SCOPE_ROLE, (b, None))
            root.addChild(bitem)
            if keep == (b, None):
                select = bitem
            for g in sorted((g for (bb, g) in pairs if bb == b), key=lambda k: gateways[k]):
                gitem = QTreeWidgetItem([f"{gateways[g]} ({pairs[(b, g)]})"])
                gitem.setData(0, SCOPE_ROLE, (b, g))
                self._names[(b, g)] = gitem.text(0)
                gitem.setToolTip(0, self.tr("Gateway {name}").format(name=gateways[g]))
                bitem.addChild(gitem)
                if keep == (b, g):
                    select = gitem
        self.expandAll()
        self.setCurrentItem(select)
        self.blockSignals(False)
        self._show_health()
        scope = select.data(0, SCOPE_ROLE)
        if tuple(scope) != keep:
            self._scope = (scope[0], scope[1])
            self.scope_chosen.emit(scope[0], scope[1])

    def set_health(self, health: dict[int, BusHealth]) -> None:
        """Each gateway's bus health: the node's tooltip, and its state in words when it is unreachable."""
        self._health = dict(health)
        self._show_health()

    def _show_health(self) -> None:
        for item in self._items():
            b, g = item.data(0, SCOPE_ROLE)
            h = self._health.get(g) if g is not None else None
            if g is None or h is None:
                continue
            base = self._names.get((b, g), item.text(0))
            item.setToolTip(0, tooltip(h))
            item.setText(0, f"{base} · {state_text(h)}" if unhealthy(h) else base)

    def gateways_in_scope(self) -> list[int]:
        """The gateways of the selected node (one gateway, a building's, or all)."""
        b, g = self._scope
        if g is not None:
            return [g]
        return sorted({gg for (bb, gg, _n) in self._shape if b is None or bb == b})

    def select_scope(self, building_id: int | None, gateway_id: int | None) -> bool:
        """Select the node of a scope (tests, remembered scope); False when it does not exist."""
        for item in self._items():
            if tuple(item.data(0, SCOPE_ROLE)) == (building_id, gateway_id):
                self.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        b, g = current.data(0, SCOPE_ROLE)
        self._scope = (b, g)
        self.scope_chosen.emit(b, g)
