"""``avgctl rapport``: the FG's report. Golden files on the example, the JSON's counts against a
direct count over the example's files, strict HTML with accessible SVG charts in Chromium, the
period parser, the FG's recommendations kept as text, and the git changes section in a
repository with commits at fixed dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from avgctl.cli.app import main
from avgctl.rapport.periode import Periode, PeriodeFout, lees, standaard
from tests.conftest import BASIS, GOLDEN, Result, assert_golden, write_repo

DAG = "2026-11-20"
GOLDEN_DIR = GOLDEN / "rapport"
ARTEFACTEN = Path(__file__).resolve().parent / "artefacten"
PERIODEN = ("2026H1", "2026H2")


def _rapport(*args: str) -> int:
    return main(["rapport", *args])


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The built-in example outside git, with its reports in ``uit/``."""
    base = tmp_path_factory.mktemp("rapport")
    root = base / "repo"
    assert main(["init", "--voorbeeld", str(root)]) == 0
    uit = base / "uit"
    uit.mkdir()
    for periode in PERIODEN:
        for fmt in ("md", "html", "json"):
            assert _rapport("--repo", str(root), "--periode", periode, "--format", fmt,
                            "--uit", str(uit / f"rapport-{periode}.{fmt}"),
                            "--vandaag", DAG) == 0
    return root, uit


# --- The period -------------------------------------------------------------------------------

@pytest.mark.parametrize(("tekst", "van", "tot", "vorige"), [
    ("2026H1", "2026-01-01", "2026-06-30", "2025H2"),
    ("2026H2", "2026-07-01", "2026-12-31", "2026H1"),
    ("2026h2", "2026-07-01", "2026-12-31", "2026H1"),
    ("2026Q1", "2026-01-01", "2026-03-31", "2025Q4"),
    ("2026Q3", "2026-07-01", "2026-09-30", "2026Q2"),
    ("2026K4", "2026-10-01", "2026-12-31", "2026Q3"),
    ("2024Q1", "2024-01-01", "2024-03-31", "2023Q4"),  # leap year: Q1 still ends 31 March
    ("2028", "2028-01-01", "2028-12-31", "2027"),
    (" 2026 ", "2026-01-01", "2026-12-31", "2025"),
])
def test_period_bounds_and_the_one_before(tekst: str, van: str, tot: str, vorige: str) -> None:
    periode = lees(tekst)
    assert (periode.van.isoformat(), periode.tot.isoformat()) == (van, tot)
    assert periode.vorige().code == vorige
    assert periode.vorige().tot + dt.timedelta(days=1) == periode.van


@pytest.mark.parametrize("tekst", ["2026H3", "2026H0", "2026Q5", "2026Q0", "26H1", "2026-H1",
                                   "H1", "", "2026H12", "2026X1"])
def test_unreadable_periods_are_refused(tekst: str) -> None:
    with pytest.raises(PeriodeFout):
        lees(tekst)


@pytest.mark.parametrize(("vandaag", "verwacht"), [
    ("2026-11-20", "2026H1"), ("2026-07-01", "2026H1"), ("2026-06-30", "2025H2"),
    ("2026-01-01", "2025H2"), ("2026-12-31", "2026H1"), ("2027-01-01", "2026H2"),
])
def test_default_is_the_last_complete_half_year(vandaag: str, verwacht: str) -> None:
    periode = standaard(dt.date.fromisoformat(vandaag))
    assert periode.code == verwacht
    assert periode.tot < dt.date.fromisoformat(vandaag)


def test_period_names() -> None:
    assert lees("2026H2").naam == "tweede halfjaar 2026"
    assert lees("2026Q3").naam == "derde kwartaal 2026"
    assert Periode("jaar", 2026, 1).naam == "2026"


# --- Golden files -----------------------------------------------------------------------------

@pytest.mark.parametrize("periode", PERIODEN)
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_golden(voorbeeld: tuple[Path, Path], periode: str, fmt: str) -> None:
    naam = f"rapport-{periode}.{fmt}"
    assert_golden(GOLDEN_DIR / naam, (voorbeeld[1] / naam).read_bytes())


