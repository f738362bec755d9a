"""``avgctl render privacyverklaring``: golden files, strict HTML, TILT JSON, git dates, --check.

The example's six target groups are rendered in both languages and all three formats and
compared byte for byte with tests/golden/privacyverklaring/. A register modelled on a large
public body (tests/data/publiek, in the spirit of reference 001) must give a statement that
fills every item of art. 13 and 14 AVG without a single finding.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, FormatChecker
from markdown_it import MarkdownIt

from avgctl.cli.app import main
from tests.conftest import GOLDEN, PROJECT, Result, assert_golden, check_repo, write_repo

DAG = "2026-11-20"
GOLDEN_DIR = GOLDEN / "privacyverklaring"
PUBLIEK = Path(__file__).resolve().parent / "data" / "publiek"
TILT = json.loads((Path(__file__).resolve().parent / "tilt" / "tilt-schema.json")
                  .read_text(encoding="utf-8"))
GROEPEN = ["bezoekers", "debiteuren", "medewerkers", "opdrachtgevers", "sollicitanten",
           "websitebezoekers"]

# The headings every statement has (art. 13 and 14 AVG, plus the first layer and the changes).
VEREIST = {
    "nl": ["In het kort", "Wie wij zijn", "Functionaris gegevensbescherming",
           "Waarvoor wij uw gegevens gebruiken", "Bijzondere en strafrechtelijke gegevens",
           "Welke gegevens en waar ze vandaan komen", "Wie uw gegevens krijgt",
           "Gegevens buiten de Europese Economische Ruimte", "Hoe lang wij uw gegevens bewaren",
           "Uw rechten", "Zo doet u een verzoek", "Besluiten door een computer",
           "Moet u ons uw gegevens geven?", "Vragen en klachten",
           "Wijzigingen in deze verklaring"],
    "en": ["Summary", "Who we are", "Data protection officer", "What we use your data for",
           "Special and criminal data", "Which data and where they come from",
           "Who receives your data", "Data outside the European Economic Area",
           "How long we keep your data", "Your rights", "How to make a request",
           "Decisions made by a computer", "Do you have to give us your data?",
           "Questions and complaints", "Changes to this statement"],
}


def _render(*args: str) -> int:
    return main(["render", "privacyverklaring", *args])


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The built-in example outside git, with all its statements in ``site/``."""
    base = tmp_path_factory.mktemp("voorbeeld")
    root = base / "repo"
    assert main(["init", "--voorbeeld", str(root)]) == 0
    assert _render("--repo", str(root), "--uit", str(base / "site"), "--vandaag", DAG) == 0
    return root, base / "site"


