"""``avgctl rules [CODE]``: list the rules, or explain one."""

from __future__ import annotations

from avgctl.errors import EXIT_OK
from avgctl.output import rules as output
from avgctl.rules import REGISTRY, get


def run(code: str | None) -> int:
    if code is None:
        output.write_list(list(REGISTRY.values()))
    else:
        output.write_explanation(get(code))
    return EXIT_OK
