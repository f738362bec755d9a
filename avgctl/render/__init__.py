"""The Jinja environment for documents and letters: sandboxed, strict and escaping.
May import errors only; callers pass the context in.

Templates run in a sandbox with undefined names as errors (a typo in a template must fail,
not print an empty string) and with autoescaping for HTML, so register text can never inject
markup into a published page. A repository can override any built-in template by placing a
file with the same name in its own ``templates/`` folder.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from avgctl.errors import AvgctlError

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def datum(value: dt.date | None) -> str:
    """27 maart 2026: the way Dutch documents write a date."""
    if value is None:
        return ""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def cel(value: object) -> str:
    """Text safe inside a Markdown table cell: no line breaks, no column separators."""
    return " ".join(str(value).split()).replace("|", "\\|")


def leesbaar(value: object) -> str:
    """contactpersoon_opdrachtgever -> contactpersoon opdrachtgever."""
    return str(value).replace("_", " ")


def _builtin_templates() -> Path:
    return Path(str(resources.files("avgctl").joinpath("templates")))


def environment(repo: Path | None = None) -> SandboxedEnvironment:
    loaders = []
    if repo is not None and (repo / "templates").is_dir():
        loaders.append(FileSystemLoader(repo / "templates"))
    loaders.append(FileSystemLoader(_builtin_templates()))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = datum
    env.filters["cel"] = cel
    env.filters["leesbaar"] = leesbaar
    return env


_STRONG = re.compile(r"\*\*(.+?)\*\*")


def markdown_html(text: str) -> Markup:
    """The small Markdown of the letters as HTML: headings, paragraphs, lists, bold.

    Every piece of text is escaped first, so nothing from a register can become markup; only
    the structure this function adds is HTML.
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
    return _STRONG.sub(r"<strong>\1</strong>", str(escape(text)))


def render(template: str, context: dict[str, Any], repo: Path | None = None) -> str:
    """Render a template; any template problem becomes a Dutch domain error."""
    try:
        return environment(repo).get_template(template).render(**context)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (regel {line})" if line else ""
        raise AvgctlError(f"sjabloon {template}{where} kan niet worden gemaakt: {exc}") from exc
    except Exception as exc:  # raised by the template's own expressions: 1 / 0, range(10**9)
        raise AvgctlError(f"sjabloon {template} kan niet worden gemaakt: "
                          f"{type(exc).__name__}: {exc}") from exc
