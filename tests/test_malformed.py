"""A corpus of malformed repositories: every one must end in a clear Dutch finding.

Each case starts from a fresh copy of the clean ``BASIS`` repository, breaks one thing, runs
``avgctl check`` in-process and asserts:

* the exit code (1 for findings, 2 for a usage error or an unreadable repository), never a
  traceback (exit 3) and never a hang;
* no English parser or framework text leaks into the output;
* the Dutch message, with its ``file:line[:col]`` location where there is a file to point at;
* nothing on disk changed: the check only reads.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from avgctl.store.cache import CACHE_DIR
from tests.conftest import BASIS, PROJECT, check_repo, write_repo

V = "registers/verwerkingen/20.1.1-intake.yaml"
P = "registers/partijen.yaml"
B = "registers/bewaartermijnen.yaml"
C = "avgctl.yaml"
D = "registers/datalekken/DL-2026-001.yaml"
VANDAAG = "2026-06-01"
MARKER = "uitgevoerd.txt"  # created next to the repository if a YAML tag ever runs a command

# Text that must never reach the user: tracebacks, and English from ruamel, click or Python.
ENGLISH = (
    "Traceback", "Error", "Exception", "while parsing", "while scanning", "found character",
    "found unexpected", "did not find", "could not find", "expected", "unacceptable",
    "control characters", "<unicode string>", "requires an argument", "Got unexpected",
    "Did you mean", "No such", "Invalid value", "is not", "does not",
)

Mutation = Callable[[Path], None]


# --- Mutations: each returns a function that breaks one thing in a fresh repository ---------

def replace(rel: str, old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return mutate


def write(rel: str, content: str | bytes) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path.write_bytes(data)
    return mutate


def delete(rel: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / rel).unlink()
    return mutate


def directory_instead_of_file(rel: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / rel).unlink()
        (root / rel).mkdir()
        (root / rel / "leeg.txt").write_text("", encoding="utf-8")
    return mutate


def file_instead_of_directory(rel: str) -> Mutation:
    def mutate(root: Path) -> None:
        directory = root / rel
        for child in directory.iterdir():
            child.unlink()
        directory.rmdir()
        directory.write_text("geen map\n", encoding="utf-8")
    return mutate


def sparse(rel: str, size: int) -> Mutation:
    """Grow a file to ``size`` bytes without writing them (a sparse file costs no disk)."""
    def mutate(root: Path) -> None:
        with open(root / rel, "r+b") as handle:
            handle.truncate(size)
    return mutate


def dangling_symlink(rel: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / rel).unlink()
        os.symlink(root / "ontbreekt.yaml", root / rel)
    return mutate


def python_tag(root: Path) -> None:
    # If the loader ever constructed this object, MARKER would appear next to the repository
    # and the snapshot comparison would catch it.
    marker = root.parent / MARKER
    replace(V, "naam: Intake nieuwe zaak",
            f'naam: !!python/object/apply:os.system ["echo hi > {marker}"]')(root)


def billion_laughs() -> str:
    """Anchors a..i, each referencing the previous one 9 times: 9**9 strings when expanded."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


# --- The corpus ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    id: str
    mutate: Mutation | None
    exit_code: int
    phrase: str  # Dutch text expected in the message
    file: str | None = None  # None: a repository-level usage error on stderr, no location
    line: int = 0
    col: int | None = None  # None where the column is not stable or not meaningful
    code: str | None = None
    hint: str | None = None  # expected in the indented "→" line below the finding
    argv: tuple[str, ...] = ("check", "--repo", "{repo}", "--vandaag", VANDAAG)


