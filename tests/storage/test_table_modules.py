"""Each ORM table module loads the tables its foreign keys name (issue 15: a command imports only the table
modules it uses, so a module imported alone must still resolve its keys when a row is flushed)."""

from __future__ import annotations

import re
from pathlib import Path

TABLES = Path(__file__).parents[2] / "acrel_console" / "storage" / "tables"
ALWAYS = ("site", "operators")  # imported by the package itself (tables/__init__.py)


def _modules() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in TABLES.glob("*.py") if p.stem != "__init__"}


def test_every_table_module_loads_the_tables_its_foreign_keys_name() -> None:
    sources = _modules()
    defined = {m: set(re.findall(r'__tablename__ = "(\w+)"', s)) for m, s in sources.items()}
    imports = {m: set(re.findall(r"^from acrel_console\.storage\.tables import (\w+)", s, re.MULTILINE))
               for m, s in sources.items()}
    init = (TABLES / "__init__.py").read_text(encoding="utf-8")
    assert all(re.search(rf"import .*\b{m}\b", init) for m in ALWAYS)
    for module, source in sources.items():
        loaded, todo = set(), [module, *ALWAYS]
        while todo:
            m = todo.pop()
            if m not in loaded:
                loaded.add(m)
                todo.extend(imports[m])
        reachable = set().union(*(defined[m] for m in loaded))
        missing = set(re.findall(r'ForeignKey\("(\w+)\.', source)) - reachable
        assert not missing, f"tables/{module}.py: import the module of {sorted(missing)}"
