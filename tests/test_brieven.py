"""Letters to data subjects (``avgctl verzoek brief``): golden files in Markdown and HTML,
escaping, refusals and repository templates in the sandbox."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import html5lib
import pytest

from tests.conftest import BASIS, GOLDEN, VANDAAG, assert_golden, check_repo, write_repo

DAG = VANDAAG.isoformat()  # 2026-06-01
F = "registers/verzoeken.csv"

# Four requests, one per letter:
#   0001 just received (ontvangst); its legal deadline falls on a Saturday
#   0002 extended with a reason (verlenging)
#   0003 erasure refused on a legal duty to keep (afwijzing)
#   0004 erasure granted, recipients told (besluit)
VERZOEKEN = """\
referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,verificatie,\
verificatie_op,verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,\
verzonden_via,verwerkingen,ontvangers_geinformeerd,opmerking,machtiging
AVG-2026-0001,2026-05-27,K-1001,betrokkene,email,inzage,Bureaumanager,open,open,,,,,,,,20.1.1,,,
AVG-2026-0002,2026-05-04,K-1002,gemachtigde,brief,inzage,Bureaumanager,in_behandeling,positief,\
2026-05-05,2026-05-20,"uw dossier beslaat twaalf jaar, drie systemen en een papieren archief",\
,,,,20.1.1,,,volmacht
AVG-2026-0003,2026-05-06,K-1003,betrokkene,email,wissing,Bureaumanager,afgehandeld,positief,\
2026-05-07,,,2026-05-26,afgewezen,wettelijke_bewaarplicht,aangetekende brief,20.1.1,,,
AVG-2026-0004,2026-05-11,K-1004,betrokkene,formulier,wissing,Bureaumanager,afgehandeld,\
positief,2026-05-12,,,2026-05-22,toegewezen,,e-mail,20.1.1,2026-05-25,,
"""

BRIEVEN = {
    "ontvangst": "AVG-2026-0001",
    "verlenging": "AVG-2026-0002",
    "afwijzing": "AVG-2026-0003",
    "besluit": "AVG-2026-0004",
}
ONTVANGST = "templates/brieven/verzoek-ontvangst.md.j2"


@pytest.fixture
def brieven_repo(tmp_path: Path) -> Path:
    files = dict(BASIS)
    files[F] = VERZOEKEN
    return write_repo(tmp_path / "repo", files)


def _brief(cli: Any, root: Path, ref: str, soort: str, fmt: str = "md") -> str:
    result = cli("verzoek", "brief", ref, soort, "--format", fmt, "--vandaag", DAG,
                 "--repo", str(root))
    assert (result.exit_code, result.err) == (0, ""), result.err
    out: str = result.out
    return out


def _parse(html: str) -> ET.Element:
    """Strict HTML5: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document: ET.Element = parser.parse(html)
    return document


def test_the_repository_is_clean(brieven_repo: Path) -> None:
    assert check_repo(brieven_repo, VANDAAG) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("soort", sorted(BRIEVEN))
def test_golden(cli: Any, brieven_repo: Path, soort: str, fmt: str) -> None:
    text = _brief(cli, brieven_repo, BRIEVEN[soort], soort, fmt)
    assert_golden(GOLDEN / "brieven" / f"{soort}.{fmt}", text)
    if fmt == "html":
        document = _parse(text)
        assert document.findtext("head/title") == f"{soort.capitalize()} {BRIEVEN[soort]}"
        assert document.findall(".//script") == []


def test_written_to_a_file(cli: Any, brieven_repo: Path, tmp_path: Path) -> None:
    uit = tmp_path / "uit" / "brief.html"
    result = cli("verzoek", "brief", "AVG-2026-0003", "afwijzing", "-f", "html", "-o", str(uit),
                 "--vandaag", DAG, "--repo", str(brieven_repo))
    assert (result.exit_code, result.out, result.err) == (0, "", f"Geschreven: {uit}\n")
    assert uit.read_bytes() == (GOLDEN / "brieven" / "afwijzing.html").read_bytes()


