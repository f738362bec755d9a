"""The layers of DESIGN.md §3: no module imports a layer above its own.

cli -> commands -> domain -> models, with store and output at the edges. The test reads every
module's imports (also those inside functions) and fails on the first edge that points upwards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "avgctl"

# The area of a module is its first folder under avgctl/ (or its own name at the root).
DOMEIN = {"verwerkingen", "verzoeken", "datalekken", "overzicht", "rapport",
          "privacyverklaring", "bewaartermijnen", "termijnen", "rules", "render", "wijzigingen"}
ROOT = {"errors", "findings", "__init__", "__main__", "data"}

# What each area may never import.
VERBODEN: dict[str, set[str]] = {
    "commands": {"cli"},
    "output": {"cli", "commands"},
    "store": {"cli", "commands", "output"} | DOMEIN,
    "models": {"cli", "commands", "output", "store", "render"} | DOMEIN,
    "termijnen": {"cli", "commands", "output", "store", "render"} | DOMEIN - {"termijnen"},
    "bewaartermijnen": ({"cli", "commands", "output", "store", "render"}
                        | DOMEIN - {"bewaartermijnen", "termijnen"}),
    "rules": {"cli", "commands", "output"},
    "render": {"cli", "commands", "output", "store"} | DOMEIN - {"render"},
    "errors": {"cli", "commands", "output", "store", "models"} | DOMEIN,
    "findings": {"cli", "commands", "output", "store", "models"} | DOMEIN,
}
for _area in DOMEIN - set(VERBODEN):
    VERBODEN[_area] = {"cli", "commands", "output"}


def _area(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "avgctl":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "avgctl":  # from avgctl import x: x is the area
                found += [(node.lineno, f"avgctl.{alias.name}") for alias in node.names]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "templates" not in p.parts
                  and "voorbeeld" not in p.parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_upward_import(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0].removesuffix(".py")
    verboden = VERBODEN.get(own, set())
    wrong = [f"{rel}:{line}: {module}" for line, module in _imports(path)
             if _area(module) in verboden]
    assert not wrong, "import tegen de lagen in:\n" + "\n".join(wrong)


def test_root_holds_only_the_entry_point_errors_and_findings() -> None:
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert root == ["__init__.py", "__main__.py", "errors.py", "findings.py"]


def test_every_folder_says_what_lives_there() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        if init.parent == PACKAGE:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(PACKAGE)} heeft geen docstring"
        assert len(doc.split("\n\n")[0].splitlines()) == 2, init


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "x.py"
    module.write_text("def f():\n    from avgctl.output import console\n", encoding="utf-8")
    assert _area(_imports(module)[0][1]) in VERBODEN["rules"]


def test_docs_opbouw_matches_the_tree() -> None:
    page = (PACKAGE.parent / "docs" / "opbouw.md").read_text(encoding="utf-8")
    block = page.split("```", 2)[1]
    named = {line.split()[0].rstrip("/") for line in block.splitlines()[2:]
             if line.startswith("  ") and line.strip().split()[0].endswith("/")}
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert named == folders