CASES: list[Case] = [
    Case("invalid-yaml-unclosed-bracket",
         replace(V, "betrokkenen: [opdrachtgever]", "betrokkenen: [opdrachtgever"),
         1, "lijst tussen [ ] is niet goed afgesloten", V, 6, 14, "AVG001", "']'"),
    Case("tab-indentation", replace(V, "  - type: NAW", "\t- type: NAW"),
         1, "tab-teken gevonden", V, 8, 1, "AVG001", "spaties"),
    Case("duplicate-key",
         replace(V, "eigenaar: Bureaumanager\n", "eigenaar: Bureaumanager\neigenaar: Balie\n"),
         1, "sleutel 'eigenaar' komt twee keer voor", V, 4, 1, "AVG001"),
    Case("unknown-field-did-you-mean", replace(V, "eigenaar:", "eigenar:"),
         1, "onbekend veld 'eigenar'", V, 3, 1, "AVG002", "bedoelde u 'eigenaar'?"),
    Case("wrong-type-string-instead-of-list",
         replace(V, "betrokkenen: [opdrachtgever]", "betrokkenen: debiteur"),
         1, "'betrokkenen' moet een lijst zijn", V, 6, 14, "AVG002"),
    Case("wrong-type-bool", replace(C, "overheid: false", "overheid: misschien"),
         1, "'overheid' moet true of false zijn", C, 3, 13, "AVG002"),
    Case("impossible-date", replace(P, "getekend: 2024-05-01", "getekend: 2026-02-30"),
         1, "2026-02-30 is geen bestaande datum", P, 4, 59, "AVG002", "dag en maand"),
    Case("naive-datetime-in-breach",
         write(D, "referentie: DL-2026-001\nontdekt_op: 2026-03-27T10:00:00\n"),
         1, "tijdstip zonder tijdzone", D, 2, 13, "AVG002", "+01:00"),
    Case("missing-referenced-file", delete(B),
         1, "onbekende bewaartermijn 'dossier'", V, 12, 20, "AVG202", "bestaat niet"),
    Case("empty-file", write(V, ""), 1, "bestand is leeg", V, 1, 1, "AVG001"),
    Case("comment-only-file", write(V, "# nog invullen\n"), 1, "bestand is leeg", V, 1, 1,
         "AVG001"),
    Case("latin-1-bytes", write(V, b'id: "20.1.1"\nnaam: Caf\xe9\n'),
         1, "geen geldige UTF-8", V, 2, 10, "AVG001", "UTF-8"),
    Case("utf-8-bom", write(V, b"\xef\xbb\xbf" + BASIS[V].encode("utf-8")),
         1, "byte-order-mark", V, 1, 1, "AVG001", "zonder BOM"),
    Case("alias-bomb-billion-laughs", write(V, billion_laughs()),
         1, "ankers en verwijzingen", V, 1, 4, "AVG001"),
    Case("file-of-50-mb", sparse(P, 50 * 1024 * 1024),
         1, "bestand is te groot", P, 1, 1, "AVG001"),
    Case("directory-instead-of-file", directory_instead_of_file(P),
         1, "is een map, maar hier wordt een bestand verwacht", P, 1, 1, "AVG001"),
    Case("multiple-yaml-documents", write(V, BASIS[V] + "---\nid: \"20.1.2\"\n"),
         1, "meer dan één YAML-document", V, 15, 1, "AVG001"),
    Case("python-tag-refused", python_tag,
         1, "onbekende YAML-tag", V, 2, 7, "AVG001", "laat de tag weg"),
    Case("top-level-list-instead-of-mapping", write(V, "- id: \"20.1.1\"\n- naam: Intake\n"),
         1, "verkeerde opbouw", V, 1, 1, "AVG002"),
    Case("colon-in-unquoted-value",
         replace(V, "doel: Een nieuwe opdracht vastleggen.", "doel: Let op: nieuwe zaak"),
         1, "dubbele punt", V, 4, 13, "AVG001", "aanhalingstekens"),
    Case("unclosed-quote", replace(V, "naam: Intake nieuwe zaak", 'naam: "Intake nieuwe zaak'),
         1, "het bestand houdt onverwacht op", V, 2, 7, "AVG001"),
    Case("merge-key", write(V, "basis: &b {x: 1}\nander:\n  <<: *b\n"),
         1, "samenvoegen met '<<'", V, 3, 3, "AVG001"),
    Case("windows-path-escape", replace(V, "naam: Intake nieuwe zaak", 'naam: "C:\\pad"'),
         1, "onbekende escape-code", V, 2, 10, "AVG001"),
    # Repository-level and usage errors: exit 2, message on stderr, no file location.
    Case("no-avgctl-yaml", delete(C), 2, "geen compliance-repository"),
    Case("repo-directory-missing", None, 2, "bestaat niet",
         argv=("check", "--repo", "{repo}/ontbreekt", "--vandaag", VANDAAG)),
    Case("unknown-format", None, 2, "onbekend formaat 'xml'",
         argv=("check", "--repo", "{repo}", "--format", "xml")),
    Case("impossible-vandaag", None, 2, "geen datum",
         argv=("check", "--repo", "{repo}", "--vandaag", "2026-13-01")),
    # Formerly bugs, kept as regression cases.
    Case("control-character", write(V, b'id: "20.1.1"\nnaam: a\x00b\n'),
         1, "teken dat in YAML niet is toegestaan", V, 2, 8, "AVG001"),
    Case("unclosed-bracket-at-end-of-file", write(V, BASIS[V] + "extra: [\n"),
         1, "hier wordt een waarde verwacht", V, 16, 1, "AVG001"),
    Case("config-top-level-list", write(C, "- organisatie\n"),
         1, "verkeerde opbouw", C, 1, 1, "AVG002"),
    Case("invalid-number", replace(V, "naam: Intake nieuwe zaak", "naam: 0x_"),
         1, "geen geldig getal", V, 2, 7, "AVG001"),
    Case("dangling-symlink", dangling_symlink(P),
         1, "kan niet worden gelezen", P, 1, 1, "AVG001"),
    Case("file-instead-of-directory", file_instead_of_directory("registers/verwerkingen"),
         1, "map", "registers/verwerkingen", 1, 1, "AVG001"),
    Case("option-without-value", None, 2, "heeft een waarde nodig", argv=("check", "--repo")),
    Case("unexpected-extra-argument", None, 2, "extra",
         argv=("check", "extra", "--repo", "{repo}")),
    Case("misspelled-command", None, 2, "bedoelde u", argv=("chek",)),
]


