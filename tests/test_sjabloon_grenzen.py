"""Hostile repository templates: each is stopped quickly, with little memory, exit 1 and a
Dutch message naming the template and its line.

The CLI cases run ``avgctl`` in a child process and read that child's own peak memory with
``os.wait4``, so one case cannot hide behind another's figure. The smaller cases call
``render`` directly, with limits small enough to reach in a moment.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avgctl.render import Limits, SjabloonFout, render
from tests.conftest import BASIS, write_repo

ONTVANGST = "templates/brieven/verzoek-ontvangst.md.j2"
VERZOEKEN = """\
referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,verificatie,\
verificatie_op,verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,\
verzonden_via,verwerkingen,ontvangers_geinformeerd,opmerking
AVG-2026-0001,2026-05-27,K-1001,betrokkene,email,inzage,Bureaumanager,open,open,,,,,,,,20.1.1,,
"""
KOP = "Geachte heer, mevrouw,\n\n"  # the hostile line is line 3

TEKST = "een tekst in het sjabloon wordt langer dan 10.000.000 tekens"
LIJST = "een lijst in het sjabloon wordt langer dan 1.000.000 elementen"
BREEDTE = "breedte 1.000.000.000 is groter dan de grens van 10.000"
STAPPEN = ("het sjabloon doet meer dan 1.000.000 stappen (herhalingen in lussen en aanroepen "
           "van macro's samen)")
GETAL = "een getal in het sjabloon wordt groter dan 10.000 bits (ongeveer 3.010 cijfers)"
UITVOER = "het sjabloon maakt meer dan 20.000.000 tekens tekst"
VERGELIJKEN = ("een waarde in het sjabloon is te groot om te vergelijken of te sorteren (als "
               "tekst meer dan 10.000.000 tekens)")
RECURSIE = ("het sjabloon roept zichzelf te vaak aan (een macro of include die zichzelf steeds "
            "opnieuw aanroept)")

HOSTILE = {
    "vermenigvuldigen": ("{{ 'a' * 10**9 }}", TEKST),
    "vermenigvuldigen-om": ("{{ 10**9 * 'a' }}", TEKST),
    "geneste-lus": ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}"
                    "{% endfor %}", STAPPEN),
    "ljust": ("{{ 'x'.ljust(10**9) }}", BREEDTE),
    "center-methode": ("{{ verzoek.referentie.center(10**9, '*') }}", BREEDTE),
    "zfill": ("{{ '1'.zfill(10**9) }}", BREEDTE),
    "center-filter": ("{{ 'x' | center(10**9) }}", BREEDTE),
    "indent": ("{{ 'x\\ny' | indent(10**9) }}", BREEDTE),
    "range": ("{{ range(10**12) | length }}", "range() geeft 1.000.000.000.000 getallen; de "
              "grens is 100.000"),
    "macht": ("{{ 10 ** (10 ** 10) }}", GETAL),
    "macht-7": ("{{ 7 ** 100000000 }}", GETAL),
    "vermenigvuldigde-getallen": ("{% set n = 10**1000 %}{{ n * n * n * n * n * n * n * n * n * n "
                                  "* n * n }}", GETAL),
    "lijst": ("{{ ([1] * 10**9) | length }}", LIJST),
    "lijst-optellen": ("{% set l = [0] * 600000 %}{{ (l + l) | length }}", LIJST),
    "extend": ("{% set l = [1] %}{% for i in range(60) %}{% set _ = l.extend(l) %}{% endfor %}",
               LIJST),
    "format-ster": ("{{ '%*s' | format(10**9, 'x') }}", BREEDTE),
    "procent": ("{{ '%1000000000s' % 'x' }}", BREEDTE),
    "procent-precisie": ("{{ '%.1000000000f' % 1 }}", BREEDTE),
    "str-format": ("{{ '{:>1000000000}'.format('x') }}", BREEDTE),
    "str-format-genest": ("{{ '{:>{w}}'.format('x', w=10**9) }}", BREEDTE),
    "samenvoegen-in-lus": ("{% set ns = namespace(s='a') %}{% for i in range(100) %}"
                           "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", TEKST),
    "set-verdubbelen": ("{% set s = 'ab' %}" + "{% set s = s ~ s %}" * 40, TEKST),
    "set-vermenigvuldigen": ("{% set s = 'ab' %}" + "{% set s = s * 2 %}" * 40, TEKST),
    "replace": ("{% set ns = namespace(s='a' * 1000) %}{% for i in range(10) %}"
                "{% set ns.s = ns.s.replace('a', 'aaaa') %}{% endfor %}", TEKST),
    "join": ("{{ (['x' * 100000] * 100000) | join }}", TEKST),
    "gedeelde-lijst": ("{% set ns = namespace(l='x') %}{% for i in range(60) %}"
                       "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}", TEKST),
    "macro-recursie": ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}", RECURSIE),
    "macro-boom": ("{% macro m(n) %}{% if n < 40 %}{{ m(n + 1) }}{{ m(n + 1) }}{% endif %}"
                   "{% endmacro %}{{ m(0) }}", STAPPEN),
    "include-zichzelf": ("{% include 'brieven/verzoek-ontvangst.md.j2' %}", RECURSIE),
    "uitvoer": ("{% for i in range(100000) %}{% for j in range(9) %}" + "x" * 1000
                + "{% endfor %}{% endfor %}", UITVOER),
    "set-blok": ("{% for i in range(30000) %}{% set b %}" + "y" * 1000 + "{% endset %}"
                 "{% endfor %}", UITVOER),
    "lipsum": ("{{ lipsum(10**6) }}", "breedte 100.000.000 is groter dan de grens van 10.000"),
    "batch-vullen": ("{{ [1] | batch(10**9, 0) | list | length }}", BREEDTE),
    "gedeelde-lijsten-vergelijken": (
        "{% set ns = namespace(a=[1], b=[1]) %}{% for i in range(60) %}"
        "{% set ns.a = [ns.a, ns.a] %}{% set ns.b = [ns.b, ns.b] %}{% endfor %}"
        "{{ ns.a == ns.b }}", VERGELIJKEN),
    "gedeelde-lijst-sorteren": (
        "{% set ns = namespace(a=[1]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}"
        "{% endfor %}{{ [ns.a, ns.a] | unique | list | length }}", VERGELIJKEN),
}


# The child reports its own peak: the kernel carries ru_maxrss across exec, so the figure
# os.wait4 gives for a child forked from a large test process is that process's size.
CHILD = """\
import os, sys
from avgctl.cli.app import main
code = main(sys.argv[2:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
with open(sys.argv[1], "w", encoding="ascii") as out:
    out.write(peak)
sys.stdout.flush(); sys.stderr.flush()
os._exit(code)
"""


def _run(root: Path) -> tuple[int, str, str, float, float]:
    """Run avgctl in a child process: exit code, stdout, stderr, CPU seconds, peak MB.

    CPU time rather than wall-clock time: the machine may be busy with other work, and the
    question is how much work the template could make avgctl do."""
    out, err, peak = root / "uit.txt", root / "fout.txt", root / "piek.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(peak), "verzoek", "brief", "AVG-2026-0001",
             "ontvangst", "--vandaag", "2026-06-01", "--repo", str(root)],
            stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        assert time.monotonic() - start < 120  # not hanging, however busy the machine is
    return (child.returncode, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"),
            usage.ru_utime + usage.ru_stime, int(peak.read_text(encoding="ascii")) / 1024)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("template", "reden"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_template_is_stopped(tmp_path: Path, template: str, reden: str) -> None:
    root = write_repo(tmp_path / "repo", {**BASIS, "registers/verzoeken.csv": VERZOEKEN,
                                          ONTVANGST: KOP + template + "\nMet groet\n"})
    code, out, err, seconds, peak_mb = _run(root)
    assert (code, out) == (1, ""), err
    assert err == (f"fout: sjabloon {ONTVANGST}:3 kan niet worden gemaakt: {reden}. Maak het "
                   "sjabloon eenvoudiger, of haal het weg uit templates/ om het ingebouwde "
                   "sjabloon te gebruiken.\n")
    assert seconds < 5, seconds  # in practice 0.3-1.5 s, most of it starting Python
    assert peak_mb < 200, peak_mb  # in practice about 50 MB


# --- the limits one by one, through the Python API ----------------------------------------

def _render(tmp_path: Path, template: str, limits: Limits | None = None,
            **context: object) -> str:
    write_repo(tmp_path, {"templates/t.md.j2": template})
    return render("t.md.j2", dict(context), tmp_path, limits)


def _fout(tmp_path: Path, template: str, limits: Limits | None = None) -> str:
    with pytest.raises(SjabloonFout) as info:
        _render(tmp_path, template, limits)
    return str(info.value)


def test_time_limit(tmp_path: Path) -> None:
    # 900,000 steps are within the step limit and take far longer than 10 ms anywhere.
    message = _fout(tmp_path, "a\n{% for i in range(900) %}{% for j in range(1000) %}"
                    "{% endfor %}{% endfor %}", Limits(seconds=0.01))
    assert message.startswith("sjabloon templates/t.md.j2:2 kan niet worden gemaakt: het "
                              "sjabloon loopt langer dan 0,01 seconden.")


def test_step_limit_names_the_loop_line(tmp_path: Path) -> None:
    message = _fout(tmp_path, "a\nb\n{% for i in range(100) %}\n{{ i }}\n{% endfor %}\n",
                    Limits(steps=50))
    assert message.startswith("sjabloon templates/t.md.j2:3 kan niet worden gemaakt: het "
                              "sjabloon doet meer dan 50 stappen")


@pytest.mark.parametrize(("template", "limits", "reden"), [
    ("{{ 'ab' * 6 }}", Limits(text_chars=10), "een tekst in het sjabloon wordt langer dan 10 "
     "tekens"),
    ("{% set a = 'abcdef' %}{{ a ~ 'ghijk' }}", Limits(text_chars=10),
     "een tekst in het sjabloon wordt langer dan 10 tekens"),
    ("{{ [1, 2] * 6 }}", Limits(list_items=10), "een lijst in het sjabloon wordt langer dan 10 "
     "elementen"),
    ("{{ 'x'.rjust(11) }}", Limits(width=10), "breedte 11 is groter dan de grens van 10"),
    ("{{ '%-11s' % 'x' }}", Limits(width=10), "breedte 11 is groter dan de grens van 10"),
    ("{{ range(11) | list }}", Limits(range_items=10), "range() geeft 11 getallen; de grens is "
     "10"),
    ("{{ 2 ** 11 }}", Limits(int_bits=10), "een getal in het sjabloon wordt groter dan 10 bits"),
    ("{% for i in range(3) %}{{ 'abcd' }}{% endfor %}", Limits(output_chars=10),
     "het sjabloon maakt meer dan 10 tekens tekst"),
])
def test_each_limit(tmp_path: Path, template: str, limits: Limits, reden: str) -> None:
    assert reden in _fout(tmp_path, template, limits)


def test_within_the_limits_everything_works(tmp_path: Path) -> None:
    limits = Limits(text_chars=24, list_items=4, width=8, range_items=4, int_bits=8, steps=40,
                    output_chars=200)
    template = ("{{ 'ab' * 12 }} {{ [1, 2] * 2 }} {{ 'x'.rjust(8) }}|{{ '%-8s' % 'y' }}|"
                "{{ range(4) | list }} {{ 2 ** 7 }}\n"
                "{% macro m(x) %}<{{ x }}>{% endmacro %}{% for i in range(3) %}{{ m(i) }}"
                "{% endfor %}\n")
    assert _render(tmp_path, template, limits) == (
        "abababababababababababab \\[1, 2, 1, 2\\]        x|y       |\\[0, 1, 2, 3\\] 128\n"
        "<0><1><2>")


def test_limits_count_per_rendering(tmp_path: Path) -> None:
    """The count starts again for each document: many letters in a row are all made."""
    from avgctl.render import environment

    write_repo(tmp_path, {"templates/t.md.j2": "{% for i in range(30) %}.{% endfor %}"})
    template = environment(tmp_path, Limits(steps=40)).get_template("t.md.j2")
    assert [template.render() for _ in range(5)] == ["." * 30] * 5


def test_memory_guard_as_a_last_line(tmp_path: Path) -> None:
    """Each piece within its own limit, together too much memory: MemoryError, in Dutch.
    Run in a child process because the guard limits the whole process's address space."""
    write_repo(tmp_path, {"templates/t.md.j2": (
        "a\n{% set ns = namespace(l=[]) %}{% for i in range(3000) %}"
        "{% set _ = ns.l.append('x' * 100000 ~ i) %}{% endfor %}{{ ns.l | length }}")})
    script = (
        "import sys; from pathlib import Path\n"
        "from avgctl.render import Limits, SjabloonFout, render\n"
        "try:\n"
        f"    render('t.md.j2', {{}}, Path({str(tmp_path)!r}), Limits(memory_bytes=64 * 2**20))\n"
        "except SjabloonFout as exc:\n"
        "    print(exc); sys.exit(1)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.startswith("sjabloon templates/t.md.j2:2 kan niet worden gemaakt: het "
                                    "sjabloon gebruikt te veel geheugen. Maak het sjabloon "
                                    "eenvoudiger")


def test_the_builtin_templates_render_the_example_within_the_limits() -> None:
    """The example's register, also as HTML, is far inside the limits."""
    from avgctl.store.repo import load_register
    from avgctl.verwerkingen.export import document
    from tests.conftest import PROJECT, VOORBEELD_DAG

    context = document.context(load_register(PROJECT), VOORBEELD_DAG)
    for name in ("register.md.j2", "register.html.j2"):
        assert render(name, context, PROJECT, Limits(steps=20_000, output_chars=2_000_000))
