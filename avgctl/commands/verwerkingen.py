"""``avgctl verwerkingen list|show|export``: the register for people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from avgctl.commands.common import (
    REGISTER,
    check_format,
    lever,
    niet_gevonden,
    open_register,
    uitkomst,
    vandaag,
)
from avgctl.errors import EXIT_OK
from avgctl.output import verwerkingen as output
from avgctl.store.register import Register
from avgctl.verwerkingen.export import document, tabel
from avgctl.verwerkingen.views import Filter, filter_verwerkingen, find, gesorteerd

EXPORT_FORMATS = ("csv", "md", "html", "var")


def list_(repo: Path | None, criteria: Filter, fmt: str) -> int:
    check_format(fmt, output.LIST_FORMATS)
    register = open_register(repo, REGISTER, overzicht=True)
    output.write_list(register, filter_verwerkingen(register, criteria), fmt)
    return uitkomst(register, EXIT_OK)


def show(repo: Path | None, verwerking_id: str, fmt: str = "text") -> int:
    check_format(fmt, output.SHOW_FORMATS)
    register = open_register(repo, REGISTER)
    bron = find(register, verwerking_id)
    if bron is None:
        raise niet_gevonden("verwerking met id", verwerking_id,
                            [b.model.id for b in gesorteerd(register)],
                            "avgctl verwerkingen list")
    if fmt == "json":
        output.write_show_json(register, bron)
    else:
        output.write_show(document.verwerking(register, bron.model), bron.file)
    return EXIT_OK


def export(repo: Path | None, dag: dt.date | None, fmt: str, uit: Path | None) -> int:
    check_format(fmt, EXPORT_FORMATS)
    register = open_register(repo, REGISTER)
    lever(_export(register, vandaag(dag, register), fmt), uit)
    return EXIT_OK


def _export(register: Register, today: dt.date, fmt: str) -> bytes:
    if fmt == "csv":
        return output.csv_bytes(tabel.rijen(register))
    if fmt == "var":
        from avgctl.verwerkingen.export.var import var_document

        return output.json_bytes(var_document(register))
    from avgctl.render import render

    template = "register.md.j2" if fmt == "md" else "register.html.j2"
    return render(template, document.context(register, today), register.root).encode("utf-8")
