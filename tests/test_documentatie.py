"""The documentation stays true: README.md and docs/*.md link only to pages and headings that
exist."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from avgctl.rules import REGISTRY
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


# --- docs/regels.md, made from the rules' docstrings -------------------------------------------

def test_rules_page_is_current(cli: Any) -> None:
    result = cli("rules", "--format", "md")
    assert result.exit_code == 0, result.err
    pagina = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    assert pagina == result.out, (
        "docs/regels.md loopt achter op de uitleg bij de regels in avgctl/rules/; "
        "maak de pagina opnieuw met: make docs")


def test_rules_page_explains_every_rule_as_avgctl_rules_does(cli: Any) -> None:
    pagina = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    for code, rule in REGISTRY.items():
        sectie = cli("rules", code, "--format", "md")
        assert sectie.exit_code == 0, sectie.err
        assert sectie.out.startswith(f"## {code}: "), code
        assert sectie.out in pagina, code
        uitleg = rule.uitleg()
        tekst = re.sub(r"\\(.)", r"\1", sectie.out)  # the Markdown escapes, read as text
        for deel in (uitleg.wat, uitleg.waarom, uitleg.oplossing, rule.voorbeeld.fout,
                     rule.voorbeeld.goed.rstrip("\n")):
            assert deel in tekst, (code, deel)


def test_rules_page_is_markdown_that_keeps_the_text() -> None:
    """Text from a docstring renders as that text: a ``<`` or ``[`` in it is escaped, the
    examples are fenced code with a fence longer than any backticks inside."""
    from avgctl.output.rules import markdown

    class Regel(REGISTRY["AVG204"]):  # type: ignore[misc,valid-type]
        """Een naam met <id> en [haken] en | streep.

        Waarom: omdat.

        Oplossing: `herstel`.
        """

        title = "Titel | met streep"

    tekst = markdown([Regel], pagina=True)
    assert "Een naam met \\<id> en \\[haken\\] en | streep." in tekst
    assert "Titel \\| met streep" in tekst  # in the table the bar would start a new cell
    assert "**Oplossing.** \\`herstel\\`." in tekst


def test_make_docs_writes_the_page(tmp_path: Path) -> None:
    """`make docs` is the command the stale-page message names: it must exist and write the
    page the test compares with."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    regels = re.search(r"^docs:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert regels, "de Makefile heeft geen doel 'docs'"
    assert "rules --format md > docs/regels.md" in regels.group(1)