def test_letters_say_what_matters(cli: Any, brieven_repo: Path) -> None:
    ontvangst = _brief(cli, brieven_repo, "AVG-2026-0001", "ontvangst")
    # received Wednesday 27 May: identity within 3 working days, the answer by the Monday
    # after Saturday 27 June
    assert "uiterlijk 1 juni 2026. " in ontvangst
    assert "U krijgt uiterlijk **29 juni 2026** antwoord." in ontvangst
    assert "Ons kenmerk: AVG-2026-0001\n" in ontvangst

    verlenging = _brief(cli, brieven_repo, "AVG-2026-0002", "verlenging")
    assert ("\n\nuw dossier beslaat twaalf jaar, drie systemen en een papieren archief\n\n"
            in verlenging)
    assert "uiterlijk **4 augustus 2026** antwoord" in verlenging

    besluit = _brief(cli, brieven_repo, "AVG-2026-0004", "besluit")
    assert "Wij voldoen aan uw verzoek. Wij hebben uw persoonsgegevens verwijderd." in besluit
    assert "(art. 19 AVG)" in besluit


@pytest.mark.parametrize(("ref", "soort"), [("AVG-2026-0003", "afwijzing"),
                                            ("AVG-2026-0003", "besluit"),
                                            ("AVG-2026-0004", "besluit")])
def test_a_decision_tells_about_complaint_and_court(cli: Any, brieven_repo: Path, ref: str,
                                                    soort: str) -> None:
    for fmt in ("md", "html"):
        text = _brief(cli, brieven_repo, ref, soort, fmt)
        assert "klacht indienen bij de Autoriteit Persoonsgegevens" in text
        assert "(art. 77 AVG)" in text
        assert "naar de rechter stappen (art. 79 AVG" in text


def test_refusal_gives_the_ground(cli: Any, brieven_repo: Path) -> None:
    text = _brief(cli, brieven_repo, "AVG-2026-0003", "afwijzing")
    assert "Wij kunnen er niet aan voldoen." in text
    assert "Wij zijn wettelijk verplicht deze gegevens te bewaren." in text
    assert "(art. 17 lid 3 AVG)" in text


# --- escaping ---------------------------------------------------------------------------------

SCRIPT = '<script>alert("x")</script>'


def test_markup_in_register_fields_stays_text(cli: Any, brieven_repo: Path) -> None:
    config = brieven_repo / "avgctl.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "naam: Kantoor Voorbeeld", f"naam: '{SCRIPT} & Zn <b>B.V.</b>'"), encoding="utf-8")
    path = brieven_repo / F
    path.write_text(path.read_text(encoding="utf-8").replace(
        '"uw dossier beslaat', f'"{SCRIPT.replace(chr(34), chr(34) * 2)} uw dossier beslaat'),
        encoding="utf-8")
    for soort, ref in BRIEVEN.items():
        md = _brief(cli, brieven_repo, ref, soort, "md")
        # Markdown: escaped with backslashes, so a Markdown renderer shows the text itself
        assert '**\\<script>alert("x")\\</script> & Zn \\<b>B.V.\\</b>**\n' in md
        html = _brief(cli, brieven_repo, ref, soort, "html")
        document = _parse(html)
        assert document.findall(".//script") == []
        assert document.findall(".//b") == []
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Zn &lt;b&gt;" in html
        body = "".join(document.find("body").itertext())  # type: ignore[union-attr]
        assert f"{SCRIPT} & Zn <b>B.V.</b>" in body  # the reader sees the text itself
    verlenging = _brief(cli, brieven_repo, "AVG-2026-0002", "verlenging", "html")
    assert (f"<p>{SCRIPT.replace('<', '&lt;').replace('>', '&gt;').replace(chr(34), '&#34;')}"
            " uw dossier beslaat") in verlenging
    assert '\n\\<script>alert("x")\\</script> uw dossier beslaat' in _brief(
        cli, brieven_repo, "AVG-2026-0002", "verlenging", "md")