@pytest.fixture(scope="module")
def publiek(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("publiek")
    root = base / "repo"
    shutil.copytree(PUBLIEK, root)
    assert _render("--repo", str(root), "--uit", str(base / "site"), "--vandaag", DAG) == 0
    return root, base / "site"


# --- Golden files and byte-identical re-rendering --------------------------------------------

def test_golden_files_for_every_group_language_and_format(voorbeeld: tuple[Path, Path]) -> None:
    _, site = voorbeeld
    names = sorted(p.name for p in site.iterdir())
    assert names == sorted(f"privacyverklaring-{g}.{t}.{f}" for g in GROEPEN
                           for t in ("nl", "en") for f in ("md", "html", "json"))
    for name in names:
        assert_golden(GOLDEN_DIR / name, (site / name).read_bytes())
    if os.environ.get("AVGCTL_GOLDEN_UPDATE") != "1":
        assert sorted(p.name for p in GOLDEN_DIR.iterdir()) == names


def test_rerendering_is_byte_identical(voorbeeld: tuple[Path, Path], tmp_path: Path,
                                       cli: Any) -> None:
    root, site = voorbeeld
    again = tmp_path / "opnieuw"
    assert _render("--repo", str(root), "--uit", str(again), "--vandaag", DAG) == 0
    for path in site.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    result: Result = cli("render", "privacyverklaring", "--repo", str(root), "--check",
                         str(site), "--vandaag", DAG)
    assert (result.exit_code, result.out) == (0, f"Alle 36 verklaringen in {site} zijn "
                                                 "actueel.\n")


def test_stdout_is_the_same_document(voorbeeld: tuple[Path, Path], cli: Any) -> None:
    root, site = voorbeeld
    result = cli("render", "privacyverklaring", "--repo", str(root), "--doelgroep",
                 "sollicitanten", "--taal", "en", "--format", "html", "--vandaag", DAG)
    assert result.exit_code == 0
    assert result.out == (site / "privacyverklaring-sollicitanten.en.html").read_text("utf-8")


def test_docs_show_a_rendered_section() -> None:
    readme = (PROJECT / "docs" / "privacyverklaring.md").read_text(encoding="utf-8")
    block = readme.split("Zo ziet een onderdeel eruit", 1)[1].split("```markdown\n", 1)[1]
    section = block.split("```", 1)[0]
    golden = (GOLDEN_DIR / "privacyverklaring-sollicitanten.nl.md").read_text("utf-8")
    assert section in golden


# --- --check in CI ---------------------------------------------------------------------------

def test_check_fails_after_a_one_word_change_to_a_purpose(tmp_path: Path, cli: Any) -> None:
    root = tmp_path / "repo"
    assert cli("init", "--voorbeeld", str(root)).exit_code == 0
    site = tmp_path / "site"
    assert _render("--repo", str(root), "--uit", str(site), "--vandaag", DAG) == 0
    args = ("render", "privacyverklaring", "--repo", str(root), "--check", str(site),
            "--vandaag", DAG)
    assert cli(*args).exit_code == 0

    activiteit = root / "registers/verwerkingen/70.2.1-bezoekersregistratie.yaml"
    text = activiteit.read_text(encoding="utf-8")
    doel = "doel: >-\n  Weten wie er in het pand is,"
    assert doel in text
    activiteit.write_text(text.replace(doel, doel.replace("pand", "kantoor")), encoding="utf-8")

    result = cli(*args)
    assert result.exit_code == 1
    changed = [f"privacyverklaring-bezoekers.{t}.{f}" for t in ("nl", "en")
               for f in ("md", "html", "json")]
    uitleg = "is verouderd: het wijkt af van wat het register nu geeft"
    assert result.out == "".join(f"{site / n}: {uitleg}\n" for n in changed) + (
        f"6 van de verklaringen in {site} kloppen niet met het register. Werk ze bij met: "
        f"avgctl render privacyverklaring --uit {site}\n")

    # the fix CI asks for
    assert _render("--repo", str(root), "--uit", str(site), "--vandaag", DAG) == 0
    assert cli(*args).exit_code == 0


def test_check_names_missing_and_left_over_files(voorbeeld: tuple[Path, Path], tmp_path: Path,
                                                 cli: Any) -> None:
    root, site = voorbeeld
    kopie = tmp_path / "site"
    shutil.copytree(site, kopie)
    (kopie / "privacyverklaring-debiteuren.en.json").unlink()
    (kopie / "privacyverklaring-leveranciers.nl.html").write_text("oud", encoding="utf-8")
    (kopie / "index.html").write_text("de rest van de website", encoding="utf-8")
    result = cli("render", "privacyverklaring", "--repo", str(root), "--check", str(kopie),
                 "--vandaag", DAG)
    assert result.exit_code == 1
    assert result.out.splitlines()[:2] == [
        f"{kopie / 'privacyverklaring-debiteuren.en.json'}: ontbreekt",
        f"{kopie / 'privacyverklaring-leveranciers.nl.html'}: hoort bij geen doelgroep meer"]
    # restricted to one group, other groups' files are none of its business
    result = cli("render", "privacyverklaring", "--repo", str(root), "--check", str(kopie),
                 "--doelgroep", "bezoekers", "--vandaag", DAG)
    assert (result.exit_code, result.out) == (0, f"Alle 6 verklaringen in {kopie} zijn "
                                                 "actueel.\n")


def test_uit_leaves_fresh_files_alone(voorbeeld: tuple[Path, Path], tmp_path: Path,
                                      cli: Any) -> None:
    root, site = voorbeeld
    kopie = tmp_path / "site"
    shutil.copytree(site, kopie)
    (kopie / "privacyverklaring-bezoekers.nl.md").write_text("oud", encoding="utf-8")
    result = cli("render", "privacyverklaring", "--repo", str(root), "--uit", str(kopie),
                 "--vandaag", DAG)
    assert result.exit_code == 0
    assert result.err == (f"Geschreven: {kopie / 'privacyverklaring-bezoekers.nl.md'}\n"
                          f"1 van 36 verklaringen geschreven in {kopie}; 35 waren al "
                          "actueel.\n")


# --- HTML: strict, accessible, standalone ----------------------------------------------------

def _parse(text: str) -> ET.Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree: ET.Element = parser.parse(text)
    return tree


def _html_files(*sites: Path) -> list[Path]:
    return sorted(p for site in sites for p in site.glob("*.html"))


def test_html_is_strict_accessible_and_standalone(voorbeeld: tuple[Path, Path],
                                                  publiek: tuple[Path, Path]) -> None:
    for path in _html_files(voorbeeld[1], publiek[1]):
        text = path.read_text(encoding="utf-8")
        root = _parse(text)  # raises on any parse error
        taal = path.name.split(".")[1]
        assert root.get("lang") == taal, path.name
        assert len(root.findall(".//h1")) == 1, path.name
        levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
        assert levels[0] == 1, path.name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), path.name
        for landmark in ("header", "nav", "main", "footer"):
            assert len(root.findall(f".//{landmark}")) == 1, (path.name, landmark)
        assert root.find(".//nav").get("aria-label")  # type: ignore[union-attr]
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), path.name
        toc = [a.get("href") for a in root.findall(".//nav//a")]
        assert toc and all(h and h[1:] in ids for h in toc), path.name
        for a in root.iter("a"):
            href = a.get("href") or ""
            assert href.startswith(("#", "mailto:", "https://")), (path.name, href)
            if href.startswith("#"):
                assert href[1:] in ids, (path.name, href)
        # no script and nothing loaded from elsewhere: no src, no <link>, no url() or @import
        assert root.findall(".//script") == [] and "<script" not in text.lower()
        assert [e.tag for e in root.iter() if e.get("src")] == []
        assert root.findall(".//link") == []
        style = "".join(s.text or "" for s in root.findall(".//style"))
        assert "@media print" in style and "url(" not in style and "@import" not in style
        for table in root.iter("table"):
            assert table.find("caption") is not None, path.name