def test_same_register_gives_the_same_bytes(voorbeeld: tuple[Path, Path], tmp_path: Path) -> None:
    root, uit = voorbeeld
    assert _rapport("--repo", str(root), "--periode", "2026H1", "--format", "html", "--uit",
                    str(tmp_path / "nog-eens.html"), "--vandaag", DAG) == 0
    assert (tmp_path / "nog-eens.html").read_bytes() == (uit / "rapport-2026H1.html").read_bytes()


def test_default_period_on_the_example(voorbeeld: tuple[Path, Path], cli: Any) -> None:
    result: Result = cli("rapport", "--repo", str(voorbeeld[0]), "--vandaag", DAG)
    assert result.exit_code == 0, result.err
    assert (voorbeeld[1] / "rapport-2026H1.md").read_text("utf-8") == result.out


# --- The JSON against a direct count over the files --------------------------------------------

def _verzoeken(root: Path) -> list[dict[str, str]]:
    with (root / "registers" / "verzoeken.csv").open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    for pad in sorted((root / "registers" / "verzoeken").glob("*.yaml")):
        data = _yaml(pad)
        rijen.append({k: "" if v is None else str(v) for k, v in data.items()})
    kolommen = {k for r in rijen for k in r}
    rijen = [{k: r.get(k) or "" for k in kolommen} for r in rijen]
    return rijen


def _yaml(pad: Path) -> Any:
    """The file as plain text values: every scalar a string (ruamel's base loader), so the
    count does not lean on avgctl's own reading of dates."""
    return YAML(typ="base").load(pad.read_text("utf-8"))


def _moment(tekst: str) -> dt.datetime:
    return dt.datetime.fromisoformat(tekst)


def _datalekken(root: Path) -> list[dict[str, Any]]:
    return [_yaml(p) for p in sorted((root / "registers" / "datalekken").glob("*.yaml"))]


def _binnen(dag: str, van: str, tot: str) -> bool:
    return van <= dag[:10] <= tot


@pytest.mark.parametrize("periode", PERIODEN)
def test_json_counts_match_a_direct_count_of_the_files(voorbeeld: tuple[Path, Path],
                                                       periode: str) -> None:
    root, uit = voorbeeld
    data = json.loads((uit / f"rapport-{periode}.json").read_text("utf-8"))
    van, tot = data["periode"]["van"], data["periode"]["tot"]
    assert (van, tot) == {"2026H1": ("2026-01-01", "2026-06-30"),
                          "2026H2": ("2026-07-01", "2026-12-31")}[periode]
    stand = min(tot, DAG)
    rijen = _verzoeken(root)
    ontvangen = [r for r in rijen if _binnen(r["ontvangen"], van, stand)]
    afgehandeld = [r for r in rijen if r["afgehandeld_op"] and _binnen(r["afgehandeld_op"], van,
                                                                       stand)]
    v = data["verzoeken"]
    assert v["ontvangen"] == len(ontvangen) > 0
    assert v["afgehandeld"] == len(afgehandeld) > 0
    assert v["per_type"] == dict(sorted(Counter(r["type"] for r in ontvangen).items()))
    assert v["verlengd"] == sum(bool(r["verlengd_op"]) and _binnen(r["verlengd_op"], van, stand)
                                for r in rijen)
    assert v["afgewezen"] == sum(r["besluit"] in ("afgewezen", "gedeeltelijk_toegewezen")
                                 for r in afgehandeld)
    assert 0 < v["op_tijd"] <= v["afgehandeld"]
    assert v["op_tijd"] + v["te_laat"] == v["afgehandeld"]
    lekken = [d for d in _datalekken(root) if _binnen(d["ontdekt_op"], van, stand)]
    echte = [d for d in lekken if d.get("geen_datalek") != "true"]
    gemeld = [d for d in echte if any(m["soort"] != "intrekking"
                                      for m in d.get("ap_meldingen") or [])]

    def uren(d: dict[str, Any]) -> float:
        eerste = min(_moment(m["op"]) for m in d["ap_meldingen"] if m["soort"] != "intrekking")
        return (eerste - _moment(d["ontdekt_op"])).total_seconds() / 3600

    lek = data["datalekken"]
    assert lek["incidenten"] == len(lekken) > 0
    assert lek["ontdekt"] == len(echte)
    assert lek["gemeld_ap"] == len(gemeld)
    assert lek["gemeld_binnen_72_uur"] == sum(uren(d) <= 72 for d in gemeld)
    assert lek["per_soort"] == dict(sorted(Counter(s for d in echte for s in d["soort"]).items()))
    assert lek["via_verwerker"] == sum(d.get("verwerker") not in (None, "", "null")
                                       for d in echte)
    assert lek["evaluatie_gedaan"] == sum(d.get("evaluatie") not in (None, "", "null")
                                          for d in echte)
    assert lek["betrokkenen_geinformeerd"] == sum(
        isinstance(d.get("betrokkenen_geinformeerd"), dict)
        and d["betrokkenen_geinformeerd"].get("op") not in (None, "", "null") for d in echte)
    # every figure beside the previous period, counted the same way
    vorige = data["vorige_periode"]
    assert data["verzoeken"]["vorige"]["ontvangen"] == sum(
        _binnen(r["ontvangen"], vorige["van"], vorige["tot"]) for r in rijen)


