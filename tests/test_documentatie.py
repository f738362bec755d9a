"""The documentation stays true: README.md and docs/*.md link only to pages and headings that
exist."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import PROJECT

DOCUMENTEN = [PROJECT / "README.md", *sorted((PROJECT / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def _buiten_code(text: str) -> str:
    """The text without fenced code blocks and inline code, where brackets are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", text)


def anker(kop: str) -> str:
    """The anchor a git host gives a heading (GitHub and GitLab agree on these headings): lower
    case, code marks and punctuation dropped, spaces become hyphens."""
    kop = kop.strip().lower().replace("`", "")
    kop = re.sub(r"[^\w\- ]", "", kop)
    return kop.replace(" ", "-")


def ankers(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"),
                  flags=re.MULTILINE | re.DOTALL)
    return {anker(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.MULTILINE)}


def test_anchor_of_a_heading() -> None:
    assert anker("`avgctl rules [CODE]`") == "avgctl-rules-code"
    assert anker("registers/bewaartermijnen.yaml") == "registersbewaartermijnenyaml"
    assert anker("`avgctl bewaartermijnen scan` en `sql`: de eigen gegevens") == (
        "avgctl-bewaartermijnen-scan-en-sql-de-eigen-gegevens")
    assert anker("Vóór elke commit") == "vóór-elke-commit"


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_relative_links_point_to_what_exists(document: Path) -> None:
    fouten = []
    for doel in LINK.findall(_buiten_code(document.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z]+:", doel):
            continue  # a web address: not checked, the tests run without network
        pad, _, fragment = doel.partition("#")
        bestand = (document.parent / pad).resolve() if pad else document
        if not bestand.exists():
            fouten.append(f"{doel}: {pad} bestaat niet")
        elif fragment and bestand.suffix == ".md" and fragment not in ankers(bestand):
            fouten.append(f"{doel}: {bestand.name} heeft geen kop met anker #{fragment}")
    assert not fouten, f"{document.relative_to(PROJECT)}:\n  " + "\n  ".join(fouten)


def test_every_docs_page_is_in_the_index() -> None:
    index = (PROJECT / "docs" / "README.md").read_text(encoding="utf-8")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for page in sorted((PROJECT / "docs").glob("*.md")):
        if page.name == "README.md":
            continue
        assert f"]({page.name})" in index, f"docs/README.md linkt niet naar {page.name}"
        assert f"](docs/{page.name})" in readme, f"README.md linkt niet naar docs/{page.name}"
