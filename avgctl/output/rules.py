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