# --- refusals ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("ref", "soort", "message"), [
    ("AVG-2026-0001", "verlenging", "fout: AVG-2026-0001 is niet verlengd; leg de verlenging "
     "eerst vast met 'avgctl verzoek verleng'\n"),
    ("AVG-2026-0001", "besluit", "fout: op AVG-2026-0001 is nog geen besluit vastgelegd; "
     "gebruik eerst 'avgctl verzoek afhandel'\n"),
    ("AVG-2026-0004", "afwijzing", "fout: AVG-2026-0004 is toegewezen; gebruik de brief "
     "'besluit'\n"),
    ("AVG-2026-0001", "bedankje", "fout: onbekende brief 'bedankje'; kies uit: ontvangst, "
     "verlenging, afwijzing, besluit\n"),
    ("AVG-2026-0001", "../../etc/passwd", "fout: onbekende brief '../../etc/passwd'; kies uit: "
     "ontvangst, verlenging, afwijzing, besluit\n"),
])
def test_letter_that_cannot_be_made(cli: Any, brieven_repo: Path, ref: str, soort: str,
                                    message: str) -> None:
    result = cli("verzoek", "brief", ref, soort, "--vandaag", DAG, "--repo", str(brieven_repo))
    assert (result.exit_code, result.out, result.err) == (1, "", message)


def test_unknown_format(cli: Any, brieven_repo: Path) -> None:
    result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "-f", "pdf", "--vandaag", DAG,
                 "--repo", str(brieven_repo))
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == "fout: onbekend formaat 'pdf'; kies uit: md, html\n"


# --- repository templates ---------------------------------------------------------------------

EIGEN = """\
# Ontvangstbevestiging {{ verzoek.referentie }}

Beste klant, wij hebben uw verzoek van {{ verzoek.ontvangen | datum }} ontvangen.

{% include "brieven/_slot.md.j2" %}
"""


def test_repository_template_is_used(cli: Any, brieven_repo: Path) -> None:
    write_repo(brieven_repo, {ONTVANGST: EIGEN})
    md = _brief(cli, brieven_repo, "AVG-2026-0001", "ontvangst")
    assert md.startswith("# Ontvangstbevestiging AVG-2026-0001\n\nBeste klant, wij hebben uw "
                         "verzoek van 27 mei 2026 ontvangen.\n\n## Vragen\n")
    assert md.endswith("Met vriendelijke groet,\n\nKantoor Voorbeeld\n")
    html = _brief(cli, brieven_repo, "AVG-2026-0001", "ontvangst", "html")
    assert "<h1>Ontvangstbevestiging AVG-2026-0001</h1>" in html
    _parse(html)
    # the other letters still come from avgctl
    assert _brief(cli, brieven_repo, "AVG-2026-0002", "verlenging") == (
        GOLDEN / "brieven" / "verlenging.md").read_text(encoding="utf-8")


# Every template problem: exit 1, nothing on stdout, and one Dutch message that names the
# template file and its line, says what is wrong and what to do.
EIGEN_WEG = ", of haal het weg uit templates/ om het ingebouwde sjabloon te gebruiken.\n"
FOUT = "fout: sjabloon templates/brieven/verzoek-ontvangst.md.j2:{regel} kan niet worden gemaakt: "


@pytest.mark.parametrize(("template", "regel", "reden"), [
    ("Uw behandelaar is {{ verzoek.behandelaar }}.\n", 1,  # not in the context
     "de tabel heeft geen veld 'behandelaar'. Verbeter het sjabloon op die regel"),
    ("Geachte heer,\n\nGeachte {{ aanhef }},\n", 3,
     "'aanhef' bestaat niet in dit sjabloon (een tikfout, of een gegeven dat dit document niet "
     "heeft); beschikbaar zijn: afzender, organisatie, termijnen, vandaag, verzoek. Verbeter "
     "het sjabloon op die regel"),
    ("{% for r in afzender %}\n{{ r.naam }}\n{% endfor %}\n", 2,
     "de tekst heeft geen veld 'naam'. Verbeter het sjabloon op die regel"),
], ids=["veld", "naam", "in-lus"])
def test_undefined_variable_in_a_template(cli: Any, brieven_repo: Path, template: str,
                                          regel: int, reden: str) -> None:
    write_repo(brieven_repo, {ONTVANGST: template})
    for fmt in ("md", "html"):
        result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "-f", fmt,
                     "--vandaag", DAG, "--repo", str(brieven_repo))
        assert (result.exit_code, result.out) == (1, "")
        assert result.err == FOUT.format(regel=regel) + reden + EIGEN_WEG


AFGESCHERMD = ("is in een sjabloon afgeschermd: een sjabloon mag alleen gegevens tonen, niet "
               "in Python rondkijken. Verbeter het sjabloon op die regel")


