"""Markdown: register text escaped so that it renders as text, and the small Markdown of the
letters turned into HTML.

Most static-site generators and Markdown viewers pass raw HTML through (CommonMark 0.31
§4.6 and §6.6), so a purpose or description containing ``<script>`` would become live markup
on a published page. Register text in a Markdown document is therefore escaped with
backslashes (CommonMark §2.4): every character that could start markup gets a backslash,
and nothing else changes, so ordinary text looks the same in the source as before.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape


class Markdown(str):
    """Text that already is Markdown (built by avgctl itself): not escaped again."""

    __slots__ = ()


# One pass over the text: a backslash that would escape the next character (CommonMark §2.4)
# and every character that starts inline markup anywhere get a backslash of their own: raw
# HTML and autolinks (<), entities and character references (&lt; &#60;), emphasis (* and _),
# links and images ([ ]), code spans (`) and strikethrough (~, GitHub Flavored Markdown).
_INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|\Z)|[<*\[\]`~]|_"
    r"|&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)")
# Block markers at the start of a line: headings, block quotes, list items, setext underlines.
_BLOK = re.compile(r"^([ \t]{0,3})(#{1,6}(?=[ \t]|\r?$)|>|[-+](?=[ \t]|\r?$)|=+(?=[ \t]*\r?$)"
                   r"|-+(?=[ \t]*\r?$))", re.MULTILINE)
_GENUMMERD = re.compile(r"^([ \t]{0,3}[0-9]{1,9})([.)])(?=[ \t]|\r?$)", re.MULTILINE)
# Quick tests: most register text has none of these, and is returned as it is.
_INLINE_VERDACHT = re.compile(r"[\\<&*_\[\]`~]")
_REGELSTART = frozenset("#>+-=0123456789")
# Spaces or tabs at the start of a following line: after a heading (or four of them after a
# blank line) they start an indented code block (CommonMark §4.4). In a paragraph CommonMark
# drops them anyway, so dropping them changes nothing a reader sees.
_INSPRINGING = re.compile(r"(\r\n|\r|\n)[ \t]+")


def markdown_tekst(value: object) -> str:
    """Register text as Markdown that renders exactly as the text itself.

    Not idempotent (a backslash is doubled each time), so text is escaped once, where it is
    output; what avgctl builds as Markdown itself is marked with ``Markdown`` and left alone.
    """
    if isinstance(value, (Markdown, Markup)):
        return value
    text = str(value)
    if _INLINE_VERDACHT.search(text):
        text = _INLINE.sub(lambda m: _inline_escape(m, text), text)
    if "\n" in text or "\r" in text:
        text = _INSPRINGING.sub(r"\1", text)
    if "\n" in text or "\r" in text or text.lstrip(" \t")[:1] in _REGELSTART:
        text = _BLOK.sub(r"\1\\\2", text)
        text = _GENUMMERD.sub(r"\1\\\2", text)
    return text


def _inline_escape(match: re.Match[str], text: str) -> str:
    if match.group(0) == "_":
        # Underscore emphasis only opens or closes at a word boundary (CommonMark §6.2), so
        # kopie_id stays as it is.
        voor = text[match.start() - 1:match.start()]
        na = text[match.end():match.end() + 1]
        if voor.isalnum() and na.isalnum():
            return "_"
    return "\\" + match.group(0)


_STRONG = re.compile(r"\*\*(.+?)\*\*")
# A backslash escape (CommonMark §2.4): any ASCII punctuation character after a backslash.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_html(text: str) -> Markup:
    """The small Markdown of the letters as HTML: headings, paragraphs, lists, bold.

    Every piece of text is escaped first, so nothing from a register can become markup; only
    the structure this function adds is HTML. Backslash escapes count as the literal
    character, as in CommonMark.
    """
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if lines[0].startswith("#"):
            level = min(len(lines[0]) - len(lines[0].lstrip("#")), 3)
            blocks.append(f"<h{level}>{_inline(lines[0].lstrip('#').strip())}</h{level}>")
            lines = lines[1:]
            if not lines:
                continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>\n".join(_inline(line) for line in lines) + "</p>")
    return Markup("\n".join(blocks))


def _inline(text: str) -> str:
    # Escaped characters are set aside first so that an escaped \*\* is never bold; they
    # come back as the plain (HTML-escaped) character.
    bewaard: list[str] = []

    def bewaar(match: re.Match[str]) -> str:
        bewaard.append(match.group(1))
        return f"\x00{len(bewaard) - 1}\x00"

    text = _ESCAPE.sub(bewaar, text.replace("\x00", ""))
    html = _STRONG.sub(r"<strong>\1</strong>", str(escape(text)))
    return re.sub("\x00([0-9]+)\x00", lambda m: str(escape(bewaard[int(m.group(1))])), html)
