"""``avgctl rules``: the list of rules, and one rule explained like a rule page."""

from __future__ import annotations

import json
import sys
from typing import Any

from avgctl.rules.base import Rule

FORMATS = ("text", "json")


def _kort(rule: type[Rule]) -> dict[str, Any]:
    return {"code": rule.code, "ernst": rule.severity.label, "titel": rule.title,
            "artikel": rule.artikel}


def as_dict(rule: type[Rule]) -> dict[str, Any]:
    """One rule with its whole explanation, as ``avgctl rules CODE --format json`` gives it."""
    uitleg = rule.uitleg()
    voorbeeld = rule.voorbeeld
    return {
        **_kort(rule),
        "wat": uitleg.wat,
        "waarom": uitleg.waarom,
        "voorbeeld": {
            "bestand": voorbeeld.pad,
            "fout": voorbeeld.fout,
            "goed_bestand": voorbeeld.goed_pad,
            "goed": voorbeeld.goed,
            "bijlagen": [{"bestand": pad, "inhoud": tekst} for pad, tekst in voorbeeld.bijlagen],
        },
        "oplossing": uitleg.oplossing,
    }


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_list(rules: list[type[Rule]], fmt: str = "text") -> None:
    if fmt == "json":
        _json({"regels": [_kort(rule) for rule in rules]})
        return
    from rich.table import Table

    from avgctl.output.console import stdout

    table = Table(box=None, pad_edge=False, show_edge=False)
    for column in ("code", "ernst", "regel", "artikel"):
        table.add_column(column, no_wrap=column != "regel")
    for rule in rules:
        table.add_row(rule.code, rule.severity.label, rule.title, rule.artikel)
    stdout().print(table)


def write_explanation(rule: type[Rule], fmt: str = "text") -> None:
    if fmt == "json":
        _json(as_dict(rule))
        return
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    uitleg = rule.uitleg()
    voorbeeld = rule.voorbeeld
    console.print(f"[bold]{rule.code}: {escape(rule.title)}[/] ({rule.severity.label}, "
                  f"{escape(rule.artikel)})")
    bijlagen = [(f"Met daarbij {path}", _indent(text)) for path, text in voorbeeld.bijlagen]
    sections = [
        ("Wat de regel vindt", uitleg.wat),
        ("Waarom", uitleg.waarom),
        *bijlagen,
        (f"Voorbeeld dat de regel meldt ({voorbeeld.pad})", _indent(voorbeeld.fout)),
        ("Zo is het goed" + (f" ({voorbeeld.goed_pad})" if voorbeeld.goed_pad != voorbeeld.pad
                             else ""), _indent(voorbeeld.goed)),
        ("Oplossing", uitleg.oplossing),
    ]
    for head, body in sections:
        console.print()
        console.print(f"[bold]{escape(head)}[/]")
        console.print(escape(body.rstrip("\n")))


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


# The generated page says where it comes from, so nobody edits it by hand (the test of the
# docs fails when it is stale and says to run `make docs`).
_PAGINA_KOP = """\
# De regels

<!-- Gemaakt met `make docs` (avgctl rules --format md) uit de uitleg bij de regels in
avgctl/rules/. Wijzig die uitleg en draai `make docs`; wijzig deze pagina niet zelf. -->

Elke regel van `avgctl check`: wat hij vindt, waarom (met het artikel), een voorbeeld dat hij
meldt, hoe het goed is, en de oplossing. `avgctl rules CODE` toont dezelfde uitleg in de
terminal. Hoe `avgctl check` werkt, staat in [Controleren](check-en-ci.md).
"""


def write_markdown(rules: list[type[Rule]], *, pagina: bool) -> None:
    import sys

    sys.stdout.write(markdown(rules, pagina=pagina))


def markdown(rules: list[type[Rule]], *, pagina: bool) -> str:
    """The rules as Markdown: with ``pagina`` the whole page docs/regels.md (a table of all
    rules, then each rule explained), otherwise only the explanations."""
    parts = []
    if pagina:
        parts.append(_PAGINA_KOP)
        rows = ["| code | ernst | regel | artikel |", "|---|---|---|---|"]
        rows += [f"| {r.code} | {r.severity.label} | [{_cel(r.title)}](#{_anker(r)}) | "
                 f"{_cel(r.artikel)} |" for r in rules]
        parts.append("\n".join(rows) + "\n")
    parts += [_regel_markdown(rule) for rule in rules]
    return "\n".join(parts)


def _regel_markdown(rule: type[Rule]) -> str:
    from avgctl.render.markdown import markdown_tekst

    uitleg = rule.uitleg()
    voorbeeld = rule.voorbeeld
    out = [f"## {rule.code}: {markdown_tekst(rule.title)}",
           f"Ernst: {rule.severity.label}. Artikel: {markdown_tekst(rule.artikel)}.",
           f"**Wat de regel vindt.** {markdown_tekst(uitleg.wat)}",
           f"**Waarom.** {markdown_tekst(uitleg.waarom)}"]
    for path, text in voorbeeld.bijlagen:
        out += [f"Met daarbij `{path}`:", _codeblok(path, text)]
    out += [f"Voorbeeld dat de regel meldt (`{voorbeeld.pad}`):",
            _codeblok(voorbeeld.pad, voorbeeld.fout),
            "Zo is het goed" + (f" (`{voorbeeld.goed_pad}`)" if voorbeeld.goed_pad != voorbeeld.pad
                                else "") + ":",
            _codeblok(voorbeeld.goed_pad, voorbeeld.goed),
            f"**Oplossing.** {markdown_tekst(uitleg.oplossing)}"]
    return "\n\n".join(out) + "\n"


def _anker(rule: type[Rule]) -> str:
    """The anchor git hosts give the rule's heading: lower case, punctuation dropped, spaces
    become hyphens."""
    import re

    kop = f"{rule.code}: {rule.title}".lower()
    return re.sub(r"[^\w\- ]", "", kop).replace(" ", "-")


def _cel(text: str) -> str:
    from avgctl.render.markdown import markdown_tekst

    return markdown_tekst(text).replace("|", "\\|")


def _codeblok(path: str, text: str) -> str:
    taal = {"yaml": "yaml", "yml": "yaml", "csv": "csv", "md": "markdown"}.get(
        path.rsplit(".", 1)[-1], "")
    hek = "```"
    while hek in text:  # a fence longer than any run of backticks in the example
        hek += "`"
    return f"{hek}{taal}\n{text.rstrip(chr(10))}\n{hek}"