REGISTER_MET_HTML = """\
id: "10.1.1"
naam: "Offertes <b>vet</b> & **dik**"
eigenaar: Bureaumanager
doel: "Offertes maken <script>alert('x')</script> [klik](javascript:alert(1))"
grondslag: overeenkomst
betrokkenen: [klant]
gegevens:
  - {type: "NAW <img src=x onerror=alert(1)>", betrokkene: klant, bron: "1. betrokkene",
     ontvangers: [], bewaartermijn: dossier}
beveiliging: [toegangsbeheer]
doelgroepen: [klanten]
verstrekking: {verplichting: vrijwillig, gevolgen: "# Geen kop\\n- geen lijst"}
"""


def test_register_text_stays_text(tmp_path: Path, cli: Any) -> None:
    from tests.conftest import BASIS

    files = dict(BASIS)
    files["registers/verwerkingen/10.1.1-offertes.yaml"] = REGISTER_MET_HTML
    root = write_repo(tmp_path / "repo", files)
    args = ("render", "privacyverklaring", "--repo", str(root), "--doelgroep", "klanten",
            "--vandaag", DAG)
    html = cli(*args, "--format", "html").out
    tree = _parse(html)
    assert tree.findall(".//script") == [] and tree.findall(".//img") == []
    assert tree.findall(".//b") == []
    text = "".join(tree.itertext())
    assert "Offertes maken <script>alert('x')</script>" in text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html

    md = cli(*args, "--format", "md").out
    assert "Offertes maken \\<script>alert('x')\\</script>" in md
    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert 'href="javascript' not in rendered
    assert "<h1>Geen kop" not in rendered and "<li>geen lijst" not in rendered


def test_control_characters_written_as_yaml_escapes_are_left_out(tmp_path: Path,
                                                                  cli: Any) -> None:
    from tests.conftest import BASIS

    files = dict(BASIS)
    files["registers/verwerkingen/10.1.1-offertes.yaml"] = REGISTER_MET_HTML.replace(
        "doel: \"Offertes maken ", "doel: \"Offertes\\x01 maken\\u0085 ")
    root = write_repo(tmp_path / "repo", files)
    result = cli("render", "privacyverklaring", "--repo", str(root), "--doelgroep", "klanten",
                 "--format", "html", "--vandaag", DAG)
    assert result.exit_code == 0, result.err
    assert "Offertes maken <script>" in "".join(_parse(result.out).itertext())