# --- HTML: strict, accessible charts, and a real browser ---------------------------------------

def _html(voorbeeld: tuple[Path, Path], periode: str) -> str:
    return (voorbeeld[1] / f"rapport-{periode}.html").read_text("utf-8")


@pytest.mark.parametrize("periode", PERIODEN)
def test_html_is_strict_with_accessible_svg_charts(voorbeeld: tuple[Path, Path],
                                                   periode: str) -> None:
    import html5lib

    html = _html(voorbeeld, periode)
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) == 3
    for tekst in svgs:
        svg = ET.fromstring(tekst)
        kinderen = [k.tag.split("}")[-1] for k in svg][:2]
        assert kinderen == ["title", "desc"]
        desc = svg[1].text or ""
        assert desc.startswith("Staafdiagram") and len(desc) > 40
        assert svg.get("role") == "img"
        assert not [e for e in svg.iter() if e.tag.split("}")[-1] == "script"]
        assert "<!--" not in tekst  # pygal's comment with the day of drawing is gone


def test_every_chart_has_its_numbers_as_a_table(voorbeeld: tuple[Path, Path]) -> None:
    data = json.loads((voorbeeld[1] / "rapport-2026H1.json").read_text("utf-8"))
    html = _html(voorbeeld, "2026H1")
    for grafiek in data["grafieken"]:
        figuur = re.search(rf'<figure class="grafiek" aria-labelledby="{grafiek["id"]}'
                           r'-bijschrift">(.*?)</figure>', html, re.DOTALL)
        assert figuur is not None, grafiek["id"]
        tabel = figuur.group(1).split("</svg>", 1)[1]
        for i, label in enumerate(grafiek["labels"]):
            cellen = [str(r["waarden"][i]) for r in grafiek["reeksen"]]
            rij = re.search(rf"<th scope=\"row\">{re.escape(label)}[^<]*</th>"
                            + "".join(rf'<td class="getal">{c}</td>' for c in cellen), tabel)
            assert rij is not None, (grafiek["id"], label, cellen)


def test_headings_are_visible_in_chromium_with_a_screenshot(voorbeeld: tuple[Path, Path]) -> None:
    from tests.chromium import ZICHTBARE_KOPPEN, Browser, pad

    executable = pad()
    if executable is None:
        pytest.skip("Chromium is niet geïnstalleerd, dus deze test slaat over. Installeer het "
                    "Debian-pakket chromium (apt-get install chromium), of draai 'make test' "
                    "als root: dat installeert het.")
    ARTEFACTEN.mkdir(exist_ok=True)
    browser = Browser(executable)
    vereist = ["Verzoeken van betrokkenen", "Datalekken", "Trendanalyse datalekken 2026",
               "Wijzigingen in het register", "Wat eraan komt", "Openstaande bevindingen",
               "Gevraagde besluiten", "Verzoeken per soort", "Datalekken per periode"]
    try:
        for periode in PERIODEN:
            path = voorbeeld[1] / f"rapport-{periode}.html"
            session = browser.open(path.as_uri())
            koppen = browser.evaluate(session, ZICHTBARE_KOPPEN)
            assert [k["text"] for k in koppen if not k["visible"]] == []
            zichtbaar = {k["text"] for k in koppen}
            assert [k for k in vereist if k not in zichtbaar] == []
            assert sum(k["level"] == "H1" for k in koppen) == 1
            # every chart is drawn with a size, next to its table
            maten = browser.evaluate(session, "Array.from(document.querySelectorAll("
                                     "'figure.grafiek svg')).map(s => [s.getBoundingClientRect()"
                                     ".width, s.getBoundingClientRect().height])")
            assert len(maten) == 3 and all(b > 300 and h > 150 for b, h in maten)
            browser.evaluate(session, "document.getElementById('chart-verzoeken-per-soort')"
                             ".scrollIntoView()")
            shot = ARTEFACTEN / f"rapport-{periode}.png"
            browser.screenshot(session, shot)
            data = shot.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
            print(f"schermafdruk: {shot}")
    finally:
        browser.close()