def _params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        params.append(pytest.param(case, id=case.id))
    return params


# --- Helpers -------------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, object]:
    """Every entry under ``root`` (the root too): type, mode, size, mtime and content hash.

    Except the outcome check keeps for status (.avgctl-cache, avgctl.store.cache): the one
    thing check may write, beside and never in the register. The tests make that folder
    before the first snapshot, so that its parent's mtime is compared all the same."""
    state: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        info = os.lstat(here)
        dirnames[:] = [d for d in dirnames if d != CACHE_DIR]
        state[str(here.relative_to(root))] = ("dir", info.st_mode, info.st_mtime_ns,
                                              sorted(dirnames + filenames))
        for name in filenames + [d for d in dirnames if (here / d).is_symlink()]:
            path = here / name
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                content: object = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            else:  # a FIFO or socket: reading it could block
                content = None
            state[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns,
                                                  content)
    return state


def assert_no_english(text: str) -> None:
    for phrase in ENGLISH:
        assert phrase not in text, f"English/internal text {phrase!r} in output:\n{text}"


def finding_lines(out: str, case: Case) -> list[str]:
    column = str(case.col) if case.col is not None else r"\d+"
    pattern = re.compile(rf"^{re.escape(str(case.file))}:{case.line}:{column}: ")
    return [line for line in out.splitlines() if pattern.match(line)]