def test_front_matter_for_static_site_generators(voorbeeld: tuple[Path, Path]) -> None:
    from ruamel.yaml import YAML

    text = (voorbeeld[1] / "privacyverklaring-websitebezoekers.en.md").read_text("utf-8")
    assert text.startswith("---\n")
    front = YAML(typ="safe").load(text.split("---\n")[1])
    assert front["title"] == "Privacy statement for visitors to our website"
    assert front["doelgroep"] == "websitebezoekers"
    assert front["taal"] == "en"
    assert front["date"] == DAG
    assert re.fullmatch(r"[0-9a-f]{12}", front["version"])


# --- JSON: the TILT schema -------------------------------------------------------------------

def test_json_follows_the_tilt_schema(voorbeeld: tuple[Path, Path],
                                      publiek: tuple[Path, Path]) -> None:
    Draft7Validator.check_schema(TILT)
    validator = Draft7Validator(TILT, format_checker=FormatChecker())
    paths = sorted(p for site in (voorbeeld[1], publiek[1]) for p in site.glob("*.json"))
    assert len(paths) == 16
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(data)]
        assert errors == [], path.name
    # the schema is not a formality: it rejects a statement without the controller
    del data["controller"]
    assert not validator.is_valid(data)


# --- Version and date from git ---------------------------------------------------------------

def _git(root: Path, *args: str, datum: str | None = None) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update({"GIT_AUTHOR_NAME": "Privacy", "GIT_AUTHOR_EMAIL": "privacy@kantoor.example",
                "GIT_COMMITTER_NAME": "Privacy",
                "GIT_COMMITTER_EMAIL": "privacy@kantoor.example"})
    if datum:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = datum
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def _meta(cli: Any, root: Path, groep: str) -> dict[str, Any]:
    result = cli("render", "privacyverklaring", "--repo", str(root), "--doelgroep", groep,
                 "--format", "json", "--vandaag", DAG)
    assert result.exit_code == 0, result.err
    document = json.loads(result.out)
    data: dict[str, Any] = {**document["avgctl"], "tilt_version": document["meta"]["version"]}
    return data


@pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")
def test_version_and_date_come_from_the_inputs_history(tmp_path: Path, cli: Any) -> None:
    root = tmp_path / "repo"
    assert cli("init", "--voorbeeld", str(root)).exit_code == 0
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Eerste versie van het register",
         datum="2026-03-02T10:00:00+01:00")
    eerst = _meta(cli, root, "bezoekers")
    assert eerst["laatst_gewijzigd"] == "2026-03-02"
    assert eerst["wijzigingen"] == [{"datum": "2026-03-02",
                                     "onderwerp": "Eerste versie van het register"}]
    assert eerst["tilt_version"] == 1
    assert _meta(cli, root, "bezoekers") == eerst  # the same register, the same statement

    activiteit = root / "registers/verwerkingen/70.2.1-bezoekersregistratie.yaml"
    activiteit.write_text(activiteit.read_text("utf-8").replace("in het pand", "in het kantoor",
                                                                1), encoding="utf-8")
    onaf = _meta(cli, root, "bezoekers")  # uncommitted: the date is --vandaag
    assert onaf["laatst_gewijzigd"] == DAG and onaf["versie"] != eerst["versie"]

    _git(root, "commit", "-q", "-am", "Bezoekersregistratie: doel verduidelijkt",
         datum="2026-04-15T09:30:00+02:00")
    later = _meta(cli, root, "bezoekers")
    assert later["laatst_gewijzigd"] == "2026-04-15"
    assert later["versie"] == onaf["versie"]
    assert [w["onderwerp"] for w in later["wijzigingen"]] == [
        "Bezoekersregistratie: doel verduidelijkt", "Eerste versie van het register"]
    assert later["versie"] == onaf["versie"]
    # another group's statement does not read that activity, so it did not change
    ander = _meta(cli, root, "sollicitanten")
    assert (ander["laatst_gewijzigd"], ander["tilt_version"]) == ("2026-03-02", 1)


# --- A large public body: every item of art. 13 and 14 ---------------------------------------

