"""Register text in Markdown output renders as text: letters, the AP content and register.md.

Each document is rendered with a real CommonMark renderer that passes raw HTML through, as
most static-site generators do (markdown-it-py with html enabled, plus GFM tables and
strikethrough). Hostile register text must show up as the literal text, never as markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from avgctl.render import Markdown, markdown_html, markdown_tekst, render
from tests.conftest import BASIS, PROJECT, write_repo

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
LINK = "[klik hier](https://kwaad.example/inloggen)"  # a phishing link in a letter
ENTITY = "&lt;b&gt;"
VET = "**vet** _schuin_ `code` ~~weg~~"
HOSTILE = f"{SCRIPT} {IMG} {LINK} {ENTITY} {VET}"
# Live in any renderer that passes HTML through; none of these may come from register text.
FORBIDDEN = ("script", "img", "iframe", "a", "em", "code", "del", "s", "blockquote", "hr",
             "pre", "b", "h6")


def _html(markdown: str) -> ET.Element:
    document: ET.Element = html5lib.parse(MD.render(markdown), namespaceHTMLElements=False)
    return document


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def assert_renders_as_text(markdown: str, *fragments: str) -> None:
    document = _html(markdown)
    for tag in FORBIDDEN:
        assert document.findall(f".//{tag}") == [], (tag, markdown)
    for element in document.iter():
        assert not [a for a in element.attrib if a.startswith("on")], markdown
    text = _text(document)
    for fragment in fragments:
        assert fragment in text, (fragment, text)


def test_the_renderer_would_run_the_raw_text() -> None:
    """Without escaping these fragments are live markup: the tests below mean something."""
    document = _html(f"- **Doel:** {HOSTILE}\n")
    for tag in ("script", "img", "a", "em", "code", "s"):
        assert document.findall(f".//{tag}"), tag
    assert document.find(".//a").get("href") == "https://kwaad.example/inloggen"  # type: ignore[union-attr]


# --- the escaping itself -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "escaped"), [
    ("Een nieuwe opdracht vastleggen.", "Een nieuwe opdracht vastleggen."),
    ("Gerechtsdeurwaarderskantoor Van Dijk & Bakker", "Gerechtsdeurwaarderskantoor Van Dijk & "
     "Bakker"),
    ("kopie_id", "kopie_id"),
    ("art. 6 lid 1 sub c AVG; 7 jaar (art. 52 AWR)", "art. 6 lid 1 sub c AVG; 7 jaar (art. 52 "
     "AWR)"),
    ("20.1.1", "20.1.1"),
    ("https://www.vandijkbakker.example", "https://www.vandijkbakker.example"),
    (SCRIPT, "\\<script>alert(1)\\</script>"),
    ("a &amp; b &#60; c &#x3c; d & e", "a \\&amp; b \\&#60; c \\&#x3c; d & e"),
    ("**vet** [x](y) `c` ~s~", "\\*\\*vet\\*\\* \\[x\\](y) \\`c\\` \\~s\\~"),
    ("_schuin_ __init__ a_b", "\\_schuin\\_ \\_\\_init\\_\\_ a_b"),
    ("# kop", "\\# kop"),
    ("> citaat", "\\> citaat"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("1. eerste", "1\\. eerste"),
    ("2026) jaar", "2026\\) jaar"),
    ("---", "\\---"),
    ("regel\n===", "regel\n\\==="),
    ("een\n# twee\n  - drie", "een\n\\# twee\n\\- drie"),  # indent dropped, as CommonMark
    ("\\<script>", "\\\\\\<script>"),  # a backslash of the text's own is doubled
    ("\\\\server\\share", "\\\\\\server\\share"),  # before a letter it stays
    ("C:\\Dossiers\\2024", "C:\\Dossiers\\2024"),
    ("eindigt op \\", "eindigt op \\\\"),
    ("-5 graden", "-5 graden"),
    ("#hashtag", "#hashtag"),
])
def test_escaping_table(text: str, escaped: str) -> None:
    assert markdown_tekst(text) == escaped


def test_markdown_made_by_avgctl_is_not_escaped() -> None:
    assert markdown_tekst(Markdown("**Kantoor**")) == "**Kantoor**"


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60) | st.text(
    st.sampled_from(list("<>&*_[]()`~#+-=.!\\|:/ ab1;x")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_any_line_renders_as_exactly_that_text(text: str) -> None:
    text = " ".join(text.split())
    escaped = markdown_tekst(text)
    tokens = MD.parse(escaped)
    if not text:
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}, (text, escaped, children)
    assert "".join(c.content for c in children) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=5).map("\n".join))
def test_no_register_text_becomes_markup(text: str) -> None:
    escaped = markdown_tekst(text)
    live = {"html_inline", "html_block", "link_open", "image", "em_open", "strong_open",
            "code_inline", "s_open", "heading_open", "blockquote_open", "bullet_list_open",
            "ordered_list_open", "hr", "fence"}
    found = set()
    for token in MD.parse(f"Doel: {escaped}\n"):
        found.add(token.type)
        found.update(c.type for c in token.children or [])
    assert not found & live, (text, escaped)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_letter_html_shows_the_text_itself(text: str) -> None:
    text = " ".join(text.split())
    html = markdown_html("Over " + markdown_tekst(text))
    document = html5lib.parse(str(html), namespaceHTMLElements=False)
    assert _text(document) == ("Over " + text).strip()
    assert document.findall(".//script") == [] and document.findall(".//strong") == []


# --- templates: what is escaped and what is not --------------------------------------------

def test_markdown_in_templates_macros_and_set_blocks_stays_markdown(tmp_path: Path) -> None:
    write_repo(tmp_path, {"templates/t.md.j2": (
        "{% macro veld(naam, waarde) %}- **{{ naam }}:** {{ waarde }}{% endmacro %}"
        "{% set kop %}## {{ titel }}{% endset %}"
        "{{ kop }}\n{{ veld('Doel', doel) }}\n{{ doel | cel }}\n{{ '**letterlijk**' }}\n"
        "{{ vet | safe }}\n{{ [doel] | join(', ') }}\n")})
    out = render("t.md.j2", {"titel": "<b>T</b>", "doel": SCRIPT, "vet": "**ja**"}, tmp_path)
    assert out == ("## \\<b>T\\</b>\n- **Doel:** \\<script>alert(1)\\</script>\n"
                   "\\<script>alert(1)\\</script>\n**letterlijk**\n**ja**\n"
                   "\\<script>alert(1)\\</script>\n")


def test_html_and_other_templates_are_not_markdown_escaped(tmp_path: Path) -> None:
    write_repo(tmp_path, {"templates/t.html.j2": "{{ x }}", "templates/t.txt.j2": "{{ x }}"})
    assert render("t.html.j2", {"x": "<b>*a*</b>"}, tmp_path) == "&lt;b&gt;*a*&lt;/b&gt;"
    assert render("t.txt.j2", {"x": "<b>*a*</b>"}, tmp_path) == "<b>*a*</b>"


# --- the documents ---------------------------------------------------------------------------

VERZOEKEN = """\
referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,verificatie,\
verificatie_op,verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,\
verzonden_via,verwerkingen,ontvangers_geinformeerd,opmerking,afwijzing_toelichting,machtiging
AVG-2026-0002,2026-05-04,K-1002,gemachtigde,brief,inzage,Bureaumanager,in_behandeling,positief,\
2026-05-05,2026-05-20,"{hostile}",,,,,20.1.1,,,,volmacht
AVG-2026-0003,2026-05-06,K-1003,betrokkene,email,wissing,Bureaumanager,afgehandeld,positief,\
2026-05-07,,,2026-05-26,afgewezen,overig,aangetekende brief,20.1.1,,,"{hostile}",
"""


@pytest.fixture
def vijandig(tmp_path: Path) -> Path:
    """A repository whose free text is hostile everywhere a document shows it."""
    files = dict(BASIS)
    files["avgctl.yaml"] = BASIS["avgctl.yaml"].replace(
        "naam: Kantoor Voorbeeld", f"naam: '{SCRIPT} & Zn'")
    files["registers/verzoeken.csv"] = VERZOEKEN.format(hostile=HOSTILE.replace('"', '""'))
    files["registers/verwerkingen/20.1.1-intake.yaml"] = (
        BASIS["registers/verwerkingen/20.1.1-intake.yaml"]
        .replace("naam: Intake nieuwe zaak", f"naam: '{SCRIPT} Intake'")
        .replace("doel: Een nieuwe opdracht vastleggen.",
                 f"doel: |-\n  Vastleggen. {IMG}\n\n  # Kop\n  <iframe src=x></iframe>\n  - {LINK}")
        .replace("type: NAW", f"type: 'NAW | {SCRIPT}'"))
    files["registers/datalekken/DL-2026-012.yaml"] = f"""\
