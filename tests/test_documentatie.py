"""The documentation stays true: README.md and docs/*.md link only to pages and headings that
exist."""
from __future__ import annotations

import datetime as dt
import functools
import re
import shlex
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from avgctl.rules import REGISTRY
from tests.conftest import PROJECT

DOCUMENTEN = [PROJECT / "README.md", *sorted((PROJECT / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def _buiten_code(text: str) -> str:
    """The text without fenced code blocks and inline code, where brackets are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", text)


def anker(kop: str) -> str:
    """The anchor a git host gives a heading (GitHub and GitLab agree on these headings): lower
    case, code marks and punctuation dropped, spaces become hyphens."""
    kop = kop.strip().lower().replace("`", "")
    kop = re.sub(r"[^\w\- ]", "", kop)
    return kop.replace(" ", "-")


def ankers(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"),
                  flags=re.MULTILINE | re.DOTALL)
    return {anker(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.MULTILINE)}


def test_anchor_of_a_heading() -> None:
    assert anker("`avgctl rules [CODE]`") == "avgctl-rules-code"
    assert anker("registers/bewaartermijnen.yaml") == "registersbewaartermijnenyaml"
    assert anker("`avgctl bewaartermijnen scan` en `sql`: de eigen gegevens") == (
        "avgctl-bewaartermijnen-scan-en-sql-de-eigen-gegevens")
    assert anker("Vóór elke commit") == "vóór-elke-commit"


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_relative_links_point_to_what_exists(document: Path) -> None:
    fouten = []
    for doel in LINK.findall(_buiten_code(document.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z]+:", doel):
            continue  # a web address: not checked, the tests run without network
        pad, _, fragment = doel.partition("#")
        bestand = (document.parent / pad).resolve() if pad else document
        if not bestand.exists():
            fouten.append(f"{doel}: {pad} bestaat niet")
        elif fragment and bestand.suffix == ".md" and fragment not in ankers(bestand):
            fouten.append(f"{doel}: {bestand.name} heeft geen kop met anker #{fragment}")
    assert not fouten, f"{document.relative_to(PROJECT)}:\n  " + "\n  ".join(fouten)


def test_every_docs_page_is_in_the_index() -> None:
    index = (PROJECT / "docs" / "README.md").read_text(encoding="utf-8")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for page in sorted((PROJECT / "docs").glob("*.md")):
        if page.name == "README.md":
            continue
        assert f"]({page.name})" in index, f"docs/README.md linkt niet naar {page.name}"
        assert f"](docs/{page.name})" in readme, f"README.md linkt niet naar docs/{page.name}"


# --- docs/regels.md, made from the rules' docstrings -------------------------------------------

def test_rules_page_is_current(cli: Any) -> None:
    result = cli("rules", "--format", "md")
    assert result.exit_code == 0, result.err
    pagina = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    assert pagina == result.out, (
        "docs/regels.md loopt achter op de uitleg bij de regels in avgctl/rules/; "
        "maak de pagina opnieuw met: make docs")


def test_rules_page_explains_every_rule_as_avgctl_rules_does(cli: Any) -> None:
    pagina = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    for code, rule in REGISTRY.items():
        sectie = cli("rules", code, "--format", "md")
        assert sectie.exit_code == 0, sectie.err
        assert sectie.out.startswith(f"## {code}: "), code
        assert sectie.out in pagina, code
        uitleg = rule.uitleg()
        tekst = re.sub(r"\\(.)", r"\1", sectie.out)  # the Markdown escapes, read as text
        for deel in (uitleg.wat, uitleg.waarom, uitleg.oplossing, rule.voorbeeld.fout,
                     rule.voorbeeld.goed.rstrip("\n")):
            assert deel in tekst, (code, deel)


def test_rules_page_is_markdown_that_keeps_the_text() -> None:
    """Text from a docstring renders as that text: a ``<`` or ``[`` in it is escaped, the
    examples are fenced code with a fence longer than any backticks inside."""
    from avgctl.output.rules import markdown

    class Regel(REGISTRY["AVG204"]):  # type: ignore[misc,valid-type]
        """Een naam met <id> en [haken] en | streep.

        Waarom: omdat.

        Oplossing: `herstel`.
        """

        title = "Titel | met streep"

    tekst = markdown([Regel], pagina=True)
    assert "Een naam met \\<id> en \\[haken\\] en | streep." in tekst
    assert "Titel \\| met streep" in tekst  # in the table the bar would start a new cell
    assert "**Oplossing.** \\`herstel\\`." in tekst


def test_make_docs_writes_the_page(tmp_path: Path) -> None:
    """`make docs` is the command the stale-page message names: it must exist and write the
    page the test compares with."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    regels = re.search(r"^docs:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert regels, "de Makefile heeft geen doel 'docs'"
    assert "rules --format md > docs/regels.md" in regels.group(1)



# --- every `avgctl` example in README.md and docs/*.md --------------------------------------
#
# The conventions (docs/README.md, "Voorbeelden in deze documentatie", says the same to writers):
# - An example is a line in a fenced code block (```sh, ```console or ``` without a language)
#   that starts with `avgctl ` or `$ avgctl `; a line ending in `\` continues on the next. A
#   block whose first line is `#!` is a script file to copy, not examples to type.
# - `$ avgctl ...` shows its output: the lines after it up to the next `$ ` line or the end of
#   the block are what avgctl writes (standard output, then standard error). A line `...`
#   stands for any number of lines, a line ending in `...` for a line that starts that way.
#   An example without `$` shows no output; only its exit code counts.
# - The exit code is 0, unless the example says otherwise: `$ echo $?` and the code after a
#   shown example, or `(exitcode N)` in the comment behind a command.
# - `cd MAP` in a block changes the folder for the rest of the document; other lines (git,
#   make, pip, cron) are not run.
# - Each document starts on its own copy of the example (avgctl/voorbeeld) in
#   ~/privacy-register, with HOME a fresh folder; its examples run in order on that copy.
# - The clock stands still on 20 November 2026 09:00, the day the example is up to date with.
#   An example whose shown output depends on the day says so with --vandaag or --nu: the test
#   runs each shown example on a second day too and fails when the output differs.
# - `<!-- voorbeeld: vervang "OUD" door "NIEUW" in BESTAND -->` before a block changes the
#   copy for that block only (for an example that starts "stel dat iemand ... verandert");
#   `<!-- voorbeeld: niet uitvoeren, REDEN -->` skips the next block (say why: a database, a
#   mail server).

FENCE = re.compile(r"^(`{3,})([\w-]*)\s*$")
RICHTLIJN = re.compile(r"^<!-- voorbeeld: (.+?) -->$")
VERVANG = re.compile(r'^vervang "(.*?)" door "(.*?)" in (\S+)$')
DAG = dt.date(2026, 11, 20)
ANDERE_DAG = dt.date(2031, 3, 3)


@dataclass
class Stap:
    regel: int  # 1-based line of the command in the document
    soort: str  # "avgctl", "cd" or "echo"
    woorden: list[str]
    getoond: list[str] | None = None  # the shown output lines, or None (not shown)
    exitcode: int = 0
    blok: int = 0  # which block: directives apply per block


@dataclass
class Blok:
    nummer: int
    stappen: list[Stap] = field(default_factory=list)
    vervang: list[tuple[str, str, str]] = field(default_factory=list)
    overslaan: str = ""


def _woorden(commando: str) -> list[str]:
    return shlex.split(commando, comments=True)


def blokken(text: str) -> list[Blok]:
    """The example blocks of a document, in order."""
    lines = text.splitlines()
    gevonden: list[Blok] = []
    richtlijnen: list[str] = []
    i = 0
    while i < len(lines):
        m = RICHTLIJN.match(lines[i].strip())
        if m:
            richtlijnen.append(m.group(1))
            i += 1
            continue
        fence = FENCE.match(lines[i])
        if not fence:
            # a directive holds for the block right after it, and only there
            assert not (richtlijnen and lines[i].strip()), (
                f"regel {i + 1}: na <!-- voorbeeld: ... --> moet een codeblok komen")
            i += 1
            continue
        start, hek, taal = i, fence.group(1), fence.group(2)
        i += 1
        inhoud: list[tuple[int, str]] = []
        while i < len(lines) and lines[i].rstrip() != hek:
            inhoud.append((i + 1, lines[i]))
            i += 1
        i += 1
        blok = Blok(len(gevonden))
        for r in richtlijnen:
            if r.startswith("niet uitvoeren"):
                assert re.match(r"^niet uitvoeren, .{10,}", r), (
                    f"regel {start}: zeg waarom het voorbeeld niet wordt uitgevoerd")
                blok.overslaan = r
            elif v := VERVANG.match(r):
                blok.vervang.append((v.group(3), v.group(1), v.group(2)))
            else:
                raise AssertionError(f"regel {start}: onbekende aanwijzing <!-- voorbeeld: {r} -->")
        script = bool(inhoud) and inhoud[0][1].startswith("#!")
        if taal in ("", "sh", "console", "shell") and not script:
            blok.stappen = _stappen(inhoud, blok.nummer)
        assert blok.stappen or not richtlijnen, (
            f"regel {start}: <!-- voorbeeld: ... --> staat voor een blok zonder voorbeelden")
        richtlijnen = []
        if blok.stappen:
            gevonden.append(blok)
    return gevonden


def _stappen(inhoud: list[tuple[int, str]], nummer: int) -> list[Stap]:
    stappen: list[Stap] = []
    j = 0
    while j < len(inhoud):
        regel, line = inhoud[j]
        getoond = line.startswith("$ ")
        commando = line[2:] if getoond else line
        while commando.endswith("\\") and j + 1 < len(inhoud):
            j += 1
            commando = commando[:-1] + " " + inhoud[j][1].strip()
        j += 1
        woorden = _woorden(commando) if re.match(r"^(avgctl|cd|echo)(\s|$)", commando) else []
        assert woorden or not getoond, (
            f"regel {regel}: '$ {commando}' wordt niet begrepen; een getoond voorbeeld begint "
            "met avgctl, cd of echo $?")
        if not woorden:
            continue
        stap = Stap(regel, woorden[0], woorden, blok=nummer)
        code = re.search(r"#.*\(exitcode (\d+)\)", commando)
        if code:
            stap.exitcode = int(code.group(1))
        if getoond:
            uitvoer = []
            while j < len(inhoud) and not inhoud[j][1].startswith("$ "):
                uitvoer.append(inhoud[j][1])
                j += 1
            while uitvoer and not uitvoer[-1].strip():
                uitvoer.pop()  # a blank line between examples is the reader's, not avgctl's
            stap.getoond = uitvoer
        if stap.soort == "echo":
            assert woorden == ["echo", "$?"] and stap.getoond and stappen, (
                f"regel {regel}: alleen 'echo $?' na een voorbeeld wordt begrepen")
            stappen[-1].exitcode = int(stap.getoond[0])
            continue
        stappen.append(stap)
    return stappen


def past(getoond: list[str], uitvoer: list[str]) -> bool:
    """Whether the shown lines fit the real output: `...` alone stands for any lines, a line
    ending in `...` for a line that starts with what comes before it."""
    @functools.cache
    def vanaf(i: int, j: int) -> bool:
        if i == len(getoond):
            return j == len(uitvoer)
        regel = getoond[i].rstrip()
        if regel.strip() == "...":
            return any(vanaf(i + 1, k) for k in range(j, len(uitvoer) + 1))
        if j == len(uitvoer):
            return False
        if regel.endswith("..."):
            ok = uitvoer[j].rstrip().startswith(regel[:-3].rstrip())
        else:
            ok = uitvoer[j].rstrip() == regel
        return ok and vanaf(i + 1, j + 1)

    return vanaf(0, 0)


def test_shown_output_fits() -> None:
    assert past(["a", "...", "d"], ["a", "b", "c", "d"])
    assert past(["a", "...", "d"], ["a", "d"])
    assert not past(["a", "...", "d"], ["a", "b"])
    assert past(["fout: 1 rij ..."], ["fout: 1 rij kon niet"])
    assert not past(["a"], ["a", "b"])
    assert not past(["a", "b"], ["a", "c"])


def test_examples_are_found() -> None:
    text = ("<!-- voorbeeld: vervang \"x\" door \"y\" in avgctl.yaml -->\n"
            "```\n$ cd registers\n$ avgctl check --vandaag 2026-11-20\nregel 1\n...\n"
            "$ echo $?\n1\n```\n\n```sh\n#!/bin/sh\navgctl check\n```\n\n"
            "```sh\navgctl init mijn-register   # leeg (exitcode 0)\navgctl verzoek add \\\n"
            "    --type inzage\ngit add -A\ncd mijn-register\n"
            "avgctl check  # tekort (exitcode 1)\n```\n")
    found = blokken(text)
    assert [[(s.regel, s.woorden, s.getoond, s.exitcode) for s in b.stappen] for b in found] == [
        [(3, ["cd", "registers"], [], 0),
         (4, ["avgctl", "check", "--vandaag", "2026-11-20"], ["regel 1", "..."], 1)],
        [(17, ["avgctl", "init", "mijn-register"], None, 0),
         (18, ["avgctl", "verzoek", "add", "--type", "inzage"], None, 0),
         (21, ["cd", "mijn-register"], None, 0),
         (22, ["avgctl", "check"], None, 1)]]
    assert found[0].vervang == [("avgctl.yaml", "x", "y")]


@pytest.mark.parametrize(("text", "reden"), [
    ("<!-- voorbeeld: niet uitvoeren -->\n```sh\navgctl check\n```\n", "zeg waarom"),
    ("<!-- voorbeeld: overslaan -->\n```sh\navgctl check\n```\n", "onbekende aanwijzing"),
    ("<!-- voorbeeld: niet uitvoeren, een database -->\nTekst.\n", "moet een codeblok komen"),
    ('<!-- voorbeeld: vervang "a" door "b" in x.yaml -->\n```yaml\na: 1\n```\n',
     "blok zonder voorbeelden"),
    ("```\n$ ls registers\nverwerkingen\n```\n", "wordt niet begrepen"),
    ("```\n$ echo hallo\nhallo\n```\n", "alleen 'echo $?'"),
])
def test_a_wrong_example_convention_is_refused(text: str, reden: str) -> None:
    with pytest.raises(AssertionError, match=re.escape(reden)):
        blokken(text)


class _Klok:
    """The clock of avgctl.commands.common (the one place that reads it), stood still. Only
    ``now`` and ``today`` change: every date and time it makes stays a real one."""

    def __init__(self, dag: dt.date) -> None:
        moment = dt.datetime.combine(dag, dt.time(9), ZoneInfo("Europe/Amsterdam"))

        class Datetime:
            def __getattr__(self, name: str) -> Any:
                return getattr(dt.datetime, name)

            def __call__(self, *args: Any, **kwargs: Any) -> dt.datetime:
                return dt.datetime(*args, **kwargs)

            def now(self, tz: dt.tzinfo | None = None) -> dt.datetime:
                return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

        class Date:
            def __getattr__(self, name: str) -> Any:
                return getattr(dt.date, name)

            def __call__(self, *args: Any, **kwargs: Any) -> dt.date:
                return dt.date(*args, **kwargs)

            def today(self) -> dt.date:
                return dag

        self.datetime, self.date = Datetime(), Date()

    def __getattr__(self, name: str) -> Any:
        return getattr(dt, name)


def _draai(stap: Stap, home: Path, dag: dt.date, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import avgctl.commands.common as common
    from avgctl.cli.app import main

    woorden = [str(home) + w[1:] if w == "~" or w.startswith("~/") else w for w in stap.woorden]
    naar = None
    if ">" in woorden:
        k = woorden.index(">")
        assert len(woorden) == k + 2, f"regel {stap.regel}: alleen '> BESTAND' aan het eind"
        woorden, naar = woorden[:k], woorden[k + 1]
    onbekend = {w for w in woorden if w in ("|", "||", "&&", ";", ">>", "2>&1", "<")}
    assert not onbekend, f"regel {stap.regel}: {onbekend} wordt in een voorbeeld niet uitgevoerd"
    with monkeypatch.context() as m:
        m.setattr(common, "dt", _Klok(dag))
        capsys.readouterr()
        code = main(woorden[1:])
        captured = capsys.readouterr()
    if naar is not None:
        Path(naar).write_text(captured.out, encoding="utf-8")
        return code, captured.err
    return code, captured.out + captured.err


def _op_een_andere_dag(stap: Stap, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The same example on ANDERE_DAG, on a copy of the document's copy as it is now."""
    andere = tmp_path / f"andere-dag-{stap.regel}"
    shutil.copytree(home, andere, symlinks=True)
    hier = Path.cwd()
    with monkeypatch.context() as m:
        m.setenv("HOME", str(andere))
        m.chdir(andere / hier.relative_to(home))
        code, uitvoer = _draai(stap, andere, ANDERE_DAG, monkeypatch, capsys)
    return code, uitvoer.replace(str(andere), str(home))


def _kopie(home: Path) -> Path:
    """A copy of the example: what avgctl/voorbeeld holds (in a source checkout, links to
    avgctl.yaml, registers/ and the other files of the example at the top of the project)."""
    root = home / "privacy-register"
    root.mkdir(parents=True)
    for deel in sorted((PROJECT / "avgctl" / "voorbeeld").iterdir()):
        if deel.is_dir():
            shutil.copytree(deel, root / deel.name)
        else:
            shutil.copy(deel, root / deel.name)
    return root


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_example_runs_and_shows_its_output(
        document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    naam = document.relative_to(PROJECT).as_posix()
    fouten = _fouten(document.read_text(encoding="utf-8"), naam, tmp_path, monkeypatch, capsys)
    assert not fouten, "\n".join(fouten)


def test_the_examples_test_finds_what_is_no_longer_true(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    tekst = """\
```
$ avgctl bewaartermijnen einde verzoeken 2023-03-15 --vandaag 2026-11-20
Dit is niet wat avgctl zegt.
```

```sh
avgctl verwerkingen show 99.9.9
avgctl check --vandaag 2027-01-01    # te laat, maar de exitcode staat er niet bij
```

```
$ avgctl status
...
```

<!-- voorbeeld: vervang "grondslag: publieke_taak" door "grondslag: gerechtvaardigd_belang" \
in registers/verwerkingen/40.3.1-verwerken-vonnis.yaml -->
```
$ avgctl check --vandaag 2026-11-20 --quiet
...
$ echo $?
1
```

```
$ avgctl check --vandaag 2026-11-20 --quiet
$ echo $?
0
```
"""
    fouten = _fouten(tekst, "x.md", tmp_path, monkeypatch, capsys)
    assert [f.split("\n")[0:2] for f in fouten] == [
        ["x.md:2: avgctl bewaartermijnen einde verzoeken 2023-03-15 --vandaag 2026-11-20",
         "  de uitvoer is niet wat het document toont:"],
        ["x.md:7: avgctl verwerkingen show 99.9.9", "  exitcode 1, verwacht 0"],
        ["x.md:8: avgctl check --vandaag 2027-01-01", "  exitcode 1, verwacht 0"],
        ["x.md:12: avgctl status",
         f"  de getoonde uitvoer hangt af van de dag; zet --vandaag {DAG} (of --nu) in het "
         f"voorbeeld. Op {ANDERE_DAG}:"],
    ]  # the change holds for its own block only: the last check is clean again


def _fouten(tekst: str, naam: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run the examples of one document on a fresh copy of the example, in order; what is
    not as the document says."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    for var in ("GITHUB_ACTIONS", "AVGCTL_WACHTTIJD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(_kopie(home))
    fouten = []
    for blok in blokken(tekst):
        if blok.overslaan:
            continue
        oud = {}
        for pad, van, naar in blok.vervang:
            bestand = Path(pad)
            oud[bestand] = bestand.read_text(encoding="utf-8")
            assert oud[bestand].count(van) == 1, (
                f"{naam}: {van!r} staat niet precies één keer in {pad}")
            bestand.write_text(oud[bestand].replace(van, naar), encoding="utf-8")
        for stap in blok.stappen:
            waar = f"{naam}:{stap.regel}: {' '.join(stap.woorden)}"
            if stap.soort == "cd":
                monkeypatch.chdir(Path(stap.woorden[1].replace("~", str(home), 1)))
                continue
            code, uitvoer = _draai(stap, home, DAG, monkeypatch, capsys)
            if code != stap.exitcode:
                fouten.append(f"{waar}\n  exitcode {code}, verwacht {stap.exitcode}\n"
                              + textwrap.indent(uitvoer, "  | "))
                continue
            if stap.getoond is None:
                continue
            if not past(stap.getoond, uitvoer.splitlines()):
                fouten.append(f"{waar}\n  de uitvoer is niet wat het document toont:\n"
                              + textwrap.indent(uitvoer, "  | "))
                continue
            if not {"--vandaag", "--nu"} & set(stap.woorden):
                anders = _op_een_andere_dag(stap, home, tmp_path, monkeypatch, capsys)
                if anders != (code, uitvoer):
                    fouten.append(f"{waar}\n  de getoonde uitvoer hangt af van de dag; zet "
                                  f"--vandaag {DAG} (of --nu) in het voorbeeld. Op {ANDERE_DAG}:\n"
                                  + textwrap.indent(anders[1], "  | "))
        for bestand, inhoud in oud.items():
            bestand.write_text(inhoud, encoding="utf-8")
    return fouten
