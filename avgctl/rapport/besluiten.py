"""The FG's recommendations (besluiten gevraagd): the Markdown file the FG writes, kept to a
small, safe part of Markdown in the report.

The FG writes headings, paragraphs, lists and bold. Everything else in the file (HTML, links,
images, code) is shown as the text it is, as all register text is (render/markdown.py): the
report goes to the board and may be published, and a file in the repository must not be able
to put markup or a link in it.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from avgctl.render.markdown import Markdown, markdown_html, markdown_tekst

_KOP = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$")
_LIJST = re.compile(r"^[ \t]{0,3}- (.*)$")
_VET = re.compile(r"\*\*(.+?)\*\*")


def _inline(tekst: str) -> str:
    """Text with only its **bold** kept: every other character that could be markup is
    escaped."""
    delen = _VET.split(tekst)
    uit = []
    for i, deel in enumerate(delen):
        if i % 2:
            uit.append(f"**{_escape(deel.strip())}**")
        else:
            uit.append(_escape(deel))
    return "".join(uit)


def _escape(tekst: str) -> str:
    return markdown_tekst(tekst) if tekst else ""


def als_markdown(tekst: str) -> Markdown:
    """The FG's text as Markdown for the report: headings one level under the chapter's own
    (###), lists, paragraphs and bold; nothing else becomes markup."""
    regels = []
    for regel in tekst.split("\n"):
        kop, item = _KOP.match(regel), _LIJST.match(regel)
        if kop is not None:
            regels.append(f"### {_inline(kop.group(1))}")
        elif item is not None:
            regels.append(f"- {_inline(item.group(1))}")
        else:
            regels.append(_inline(regel.strip()))
    return Markdown(re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip())


def als_html(tekst: str) -> Markup:
    """The FG's text as HTML: the same small Markdown, every piece of text escaped, headings
    one level under the chapter's own (h3)."""
    # '#word' is no heading in Markdown (CommonMark §4.2), but the letters' converter would
    # take it for one: escaped, it stays text.
    tekst = re.sub(r"(?m)^(?=#+(?![#]*[ \t]))", r"\\", tekst)
    return markdown_html(re.sub(r"(?m)^#{1,6}(?=[ \t])", "###", tekst))