referentie: DL-2026-012
ontdekt_op: 2026-05-12T09:30:00+02:00
beschrijving: '{HOSTILE}'
hoe_ontdekt: '{IMG}'
soort: [vertrouwelijkheid]
gegevens: [e-mailadres]
risico: hoog_risico
besluit_motivatie: Phishing.
gevolgen: '{LINK} {SCRIPT}'
maatregelen:
  genomen: ['{SCRIPT} verwijderd']
"""
    return write_repo(tmp_path / "repo", files)


def _ok(cli: Any, *args: str) -> str:
    result = cli(*args)
    assert (result.exit_code, result.err) == (0, ""), result.err
    out: str = result.out
    return out


@pytest.mark.parametrize(("ref", "soort"), [("AVG-2026-0002", "verlenging"),
                                            ("AVG-2026-0003", "afwijzing")])
def test_request_letters(cli: Any, vijandig: Path, ref: str, soort: str) -> None:
    md = _ok(cli, "verzoek", "brief", ref, soort, "--vandaag", "2026-06-01", "--repo",
             str(vijandig))
    assert_renders_as_text(md, HOSTILE, f"{SCRIPT} & Zn")
    html = _ok(cli, "verzoek", "brief", ref, soort, "-f", "html", "--vandaag", "2026-06-01",
               "--repo", str(vijandig))
    document = html5lib.parse(html, namespaceHTMLElements=False)
    assert document.findall(".//script") == [] and document.findall(".//img") == []
    assert HOSTILE in _text(document)  # the HTML letter shows the text itself, once escaped


def test_breach_letter(cli: Any, vijandig: Path) -> None:
    md = _ok(cli, "datalek", "brief", "DL-2026-012", "--vandaag", "2026-06-01", "--repo",
             str(vijandig))
    assert_renders_as_text(md, HOSTILE, f"{LINK} {SCRIPT}", f"{SCRIPT} verwijderd")


def test_ap_content(cli: Any, vijandig: Path) -> None:
    md = _ok(cli, "datalek", "ap-melding", "DL-2026-012", "--nu", "2026-05-13T10:00",
             "--repo", str(vijandig))
    assert_renders_as_text(md, HOSTILE, IMG, f"{SCRIPT} & Zn")


def test_register_md(cli: Any, vijandig: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.md"
    result = cli("verwerkingen", "export", "-f", "md", "--uit", str(out), "--vandaag",
                 "2026-06-01", "--repo", str(vijandig))
    assert result.exit_code == 0, result.err
    md = out.read_text(encoding="utf-8")
    assert_renders_as_text(md, f"{SCRIPT} Intake", IMG, "# Kop", "<iframe src=x></iframe>",
                           f"- {LINK}", f"NAW | {SCRIPT}")
    document = _html(md)
    assert [_text(h) for h in document.findall(".//h1")] == ["Register van "
                                                              "verwerkingsactiviteiten"]
    cells = [_text(td) for td in document.findall(".//td")]
    assert f"NAW | {SCRIPT}" in cells  # still one cell: the | is escaped as well


def test_example_register_md_has_nothing_to_escape() -> None:
    """The example's text renders exactly as before: escaping changes none of it (the golden
    files of the example stay as they were)."""
    md = render("register.md.j2", _example_context(), PROJECT)
    assert "\\" not in md.replace("\\|", "")


def _example_context() -> dict[str, Any]:
    import datetime as dt

    from avgctl.store.repo import load_register
    from avgctl.verwerkingen.export import document

    return document.context(load_register(PROJECT), dt.date(2026, 11, 20))


def test_a_caller_that_escapes_its_context_itself_can_say_so(tmp_path: Path) -> None:
    """The privacy statements escape every string in Python; escaping twice would show the
    backslashes."""
    write_repo(tmp_path, {"templates/t.md.j2": "{{ x }}"})
    assert render("t.md.j2", {"x": "\\<b>"}, tmp_path, escape_markdown=False) == "\\<b>"
    assert render("t.md.j2", {"x": "\\<b>"}, tmp_path) == "\\\\\\<b>"


def test_an_indented_line_after_a_break_starts_no_code_block() -> None:
    """A name such as '0\\r\\t0' in a heading: the tab after the line break would start an
    indented code block (found by the hypothesis test of the privacy statements)."""
    from markdown_it import MarkdownIt

    from avgctl.render.markdown import markdown_tekst

    for text in ("0\r\t0", "a\n    b", "a\r\n\tb", "x\n \n    y"):
        html = MarkdownIt("commonmark", {"html": True}).render("### " + markdown_tekst(text))
        assert "<pre>" not in html and "<code>" not in html, text
