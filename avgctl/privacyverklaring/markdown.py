"""Register text made safe for Markdown: it stays text, whatever characters it holds.

Static-site generators turn Markdown into HTML and pass raw HTML through, so a purpose that
reads ``<script>`` would run on the published page. Every ASCII punctuation character can be
escaped with a backslash in CommonMark; the ones that start markup are, and line breaks become
spaces so that register text can never start a heading or a list.
"""

from __future__ import annotations

import re
from typing import Any

_SPECIAAL = re.compile(r"([\\`*_\[\]<>|~#{}!])")
_ENTITEIT = re.compile(r"&(?=#?\w+;)")


# Most register text needs nothing: one search decides, before any rewriting.
_NODIG = re.compile(r"[\\`*_\[\]<>|~#{}!&\n\r\t\f\v\u0085\u2028\u2029\xa0]|  |^\s|\s$")


# At the start of a line these make a list, a heading underline or a rule ("1. ", "- ", "---").
_BEGIN = re.compile(r"^(?:(\d+)([.)])|([-+=]))")


def veilig(text: str) -> str:
    if _NODIG.search(text):
        text = " ".join(text.split())
        text = _ENTITEIT.sub(r"\\&", _SPECIAAL.sub(r"\\\1", text))
    return _BEGIN.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


# Values that are identifiers, not prose: anchors, dates, codes. They never hold register text
# that could become markup (ids are checked by their models' patterns).
RUW = frozenset({"anker", "datum", "hash", "versie", "id", "code", "taal", "grondslag_code",
                 "verplichting", "mechanisme", "land"})


def veilig_alles(value: Any) -> Any:
    """The same structure with every string escaped (keys, identifiers and non-strings kept)."""
    if isinstance(value, str):
        return veilig(value)
    if isinstance(value, dict):
        return {key: item if key in RUW and isinstance(item, str) else veilig_alles(item)
                for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [veilig_alles(item) for item in value]
    return value
