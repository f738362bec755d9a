"""Which rules follow the clock (avgctl.rules.run.KLOK), and that they do so monotonically.

``status`` keeps the outcome of a check for a whole day and runs only the rules of KLOK
again at each moment (avgctl.store.cache). That is only right when no other rule reads the
moment, and when a rule of KLOK that says the same at the first and the last moment of a day
says it all day long.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from avgctl.rules import REGISTRY
from avgctl.rules.base import LoadRule
from avgctl.rules.run import KLOK, dag_grenzen, klokbestanden
from avgctl.store.register import Context
from avgctl.store.repo import load_register
from tests.conftest import PROJECT, VOORBEELD_DAG
from tests.test_rules import _repo_with

ZONE = ZoneInfo("Europe/Amsterdam")


@dataclasses.dataclass(frozen=True)
class _Luisterend(Context):
    """A context that notes whether the moment was read."""

    gelezen: list[str] = dataclasses.field(default_factory=list)

    def __getattribute__(self, name: str) -> Any:
        if name in ("nu", "moment"):
            object.__getattribute__(self, "gelezen").append(name)
        return object.__getattribute__(self, name)


def _registers(tmp_path: Path) -> list[Path]:
    """The example, and every rule's documented example, failing and corrected."""
    roots = [tmp_path / "voorbeeld"]
    shutil.copytree(PROJECT / "avgctl" / "voorbeeld", roots[0], symlinks=False)
    for code, rule in sorted(REGISTRY.items()):
        v = rule.voorbeeld
        roots.append(_repo_with(tmp_path / code / "fout", v.pad, v.fout, v.bijlagen))
        roots.append(_repo_with(tmp_path / code / "goed", v.goed_pad, v.goed, v.bijlagen))
    return roots


def test_only_the_rules_of_klok_read_the_moment(tmp_path: Path) -> None:
    lezers: set[str] = set()
    for root in _registers(tmp_path):
        register = load_register(root)
        for code, rule in REGISTRY.items():
            if issubclass(rule, LoadRule):
                continue
            context = _Luisterend(VOORBEELD_DAG, dt.datetime(2026, 11, 20, 10, tzinfo=ZONE))
            list(rule(register, context).check())
            if context.gelezen:
                lezers.add(code)
    assert lezers == KLOK


_LEK = """\
referentie: DL-2026-001
ontdekt_op: {ontdekt}
beschrijving: Een laptop met dossiers is gestolen.
soort: [vertrouwelijkheid]
{rest}"""
_RISICO = "risico: risico\nbesluit_motivatie: Financiële gegevens.\n"
_MELDING = "ap_meldingen:\n  - soort: volledig\n    op: {op}\n    kenmerk: M-1\n"


@pytest.mark.parametrize("ontdekt", [
    "2026-11-17T00:00:00+01:00", "2026-11-17T09:30:00+01:00", "2026-11-17T23:59:00+01:00",
    "2026-11-16T23:59:00+01:00", "2026-11-18T00:00:00+01:00", "2026-11-17T08:30:00Z",
    "2026-11-21T00:00:00+01:00", "2026-11-21T09:30:00+01:00", "2026-11-21T23:59:59+01:00",
    "2026-11-22T00:00:00+01:00", "2026-11-20T12:00:00-09:00",
])
@pytest.mark.parametrize("rest", ["", _RISICO, "risico: geen\nbesluit_motivatie: Niets.\n",
                                  _RISICO + _MELDING.format(op="2026-11-20T12:00:00+01:00"),
                                  _RISICO + _MELDING.format(op="2026-11-22T12:00:00+01:00"),
                                  _RISICO + "afgesloten_op: 2026-11-21\n"])
def test_the_clock_rules_change_at_most_once_a_day(tmp_path: Path, ontdekt: str,
                                                   rest: str) -> None:
    """At every quarter of an hour of the day, and at its first and last microsecond: once a
    rule of KLOK changes its mind, it does not change it back; the files it may change in are
    exactly those where the first and the last moment differ."""
    root = _repo_with(tmp_path, "registers/datalekken/DL-2026-001.yaml",
                      _LEK.format(ontdekt=ontdekt, rest=rest))
    register = load_register(root)
    assert register.datalekken, register.load_findings
    begin, eind = dag_grenzen(VOORBEELD_DAG, ZONE)
    momenten = [begin + dt.timedelta(minutes=15 * n) for n in range(96)] + [eind]
    verloop: dict[str, list[int]] = {code: [] for code in KLOK}
    for moment in momenten:
        context = Context(VOORBEELD_DAG, moment)
        for code in KLOK:
            verloop[code].append(len(list(REGISTRY[code](register, context).check())))
    for code, uitkomsten in verloop.items():
        wissels = sum(a != b for a, b in itertools.pairwise(uitkomsten))
        assert wissels <= 1, (code, uitkomsten)
    veranderd = any(u[0] != u[-1] for u in verloop.values())
    assert klokbestanden(register, Context(VOORBEELD_DAG), set(REGISTRY), begin, eind) == (
        ["registers/datalekken/DL-2026-001.yaml"] if veranderd else [])


def test_a_day_of_the_clock_changes(tmp_path: Path) -> None:
    """The last of 29 March 2026 (23 hours) and of 25 October 2026 (25 hours) in
    Amsterdam."""
    for dag, uren in ((dt.date(2026, 3, 29), 23), (dt.date(2026, 10, 25), 25),
                      (dt.date(2026, 6, 1), 24)):
        begin, eind = dag_grenzen(dag, ZONE)
        assert begin.astimezone(ZONE).date() == eind.astimezone(ZONE).date() == dag
        lengte = eind.astimezone(dt.UTC) - begin.astimezone(dt.UTC)
        assert lengte == dt.timedelta(hours=uren) - dt.timedelta(microseconds=1)
