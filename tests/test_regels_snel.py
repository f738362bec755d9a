"""The request rules skip work on 100,000 requests (DESIGN.md §5); they must find exactly what
they found when they looked at one request at a time (tests/_verzoekregels_eerder.py).

Hypothesis makes registers of requests whose dates, people, statuses, decisions and advice
fields sit on and around every boundary the shortcuts depend on (the day of receipt, today,
three months, a pause that ends before it starts, references just under and over nine
characters, spaces and @ inside or around them, a reference used twice), and every rule must
give the same findings in the same order as its version per request.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.models import Config
from avgctl.models.verzoek import Verzoek
from avgctl.rules import REGISTRY
from avgctl.rules.base import Rule
from avgctl.rules.verzoeken import _VELDEN, _kolommen, _VerzoekRule
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import Bron, Context, Register
from avgctl.store.yamlfile import YamlDocument
from tests._verzoekregels_eerder import PER_VERZOEK

VANDAAG = dt.date(2026, 6, 1)
DOC = CsvDocument(rel="registers/verzoeken.csv", text="", sha256="", header=[])

_DAGEN = st.sampled_from([VANDAAG + dt.timedelta(days=d) for d in
                          (-400, -120, -92, -91, -40, -31, -30, -3, -2, -1, 0, 1, 2, 30)])
_MISSCHIEN_DAG = st.none() | _DAGEN
_REFS = st.sampled_from([
    "K-1001", "K-100123", "K-1001234", "K-10012345", "12345678", "123456789", "111222333",
    " 111222333 ", "1112.22.333", "K 1", "K@1", "k@x.nl", " K-1001 ", "K-1\t", "Jan de Vries",
    "jan", "Jan Jansen", "+31612345678", "06-12345678", "(020) 555 0100",
    "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "K-123456789012345", "\u00a0K-1",
])


def _een_van(*waarden: object) -> st.SearchStrategy[Any]:
    return st.none() | st.sampled_from(waarden)


@st.composite
def verzoek(draw: st.DrawFn, nummer: int) -> Verzoek:
    data: dict[str, Any] = {
        "referentie": f"AVG-2026-{draw(st.integers(0, nummer)):04d}",
        "ontvangen": draw(_DAGEN),
        "betrokkene_ref": draw(_REFS),
        "verzoeker": draw(st.sampled_from(["betrokkene", "advocaat", "gemachtigde"])),
        "kanaal": "email",
        "type": draw(st.sampled_from(["inzage", "wissing", "rectificatie", "bezwaar"])),
        "status": draw(st.sampled_from(["open", "in_behandeling", "afgehandeld",
                                        "ingetrokken"])),
        "verificatie": draw(st.sampled_from(["open", "positief", "negatief"])),
        "besluit": draw(_een_van("toegewezen", "afgewezen", "gedeeltelijk_toegewezen",
                                 "niet_in_behandeling")),
        "afwijzingsgrond": draw(_een_van("overig", "herhaald_verzoek",
                                         "identiteit_niet_vastgesteld")),
        "machtiging": draw(_een_van("volmacht")),
        "ontvangers_geinformeerd": draw(_een_van("nvt", VANDAAG)),
        "verwerkingen": draw(st.lists(st.sampled_from(["20.1.1", "30.1.1"]), max_size=2)),
    }
    for veld in ("verificatie_op", "verlengd_op", "afgehandeld_op", "gepauzeerd_van",
                 "gepauzeerd_tot", "fg_advies_op", "geanonimiseerd_op"):
        data[veld] = draw(_MISSCHIEN_DAG)
    for veld, waarden in (("fg_advies", ["wissen"]), ("fg_advies_gevolgd", ["ja", "nee"]),
                          ("fg_advies_motivatie_afwijking", ["reden"]),
                          ("verlenging_reden", ["veel dossiers"]), ("pauze_reden", ["wacht"]),
                          ("afwijzing_toelichting", ["uitleg"])):
        data[veld] = draw(_een_van(*waarden))
    return Verzoek.model_validate(data)


@st.composite
def registers(draw: st.DrawFn) -> Register:
    aantal = draw(st.integers(min_value=0, max_value=25))
    verzoeken = [Bron(draw(verzoek(i)), DOC, (i,)) for i in range(aantal)]
    # Half of them with own, shorter deadlines for erasure (AVG706 compares the two).
    config = Bron(BELEID, YamlDocument("avgctl.yaml", "", {})) if draw(st.booleans()) else None
    return Register(root=Path("."), config=config, verzoeken=verzoeken)


BELEID = Config.model_validate({"organisatie": {"naam": "Kantoor"}, "beleid": {"verzoeken": {
    "per_type": {"wissing": {"termijn": "2 weken", "verlenging": "2 weken"}}}}})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_de_snelle_regels_vinden_wat_de_regels_per_verzoek_vinden(register: Register) -> None:
    context = Context(VANDAAG)
    for code, per_verzoek in PER_VERZOEK.items():
        assert _gevonden(REGISTRY[code], register, context) == _gevonden(
            per_verzoek, register, context), code


def _gevonden(rule: type[Rule], register: Register, context: Context) -> list[tuple[Any, ...]]:
    return [(p.code, p.message, p.file, p.path, p.hint, p.key, p.line, p.column, p.severity)
            for p in rule(register, context).check()]


def test_elke_regel_over_verzoeken_wordt_vergeleken() -> None:
    assert set(PER_VERZOEK) == {code for code, rule in REGISTRY.items()
                                if issubclass(rule, _VerzoekRule)}
    assert set(_VELDEN) <= set(Verzoek.model_fields)


def test_de_vergelijking_raakt_elke_regel() -> None:
    """Not a vacuous comparison: the registers Hypothesis makes give every rule findings."""
    geraakt: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(registers())
    def verzamel(register: Register) -> None:
        for code, per_verzoek in PER_VERZOEK.items():
            if _gevonden(per_verzoek, register, Context(VANDAAG)):
                geraakt.add(code)

    verzamel()
    assert geraakt == set(PER_VERZOEK)


def test_de_velden_horen_bij_hun_register() -> None:
    """The fields read once are kept for that list of requests only."""
    register = Register(root=Path("."), verzoeken=[_bron(0, "K-1")])
    assert _kolommen(register)["betrokkene_ref"] == ["K-1"]
    register.verzoeken = [_bron(0, "K-2")]
    assert _kolommen(register)["betrokkene_ref"] == ["K-2"]
    register.verzoeken.append(_bron(1, "K-3"))
    assert _kolommen(register)["betrokkene_ref"] == ["K-2", "K-3"]


def _bron(nummer: int, persoon: str) -> Bron[Verzoek]:
    return Bron(Verzoek.model_validate({
        "referentie": f"AVG-2026-{nummer:04d}", "ontvangen": VANDAAG, "betrokkene_ref": persoon,
        "kanaal": "email", "type": "inzage"}), DOC, (nummer,))