# --- The FG's recommendations -------------------------------------------------------------------

VIJANDIG = ("# Besluit\n\nZet <script>alert(1)</script> op de **agenda**.\n\n"
            "- [klik](javascript:alert(1))\n- <img src=x onerror=alert(1)>\n")


def _met_besluiten(tmp_path: Path, tekst: str | bytes, rel: str = "rapport/besluiten.md") -> Path:
    root = write_repo(tmp_path / "repo", BASIS)
    pad = root / rel
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(tekst if isinstance(tekst, bytes) else tekst.encode("utf-8"))
    return root


def test_recommendations_are_text_in_html_and_markdown(tmp_path: Path, cli: Any) -> None:
    root = _met_besluiten(tmp_path, VIJANDIG)
    html = cli("rapport", "--repo", str(root), "--format", "html", "--vandaag", DAG)
    assert html.exit_code == 0, html.err
    deel = html.out.split('<h2 id="besluiten">', 1)[1]
    assert "<script>" not in deel and "<img" not in deel
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in deel
    assert "<h3>Besluit</h3>" in deel and "<strong>agenda</strong>" in deel
    md = cli("rapport", "--repo", str(root), "--vandaag", DAG)
    assert md.exit_code == 0
    deel = md.out.split("## Gevraagde besluiten", 1)[1]
    assert deel == ("\n\n### Besluit\n\nZet \\<script>alert(1)\\</script> op de **agenda**.\n\n"
                    "- \\[klik\\](javascript:alert(1))\n- \\<img src=x onerror=alert(1)>\n")


@pytest.mark.parametrize(("fg", "verwacht"), [
    ("# Kop", "### Kop"),  # a heading of the FG sits under the chapter's own
    ("###### Diep", "### Diep"),
    ("#geen kop", "#geen kop"),  # no heading in Markdown either
    ("- punt met **vet**", "- punt met **vet**"),
    ("  - ingesprongen punt", "- ingesprongen punt"),
    ("* ster", "\\* ster"),
    ("1. genummerd", "1\\. genummerd"),
    ("> citaat", "\\> citaat"),
    ("    code", "code"),  # never an indented code block
    ("---", "\\---"),  # never a rule or a heading underline
    ("`code` en _nadruk_", "\\`code\\` en \\_nadruk\\_"),
    ("[link](https://x.example)", "\\[link\\](https://x.example)"),
    ("**<b>vet</b>**", "**\\<b>vet\\</b>**"),
])
def test_recommendations_keep_only_headings_lists_and_bold(fg: str, verwacht: str) -> None:
    from avgctl.rapport.besluiten import als_markdown

    assert als_markdown(fg) == verwacht


@pytest.mark.parametrize("fg", ["# Kop\n\n- a\n- b\n\n**vet** en <i>", "<script>x</script>",
                                "- [a](javascript:x)", "# <h1>t</h1>", "#geen kop", "##x\n\n#y"])
def test_recommendations_in_html_are_escaped(fg: str) -> None:
    from avgctl.rapport.besluiten import als_html

    html = str(als_html(fg))
    assert "<script" not in html and "<i>" not in html and "<h1" not in html
    assert "<a " not in html and "<h2" not in html


def test_without_recommendations_the_report_says_so(tmp_path: Path, cli: Any) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    result = cli("rapport", "--repo", str(root), "--format", "json", "--vandaag", DAG)
    assert result.exit_code == 0
    assert json.loads(result.out)["besluiten"] == {"bestand": "rapport/besluiten.md",
                                                   "tekst": None}
    md = cli("rapport", "--repo", str(root), "--vandaag", DAG)
    assert ("Er zijn geen besluiten gevraagd: het bestand rapport/besluiten.md ontbreekt of is "
            "leeg.") in md.out


