"""The Jinja environment for documents and letters: sandboxed with limits, strict and escaping.
May import errors only; callers pass the context in.

Templates run in a sandbox with undefined names as errors (a typo in a template must fail,
not print an empty string), with bounds on size, steps and time (``sandbox.Limits``), with
autoescaping for HTML and backslash escaping for Markdown, so register text can never inject
markup into a published page. A repository can override any built-in template by placing a
file with the same name in its own ``templates/`` folder. Every template problem reaches the
user as a Dutch message with the template and its line (``fouten``).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

from avgctl.errors import AvgctlError
from avgctl.render import fouten
from avgctl.render.markdown import Markdown, markdown_html, markdown_tekst
from avgctl.render.sandbox import LimitedEnvironment, LimitExceeded, Limits

__all__ = [
    "LimitExceeded",
    "Limits",
    "Markdown",
    "SjabloonFout",
    "cel",
    "datum",
    "environment",
    "leesbaar",
    "markdown_html",
    "markdown_tekst",
    "render",
]

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def datum(value: dt.date | None) -> str:
    """27 maart 2026: the way Dutch documents write a date."""
    if value is None:
        return ""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def cel(value: object) -> str:
    """Register text for a Markdown table cell: escaped, no line breaks, no column
    separators."""
    return Markdown(markdown_tekst(" ".join(str(value).split())).replace("|", "\\|"))


def leesbaar(value: object) -> str:
    """contactpersoon_opdrachtgever -> contactpersoon opdrachtgever."""
    return str(value).replace("_", " ")


def _builtin_templates() -> Path:
    return Path(str(resources.files("avgctl").joinpath("templates")))


class SjabloonFout(AvgctlError):
    """A template that cannot be made: Dutch message with the template and its line."""


def environment(repo: Path | None = None, limits: Limits | None = None,
                escape_markdown: bool = True) -> LimitedEnvironment:
    """The environment for one repository. ``escape_markdown=False`` leaves the output of
    Markdown templates as it is, for a caller that escaped its context itself."""
    loaders = []
    if repo is not None and (repo / "templates").is_dir():
        loaders.append(FileSystemLoader(repo / "templates"))
    loaders.append(FileSystemLoader(_builtin_templates()))
    env = LimitedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        limits=limits,
        escape_markdown=escape_markdown,
    )
    env.filters["datum"] = datum
    env.filters["cel"] = cel
    env.filters["leesbaar"] = leesbaar
    return env


def render(template: str, context: dict[str, Any], repo: Path | None = None,
           limits: Limits | None = None, escape_markdown: bool = True) -> str:
    """Render a template; any template problem becomes a Dutch domain error (exit 1)."""
    env = environment(repo, limits, escape_markdown)
    try:
        return env.get_template(template).render(**context)
    except AvgctlError:
        raise
    except Exception as exc:  # Jinja's errors and those of the template's own expressions
        builtin = _builtin_templates()
        raise SjabloonFout(fouten.message(
            exc, template, env.template_files, repo, names=context,
            builtin=lambda name: (builtin / name).is_file())) from None