def test_public_body_statement_covers_every_item(publiek: tuple[Path, Path]) -> None:
    import datetime as dt

    from avgctl.commands.privacyverklaring import bewaartekst
    from avgctl.privacyverklaring.inhoud import Historie, verklaring
    from avgctl.store.repo import load_register

    root, site = publiek
    assert check_repo(root, dt.date(2026, 11, 20)) == []
    register = load_register(root)
    v = verklaring(register, "aanvragers", "nl", Historie(dt.date(2026, 11, 20)), bewaartekst,
                   "0" * 64)
    assert len(v["verwerkingen"]) == 9
    org = v["organisatie"]
    assert org["naam"] and org["adres"] and org["email"]  # 13(1)(a)
    assert v["fg"]["email"] and v["fg"]["telefoon"]  # 13(1)(b)
    for act in v["verwerkingen"]:  # 13(1)(c), (d); 13(2)(a)
        assert act["doel"] and act["grondslag"] and act["grondslag_artikel"], act["id"]
        if act["grondslag_code"] in ("wettelijke_verplichting", "publieke_taak"):
            assert act["grondslag_bron"], act["id"]
        if act["grondslag_code"] == "gerechtvaardigd_belang":
            assert act["belang"], act["id"]
        assert act["bewaartermijnen"] and all(t["tekst"] for t in act["bewaartermijnen"])
        if any(g["van_u"] for g in act["gegevens"]):  # 13(2)(e)
            assert act["verstrekking"] and act["verstrekking"]["gevolgen"], act["id"]
    nummers = [n for act in v["verwerkingen"] for n in act["identificatienummers"]]
    assert {n["type"] for n in nummers} == {"BSN", "RNI-nummer"} and all(n["wet"]
                                                                           for n in nummers)
    bijzonder = [b for act in v["bijzonder"] for b in act["bijzonder"]]
    assert bijzonder and all(b["uitzondering"] for b in bijzonder)  # art. 9
    assert any(act["strafrechtelijk"]["grondslag"] for act in v["bijzonder"]
               if act["strafrechtelijk"])  # art. 10
    assert v["van_anderen"] and all(g["bronnen"] for g in v["gegevens"])  # 14(1)(d), 14(2)(f)
    assert v["ontvangers"] and v["verwerkers"] and all(p["rol"] for p in v["verwerkers"])
    assert v["doorgiften"] and all(d["waarborg"] for d in v["doorgiften"])  # 13(1)(f)
    assert all(v["kanalen_rechten"].values()) and v["termijn"]["termijn"]  # 13(2)(b)
    assert v["toestemming"] and all(a["toestemming"] for a in v["toestemming"])  # 13(2)(c)
    besluiten = [a["besluitvorming"] for a in v["besluiten"]]
    assert besluiten and all(b["logica"] and b["gevolgen"] for b in besluiten)  # 13(2)(f)
    assert [k["id"] for k in v["kanalen"]] == ["website", "cookies", "telefoonopnames",
                                               "cameratoezicht"]

    html = (site / "privacyverklaring-aanvragers.nl.html").read_text("utf-8")
    text = "".join(_parse(html).itertext())
    for kop in [*VEREIST["nl"], "Website, telefoon en camera's", "Telefoongesprekken",
                "Cameratoezicht", "Cookies"]:
        assert kop in text, kop
    assert "Autoriteit Persoonsgegevens" in text  # 13(2)(d)
    assert "Wet algemene bepalingen burgerservicenummer art. 10" in text
    tilt = json.loads((site / "privacyverklaring-aanvragers.en.json").read_text("utf-8"))
    assert tilt["automatedDecisionMaking"]["inUse"] is True
    assert tilt["rightToWithdrawConsent"]["available"] is True
    assert tilt["thirdCountryTransfers"][0]["country"] == "US"
    assert tilt["sources"] and tilt["dataDisclosed"][0]["nonDisclosure"]["legalRequirement"]


# --- A real browser --------------------------------------------------------------------------

ARTEFACTEN = Path(__file__).resolve().parent / "artefacten"