def test_recommendations_file_in_another_place(tmp_path: Path, cli: Any) -> None:
    root = _met_besluiten(tmp_path, "Graag een besluit.\n", "fg/2026.md")
    config = root / "avgctl.yaml"
    config.write_text(config.read_text("utf-8") + "rapport:\n  besluiten: fg/2026.md\n", "utf-8")
    result = cli("rapport", "--repo", str(root), "--format", "json", "--vandaag", DAG)
    assert result.exit_code == 0, result.err
    assert json.loads(result.out)["besluiten"]["tekst"] == "Graag een besluit."


@pytest.mark.parametrize(("rel", "melding"), [
    ("../buiten.md", "wijst buiten de repository"),
    ("rapport/../../buiten.md", "wijst buiten de repository"),
])
def test_recommendations_outside_the_repository_are_refused(tmp_path: Path, cli: Any, rel: str,
                                                            melding: str) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    (tmp_path / "buiten.md").write_text("geheim\n", "utf-8")
    config = root / "avgctl.yaml"
    config.write_text(config.read_text("utf-8") + f"rapport:\n  besluiten: {rel}\n", "utf-8")
    result = cli("rapport", "--repo", str(root), "--vandaag", DAG)
    assert result.exit_code == 1
    assert melding in result.err and "geheim" not in result.out


def test_recommendations_through_a_link_outside_are_refused(tmp_path: Path, cli: Any) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    (tmp_path / "buiten.md").write_text("geheim\n", "utf-8")
    (root / "rapport").mkdir()
    os.symlink(tmp_path / "buiten.md", root / "rapport" / "besluiten.md")
    result = cli("rapport", "--repo", str(root), "--vandaag", DAG)
    assert result.exit_code == 1
    assert "buiten de repository" in result.err and "geheim" not in result.out


def test_recommendations_not_utf8(tmp_path: Path, cli: Any) -> None:
    root = _met_besluiten(tmp_path, "regel een\nBesluit \xe9\n".encode("latin-1"))
    result = cli("rapport", "--repo", str(root), "--vandaag", DAG)
    assert result.exit_code == 1
    assert "rapport/besluiten.md:2: geen UTF-8" in result.err


# --- Usage, the file and the findings -----------------------------------------------------------

@pytest.mark.parametrize(("args", "melding"), [
    (["--periode", "2026H3"], "periode '2026H3' bestaat niet"),
    (["--periode", "vorig jaar"], "periode 'vorig jaar' is niet te lezen"),
    (["--periode", "2027H1"], "periode 2027H1 begint pas op 2027-01-01"),
    (["--format", "pdf"], "onbekend formaat 'pdf'"),
    (["--vandaag", "20-11-2026"], "is geen datum"),
])
def test_usage_errors(tmp_path: Path, cli: Any, args: list[str], melding: str) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    result = cli("rapport", "--repo", str(root), "--vandaag", DAG, *args) if "--vandaag" not in \
        args else cli("rapport", "--repo", str(root), *args)
    assert result.exit_code == 2, result
    assert melding in result.err
    assert result.out == ""


def test_uit_writes_the_file_and_says_so(tmp_path: Path, cli: Any) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    doel = tmp_path / "rapport.html"
    result = cli("rapport", "--repo", str(root), "--format", "html", "--uit", str(doel),
                 "--vandaag", DAG)
    assert result.exit_code == 0 and result.out == ""
    assert str(doel) in result.err
    assert doel.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers
    assert cli("rapport", "--repo", str(root), "--uit", str(tmp_path), "--vandaag",
               DAG).exit_code == 2  # a folder is not a file