def run_module(root: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """``python -m avgctl`` as a real process: the console script's code path."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "avgctl", "check", "--repo", str(root), "--vandaag", VANDAAG,
         *args],
        cwd=root.parent, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


# --- Tests ---------------------------------------------------------------------------------

def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 18
    assert len({c.id for c in CASES}) == len(CASES)


def test_basis_is_clean(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # Every finding in the corpus comes from the mutation, not from the starting point.
    monkeypatch.chdir(tmp_path)
    root = write_repo(tmp_path / "repo", BASIS)
    result = cli("check", "--repo", str(root), "--vandaag", VANDAAG)
    assert result.exit_code == 0, result.out + result.err


@pytest.mark.parametrize("case", _params())
def test_malformed(case: Case, tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    root = write_repo(tmp_path / "repo", BASIS)
    if case.mutate is not None:
        case.mutate(root)
    (root / CACHE_DIR).mkdir(exist_ok=True)
    before = snapshot(tmp_path)

    argv = [arg.replace("{repo}", str(root)) for arg in case.argv]
    started = time.perf_counter()
    result = cli(*argv)
    elapsed = time.perf_counter() - started

    # Paths of the temporary directory carry the English test name; keep them out of checks.
    output = (result.out + result.err).replace(str(tmp_path), "<tmp>")
    assert case.exit_code in (1, 2)
    assert result.exit_code == case.exit_code, output
    assert elapsed < 2.0, f"took {elapsed:.2f} s"  # the alias bomb above all
    assert_no_english(output)
    assert case.phrase in output, output

    if case.file is None:
        assert result.err.startswith("fout: "), output
    else:
        lines = finding_lines(result.out, case)
        assert lines, f"no finding at {case.file}:{case.line}:{case.col}:\n{output}"
        line = next((x for x in lines if case.phrase in x), None)
        assert line is not None, f"{case.phrase!r} not at {case.file}:{case.line}:\n{output}"
        if case.code is not None:
            assert f" fout {case.code} " in line, output
        if case.hint is not None:
            after = result.out.splitlines()
            hint_line = after[after.index(line) + 1]
            assert hint_line.startswith("    → "), output
            assert case.hint in hint_line, output
        assert "gecontroleerd" in result.out.splitlines()[-1], output  # the summary line

    assert not (tmp_path / MARKER).exists(), "a YAML tag executed a command"
    assert snapshot(tmp_path) == before, "avgctl check changed files on disk"


def test_console_script_on_malformed_repo(tmp_path: Path) -> None:
    # The real entry point, as a separate process: no traceback, the right exit code.
    root = write_repo(tmp_path / "repo", BASIS)
    replace(V, "  - type: NAW", "\t- type: NAW")(root)
    (root / CACHE_DIR).mkdir(exist_ok=True)
    before = snapshot(tmp_path)
    result = run_module(root, timeout=10)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert f"{V}:8:1: fout AVG001 tab-teken gevonden" in result.stdout
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX FIFO")
def test_fifo_instead_of_file_does_not_hang(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    (root / P).unlink()
    os.mkfifo(root / P)
    (root / CACHE_DIR).mkdir(exist_ok=True)
    before = snapshot(tmp_path)
    try:
        result = run_module(root, timeout=3)
    except subprocess.TimeoutExpired:
        pytest.fail("avgctl check hangs on a FIFO")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{P}:1:1: fout AVG001" in result.stdout
    assert snapshot(tmp_path) == before


def test_impossible_date_is_a_schema_finding(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    replace(P, "getekend: 2024-05-01", "getekend: 2026-02-30")(root)
    at_date = [f for f in check_repo(root) if f.location.file == P and f.location.line == 4]
    assert [f.code for f in at_date] == ["AVG002"]


def test_unreadable_partijen_does_not_cascade(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    replace(P, "  naam: Dossiersoft B.V.", "\tnaam: Dossiersoft B.V.")(root)
    findings = check_repo(root)
    assert any(f.code == "AVG001" for f in findings)
    assert {f.location.file for f in findings} == {P}, [str(f.location) for f in findings]


def test_invalid_config_does_not_flag_own_contact_details(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    replace(C, "overheid: false", "overheid: misschien")(root)
    codes = [f.code for f in check_repo(root)]
    assert codes == ["AVG002"]