def test_every_heading_is_visible_in_chromium(voorbeeld: tuple[Path, Path],
                                              publiek: tuple[Path, Path]) -> None:
    from tests.chromium import ZICHTBARE_KOPPEN, Browser, pad

    executable = pad()
    if executable is None:
        pytest.skip("Chromium is niet geïnstalleerd, dus deze test slaat over. Installeer het "
                    "Debian-pakket chromium (apt-get install chromium), of draai 'make test' "
                    "als root: dat installeert het.")
    ARTEFACTEN.mkdir(exist_ok=True)
    browser = Browser(executable)
    try:
        for path in _html_files(voorbeeld[1], publiek[1]):
            taal = path.name.split(".")[1]
            session = browser.open(path.as_uri())
            koppen = browser.evaluate(session, ZICHTBARE_KOPPEN)
            zichtbaar = {k["text"] for k in koppen if k["visible"]}
            assert [k["text"] for k in koppen if not k["visible"]] == [], path.name
            missing = [kop for kop in VEREIST[taal] if kop not in zichtbaar]
            assert missing == [], (path.name, missing)
            assert sum(k["level"] == "H1" for k in koppen) == 1
            # printed: no table of contents, every section still there
            browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
            gedrukt = browser.evaluate(session, ZICHTBARE_KOPPEN)
            assert {k["text"] for k in gedrukt if k["visible"]} >= set(VEREIST[taal])
            assert browser.evaluate(session, "getComputedStyle(document.querySelector('nav'))"
                                             ".display") == "none"
            browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=session)
            if path.name.startswith("privacyverklaring-debiteuren."):
                browser.evaluate(session, "window.scrollTo(0, 0)")
                shot = ARTEFACTEN / f"privacyverklaring-debiteuren.{taal}.png"
                browser.screenshot(session, shot)
                data = shot.read_bytes()
                assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
                assert int.from_bytes(data[16:20], "big") == 1280  # the window's width
                print(f"schermafdruk: {shot}")
    finally:
        browser.close()
    assert sorted(p.name for p in ARTEFACTEN.glob("*.png")) >= [
        "privacyverklaring-debiteuren.en.png", "privacyverklaring-debiteuren.nl.png"]


# --- Usage and errors ------------------------------------------------------------------------

def test_usage_errors(voorbeeld: tuple[Path, Path], tmp_path: Path, cli: Any) -> None:
    root = str(voorbeeld[0])
    base = ("render", "privacyverklaring", "--repo", root, "--vandaag", DAG)
    result = cli(*base, "--doelgroep", "debiteur")
    assert result.exit_code == 1
    assert "geen doelgroep 'debiteur'; bedoelde u debiteuren?" in result.err
    result = cli(*base)
    assert result.exit_code == 2 and "geef één --doelgroep" in result.err
    result = cli(*base, "--doelgroep", "debiteuren", "--taal", "de")
    assert result.exit_code == 2 and "onbekende taal 'de'; kies uit: nl, en" in result.err
    result = cli(*base, "--doelgroep", "debiteuren", "--format", "pdf")
    assert result.exit_code == 2 and "kies uit: md, html, json" in result.err
    result = cli(*base, "--uit", str(tmp_path / "a"), "--check", str(tmp_path / "b"))
    assert result.exit_code == 2 and "niet allebei" in result.err
    result = cli(*base, "--check", str(tmp_path / "bestaat-niet"))
    assert result.exit_code == 2 and "bestaat niet" in result.err


def test_a_damaged_register_gives_no_statement(voorbeeld: tuple[Path, Path], tmp_path: Path,
                                               cli: Any) -> None:
    """A statement that silently left out an activity would look complete when published."""
    root = tmp_path / "repo"
    shutil.copytree(voorbeeld[0], root)
    activiteit = root / "registers/verwerkingen/70.2.1-bezoekersregistratie.yaml"
    activiteit.write_text(activiteit.read_text("utf-8").replace(
        "doelgroepen: [bezoekers]", "doelgroepen: [Bezoekers]"), encoding="utf-8")
    for extra in (("--uit", str(tmp_path / "site")), ("--check", str(voorbeeld[1]))):
        result = cli("render", "privacyverklaring", "--repo", str(root), *extra,
                     "--vandaag", DAG)
        assert result.exit_code == 1
        assert result.err.startswith(
            "fout: de privacyverklaringen worden niet gemaakt: 1 fout in het register, de "
            "eerste in registers/verwerkingen/70.2.1-bezoekersregistratie.yaml:")
        assert "'doelgroepen' heeft niet de juiste vorm" in result.err
    assert not (tmp_path / "site").exists()