def test_open_findings_are_counted_by_severity_and_code(tmp_path: Path, cli: Any) -> None:
    files = dict(BASIS)
    files["registers/verwerkingen/20.1.1-intake.yaml"] = files[
        "registers/verwerkingen/20.1.1-intake.yaml"].replace("eigenaar: Bureaumanager\n", "")
    root = write_repo(tmp_path / "repo", files)
    check = cli("check", "--repo", str(root), "--vandaag", DAG, "--format", "json")
    verwacht = Counter(f["code"] for f in json.loads(check.out)["bevindingen"])
    result = cli("rapport", "--repo", str(root), "--format", "json", "--vandaag", DAG)
    assert result.exit_code == 0
    bevindingen = json.loads(result.out)["bevindingen"]
    assert {b["code"]: b["aantal"] for b in bevindingen["per_code"]} == dict(verwacht)
    assert bevindingen["totaal"] == sum(verwacht.values()) > 0
    assert sum(bevindingen["per_ernst"].values()) == bevindingen["totaal"]


def test_a_running_period_says_so(voorbeeld: tuple[Path, Path]) -> None:
    data = json.loads((voorbeeld[1] / "rapport-2026H2.json").read_text("utf-8"))
    assert data["periode"]["lopend"] is True and data["periode"]["stand"] == DAG
    md = (voorbeeld[1] / "rapport-2026H2.md").read_text("utf-8")
    assert "**Deze periode loopt nog.** De cijfers tellen tot en met 20 november 2026" in md
    assert "loopt nog" not in (voorbeeld[1] / "rapport-2026H1.md").read_text("utf-8")


def test_old_trend_command_still_works(voorbeeld: tuple[Path, Path], cli: Any) -> None:
    result = cli("datalek", "trend", "--repo", str(voorbeeld[0]), "--jaar", "2026", "--format",
                 "json")
    assert result.exit_code == 0
    trend = json.loads(result.out)
    assert trend["jaar"] == 2026 and trend["incidenten"] == 10
    # the report's section for a whole year is that same analysis
    data = json.loads((voorbeeld[1] / "rapport-2026H2.json").read_text("utf-8"))
    assert data["trend"]["incidenten"] == trend["incidenten"]


# --- Register changes from git ----------------------------------------------------------------

def _git(root: Path, *args: str, datum: str | None = None) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_AUTHOR_NAME": "FG", "GIT_AUTHOR_EMAIL": "fg@kantoor.example",
                "GIT_COMMITTER_NAME": "FG", "GIT_COMMITTER_EMAIL": "fg@kantoor.example",
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"})
    if datum:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{datum}T12:00:00+01:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def _commit(root: Path, datum: str, bericht: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", bericht, datum=datum)


NIEUWE_VERWERKING = """\
id: "40.3.2"
naam: Beslaglegging
eigenaar: Gerechtsdeurwaarder
doel: Beslag leggen op grond van een vonnis.
grondslag: wettelijke_verplichting
betrokkenen: [opdrachtgever]
gegevens:
  - type: NAW
    betrokkene: opdrachtgever
    verwerkers: [dossiersoft-bv]
    ontvangers: []
    bewaartermijn: dossier
beveiliging: [toegangsbeheer]
dpia: {nodig: false, motivatie: Geen verhoogd risico.}
"""


@pytest.fixture
def geschiedenis(tmp_path: Path) -> Path:
    """A compliance repository with one commit per kind of change, at fixed days."""
    root = write_repo(tmp_path / "repo", BASIS)
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "2025-12-15", "Register begonnen")
    intake = root / "registers/verwerkingen/20.1.1-intake.yaml"
    intake.write_text(intake.read_text("utf-8").replace("Intake nieuwe zaak",
                                                        "Intake van een zaak"), "utf-8")
    _commit(root, "2026-03-02", "Naam van de intake verduidelijkt")
    (root / "notities.txt").write_text("geen register\n", "utf-8")
    _commit(root, "2026-04-10", "Notities")  # not a register file: no commit in the list
    (root / "registers/verwerkingen/40.3.2-beslag.yaml").write_text(NIEUWE_VERWERKING, "utf-8")
    _commit(root, "2026-05-04", "Beslaglegging in het register")
    termijnen = root / "registers/bewaartermijnen.yaml"
    termijnen.write_text(termijnen.read_text("utf-8").replace("10 jaar", "7 jaar"), "utf-8")
    _commit(root, "2026-08-01", "Bewaartermijn dossier naar 7 jaar")
    intake.write_text(intake.read_text("utf-8").replace("grondslag: overeenkomst",
                                                        "grondslag: wettelijke_verplichting"),
                      "utf-8")
    _commit(root, "2026-09-01", "Grondslag intake")
    return root