@pytest.mark.parametrize(("template", "reden"), [
    ("{{ ''.__class__.__mro__ }}", f"'__class__' van een tekst {AFGESCHERMD}"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", f"'__class__' van een tekst {AFGESCHERMD}"),
    ("{{ lipsum.__globals__ }}", f"'__globals__' van een functie {AFGESCHERMD}"),
    ("{{ verzoek | attr('__class__') }}", f"'__class__' van een tabel {AFGESCHERMD}"),
    ("{{ verzoek.referentie.format.__globals__ }}", f"'__globals__' van een functie {AFGESCHERMD}"),
])
def test_unsafe_template_fails_cleanly(cli: Any, brieven_repo: Path, template: str,
                                       reden: str) -> None:
    write_repo(brieven_repo, {ONTVANGST: "Geachte heer,\n" + template + "\n"})
    result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "--vandaag", DAG,
                 "--repo", str(brieven_repo))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == FOUT.format(regel=2) + reden + EIGEN_WEG


@pytest.mark.parametrize(("template", "reden"), [
    ("Geachte heer,\n\n{% if %}\n", "hier hoort een waarde of naam, maar er staat '%}'"),
    ("Geachte heer,\n\n{% if verzoek %}\n", "het sjabloon houdt op terwijl het blok 'if' nog "
     "open is; sluit het af (verwacht: {% elif %}, {% else %}, {% endif %})"),
    ("Geachte heer,\n\n{% endfor %}\n", "onbekende opdracht '{% endfor %}'"),
    ("Geachte heer,\n\n{{ verzoek.referentie ~ }}\n", "'}}' komt te vroeg: er ontbreekt iets "
     "ervoor"),
    ("Geachte heer,\n\n{{ verzoek | bestaatniet }}\n", "er is geen filter 'bestaatniet'"),
], ids=["leeg-if", "open-if", "los-endfor", "half", "filter"])
def test_template_syntax_error_names_the_line(cli: Any, brieven_repo: Path, template: str,
                                              reden: str) -> None:
    write_repo(brieven_repo, {ONTVANGST: template})
    result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "--vandaag", DAG,
                 "--repo", str(brieven_repo))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == FOUT.format(regel=3) + reden + ". Verbeter het sjabloon op die " \
        "regel" + EIGEN_WEG


@pytest.mark.parametrize(("template", "reden"), [
    ("{{ range(1000000) | length }}", "range() geeft 1.000.000 getallen; de grens is 100.000. "
     "Maak het sjabloon eenvoudiger"),
    ("{{ 1 / 0 }}", "deling door nul. Verbeter het sjabloon op die regel"),
    ("{{ '%s %s' % (1,) }}", "bij de %-opmaak zijn er minder waarden dan plaatsen in de tekst. "
     "Verbeter het sjabloon op die regel"),
    ("{{ 'nr. ' + 1 }}", "een geheel getal kan niet met + aan tekst vast; gebruik ~. Verbeter "
     "het sjabloon op die regel"),
    ("{% include 'brieven/bestaat-niet.md.j2' %}", "het sjabloon 'brieven/bestaat-niet.md.j2' "
     "bestaat niet (in templates/ noch ingebouwd). Verbeter het sjabloon op die regel"),
], ids=["range", "zerodivision", "format", "plus", "include"])
def test_template_runtime_error_fails_cleanly(cli: Any, brieven_repo: Path,
                                              template: str, reden: str) -> None:
    write_repo(brieven_repo, {ONTVANGST: "Geachte heer,\n" + template + "\n"})
    result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "--vandaag", DAG,
                 "--repo", str(brieven_repo))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == FOUT.format(regel=2) + reden + EIGEN_WEG


def test_error_in_an_included_template_names_that_template(cli: Any, brieven_repo: Path) -> None:
    write_repo(brieven_repo, {"templates/brieven/_slot.md.j2": "Groet,\n\n{{ ondertekening }}\n"})
    result = cli("verzoek", "brief", "AVG-2026-0001", "ontvangst", "--vandaag", DAG,
                 "--repo", str(brieven_repo))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err.startswith(
        "fout: sjabloon templates/brieven/_slot.md.j2:3 (opgenomen vanuit "
        "brieven/verzoek-ontvangst.md.j2) kan niet worden gemaakt: 'ondertekening' bestaat "
        "niet in dit sjabloon")