def test_a_register_without_target_groups(repo: Path, cli: Any) -> None:
    result = cli("render", "privacyverklaring", "--repo", str(repo), "--vandaag", DAG)
    assert result.exit_code == 1
    assert "geen enkele verwerking noemt een doelgroep" in result.err


def test_a_repository_can_use_its_own_template(voorbeeld: tuple[Path, Path], tmp_path: Path,
                                               cli: Any) -> None:
    root = tmp_path / "repo"
    shutil.copytree(voorbeeld[0], root)
    eigen = root / "templates" / "privacyverklaring" / "nl.md.j2"
    eigen.parent.mkdir(parents=True)
    eigen.write_text("Eigen tekst: {{ titel }} ({{ verwerkingen | length }} doelen)\n",
                     encoding="utf-8")
    result = cli("render", "privacyverklaring", "--repo", str(root), "--doelgroep",
                 "bezoekers", "--vandaag", DAG)
    assert (result.exit_code, result.out) == (
        0, "Eigen tekst: Privacyverklaring voor bezoekers van ons kantoor (3 doelen)\n")
    eigen.write_text("{{ onbekend }}\n", encoding="utf-8")
    result = cli("render", "privacyverklaring", "--repo", str(root), "--doelgroep",
                 "bezoekers", "--vandaag", DAG)
    assert result.exit_code == 1 and result.err.startswith(
        "fout: sjabloon templates/privacyverklaring/nl.md.j2:1 kan niet worden gemaakt: "
        "'onbekend' bestaat niet in dit sjabloon")


# --- Any register text stays text ------------------------------------------------------------

# What a YAML file can hold (YAML 1.2 §5.1): no C0 controls but tab and line breaks, no
# surrogates; everything else may turn up in a purpose.
_YAML_TEKST = st.text(st.characters(blacklist_categories=("Cs",),
                                    blacklist_characters="".join(
                                        chr(c) for c in range(32) if chr(c) not in "\t\n\r")),
                      max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doel=_YAML_TEKST, naam=_YAML_TEKST)
@example(doel="\x7f\t0", naam="x")  # a tab left at the start once \x7f is removed
def test_any_register_text_stays_text_in_html_and_markdown(doel: str, naam: str) -> None:
    """Whatever a purpose or a name holds, the HTML parses strictly and shows it as text, and
    Markdown (rendered with raw HTML allowed) adds no markup of its own."""
    import datetime as dt

    from avgctl.commands.privacyverklaring import _document, bewaartekst
    from avgctl.models import Config, Verwerking
    from avgctl.privacyverklaring.inhoud import _ONZICHTBAAR, Historie, verklaring
    from avgctl.store.register import Bron, Register

    def documenten(naam: str, doel: str) -> tuple[str, str]:
        register = Register(root=PROJECT / "tests" / "data" / "geen-repo")
        register.config = Bron(Config.model_validate({"organisatie": {"naam": "Kantoor"}}),
                               None)  # type: ignore[arg-type]
        register.verwerkingen = [Bron(Verwerking(
            id="1.1", naam=naam, doel=doel, grondslag="overeenkomst", doelgroepen=["klanten"]),
            None)]  # type: ignore[arg-type]
        inhoud = verklaring(register, "klanten", "nl", Historie(dt.date(2026, 1, 1)),
                            bewaartekst, "0" * 64)
        return (_document(register, inhoud, "html").decode("utf-8"),
                _document(register, inhoud, "md").decode("utf-8"))

    def tags(md: str) -> Counter[str]:
        rendered = MarkdownIt("commonmark", {"html": True}).render(md.split("---\n", 2)[2])
        return Counter(t for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", rendered) if t != "p")

    naam = naam.strip() or "x"
    html, md = documenten(naam, doel)
    tree = _parse(html)  # strict: raises on any parse error
    assert tree.findall(".//script") == [] and tree.findall(".//img") == []
    h3 = [" ".join("".join(e.itertext()).split()) for e in tree.iter("h3")]
    schoon = _ONZICHTBAAR.sub("", naam)
    assert " ".join(schoon.split()) in h3
    # the same structure as for plain words: register text added no element of its own
    assert tags(md) == tags(documenten("gewoon", "gewoon")[1]), (naam, doel)