def _wijzigingen(cli: Any, root: Path, periode: str) -> dict[str, Any]:
    result = cli("rapport", "--repo", str(root), "--periode", periode, "--format", "json",
                 "--vandaag", DAG)
    assert result.exit_code == 0, result.err
    w: dict[str, Any] = json.loads(result.out)["wijzigingen"]
    return w


def _samenvatting(w: dict[str, Any]) -> dict[str, int]:
    return {r["wat"]: r["aantal"] for r in w["samenvatting"] if r["aantal"]}


def test_changes_in_the_period_come_from_git(geschiedenis: Path, cli: Any) -> None:
    w = _wijzigingen(cli, geschiedenis, "2026H1")
    assert w["beschikbaar"] is True and w["van"] and w["tot"] and w["van"] != w["tot"]
    assert [(g["naam"], [z["zin"] for z in g["lijst"]]) for g in w["per_register"]] == [
        ("Verwerkingen", ["verwerking 20.1.1 hernoemd van 'Intake nieuwe zaak' naar 'Intake van "
                          "een zaak'",
                          "nieuwe verwerking 40.3.2 'Beslaglegging' op grond van wettelijke "
                          "verplichting"])]
    assert _samenvatting(w) == {"Verwerkingen toegevoegd": 1}
    assert [c["onderwerp"] for c in w["commits"]] == ["Beslaglegging in het register",
                                                      "Naam van de intake verduidelijkt"]
    tweede = _wijzigingen(cli, geschiedenis, "2026H2")
    assert [z["zin"] for g in tweede["per_register"] for z in g["lijst"]] == [
        "grondslag van 20.1.1 gewijzigd van overeenkomst naar wettelijke verplichting",
        "bewaartermijn dossier van 10 naar 7 jaar"]
    assert _samenvatting(tweede) == {"Grondslagen gewijzigd": 1, "Bewaartermijnen gewijzigd": 1}
    md = cli("rapport", "--repo", str(geschiedenis), "--periode", "2026H2", "--vandaag", DAG).out
    assert "### Bewaartermijnen\n\n- bewaartermijn dossier van 10 naar 7 jaar\n" in md
    assert "| Grondslagen gewijzigd | 1 |" in md


def test_a_history_that_begins_in_the_period_counts_everything_as_new(
        geschiedenis: Path, cli: Any) -> None:
    w = _wijzigingen(cli, geschiedenis, "2025H2")
    assert w["van"] == ""  # there was no version before the period
    assert _samenvatting(w)["Verwerkingen toegevoegd"] == 1
    assert _samenvatting(w)["Nieuwe partijen (verwerkers, ontvangers)"] == 2


def test_history_that_starts_after_the_period(geschiedenis: Path, cli: Any) -> None:
    result = cli("rapport", "--repo", str(geschiedenis), "--periode", "2025H1", "--vandaag", DAG)
    assert result.exit_code == 0
    assert ("De git-geschiedenis begint na eerste halfjaar 2025; er is geen vastgelegde versie "
            "uit deze periode.") in result.out


def test_without_git_the_section_says_so_plainly(voorbeeld: tuple[Path, Path]) -> None:
    md = (voorbeeld[1] / "rapport-2026H1.md").read_text("utf-8")
    assert ("## Wijzigingen in het register\n\nDe registers staan niet in git (of er is nog niets "
            "vastgelegd), dus er is geen geschiedenis om wijzigingen uit te halen.\n") in md


def test_the_chart_in_the_documentation_is_the_one_avgctl_draws(
        voorbeeld: tuple[Path, Path]) -> None:
    from tests.conftest import PROJECT

    html = _html(voorbeeld, "2026H1")
    svg = re.search(r'<svg\b[^>]*id="chart-verzoeken-per-soort".*?</svg>', html, re.DOTALL)
    assert svg is not None
    plaatje = PROJECT / "docs" / "afbeeldingen" / "rapport-verzoeken-per-soort.svg"
    assert_golden(plaatje, svg.group(0) + "\n")
    assert "](afbeeldingen/rapport-verzoeken-per-soort.svg)" in (
        PROJECT / "docs" / "rapport.md").read_text("utf-8")
