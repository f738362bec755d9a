"""``avgctl rules [CODE]``: list the rules, or explain one."""

from __future__ import annotations

from avgctl.commands.common import check_format
from avgctl.errors import EXIT_OK
from avgctl.output import rules as output
from avgctl.rules import REGISTRY, get

FORMATEN = ("text", "json", "md")


def run(code: str | None, fmt: str = "text") -> int:
    check_format(fmt, FORMATEN)
    if fmt == "md":
        output.write_markdown(list(REGISTRY.values()) if code is None else [get(code)],
                              pagina=code is None)
    elif code is None:
        output.write_list(list(REGISTRY.values()), fmt)
    else:
        output.write_explanation(get(code), fmt)
    return EXIT_OK
