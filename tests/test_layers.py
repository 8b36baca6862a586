"""The layer contract of design §3, checked on the import graph (not hoped for)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "acrel_console"

# layer -> packages it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("acrel_console.drivers", "acrel_console.ledger", "acrel_console.storage", "acrel_console.services",
               "acrel_console.ui", "acrel_console.cli", "acrel_console.app", "PySide6", "sqlalchemy", "pymodbus",
               "serial", "pyqtgraph", "openpyxl"),
    "drivers": ("acrel_console.ledger", "acrel_console.storage", "acrel_console.services", "acrel_console.ui",
                "acrel_console.cli", "acrel_console.app", "PySide6", "sqlalchemy", "pyqtgraph"),
    "ledger": ("acrel_console.services", "acrel_console.ui", "acrel_console.cli", "acrel_console.app", "PySide6",
               "pyqtgraph"),
    "storage": ("acrel_console.drivers", "acrel_console.ledger", "acrel_console.services", "acrel_console.ui",
                "acrel_console.cli", "acrel_console.app", "PySide6", "pymodbus", "serial", "pyqtgraph"),
    "services": ("acrel_console.ui", "acrel_console.cli", "acrel_console.app", "acrel_console.portal", "PySide6",
                 "pyqtgraph", "starlette", "uvicorn", "jinja2"),
    # Widgets never touch SQL, Modbus, serial or SMS: only services do.
    "ui": ("acrel_console.storage", "acrel_console.drivers", "acrel_console.ledger", "sqlalchemy", "pymodbus",
           "serial"),
    # The tenant portal (issue 16) is a top layer beside ui/cli: it calls services only, never SQL, meters,
    # the ledger, the composition root or Qt (it reads the console's translations as plain data).
    "portal": ("acrel_console.storage", "acrel_console.drivers", "acrel_console.ledger", "acrel_console.ui",
               "acrel_console.cli", "acrel_console.app", "acrel_console.runtime", "acrel_console.i18n", "sqlalchemy",
               "pymodbus", "serial", "PySide6", "pyqtgraph", "openpyxl"),
}
# Of services/, the portal may import only these: it holds no operator service, so no operator function is
# reachable from the portal process.
PORTAL_SERVICES = ("acrel_console.services.tenant_portal", "acrel_console.services.tenant_access")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_imports_point_down() -> None:
    violations = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PKG / layer).rglob("*.py"):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    violations.append(f"{path.relative_to(PKG.parent)} imports {name}")
    assert violations == []


def test_the_portal_reaches_only_the_tenant_services() -> None:
    used = {name for path in (PKG / "portal").rglob("*.py") for name in _imports(path)
            if name.startswith("acrel_console.services")}
    assert used and used <= set(PORTAL_SERVICES), used
    relative = [str(p) for p in (PKG / "portal").rglob("*.py")
                if any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(p.read_text("utf-8"))))]
    assert relative == []  # absolute imports only, so the contract above sees every one


def test_every_module_has_a_docstring() -> None:
    missing = [str(p.relative_to(PKG.parent)) for p in PKG.rglob("*.py")
               if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
               and "migrations/versions" not in str(p)]
    assert missing == []
