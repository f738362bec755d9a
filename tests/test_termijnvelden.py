"""The scan's pydantic-free reading of a retention rule gives what the model gives.

:func:`avgctl.models.termijnvelden.termijnvelden` either declines (None: the model judges the
rule, as before) or gives exactly the fields ``Bewaartermijn.model_validate`` gives. The
default inventory scan of the example register never imports pydantic (tests/test_scan.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from avgctl.bewaartermijnen.evaluatie import rekenregel
from avgctl.models.bewaartermijn import Bewaartermijn
from avgctl.models.inventaris import StandaardBron, kolommen_van, regel_ids_van, standaard_bron
from avgctl.models.kaart import Bron
from avgctl.models.termijnvelden import OPTIONEEL, TEKST, Termijnvelden, termijnvelden

VELDEN = [f.name for f in dataclasses.fields(Termijnvelden)]


def test_the_plain_fields_are_the_models_fields() -> None:
    assert list(Bewaartermijn.model_fields) == VELDEN
    assert sorted(VELDEN) == sorted((*OPTIONEEL, *TEKST))
    leeg = Bewaartermijn.model_validate({})
    assert dataclasses.asdict(Termijnvelden()) == leeg.model_dump()
    for naam in OPTIONEEL:  # may be null; the others may not
        Bewaartermijn.model_validate({naam: None})
    for naam in TEKST:
        with pytest.raises(ValidationError):
            Bewaartermijn.model_validate({naam: None})


# Values near every edge the model has: whitespace it strips (also beyond ASCII), lengths it
# reads or refuses, event names that match the pattern or nearly, and values of other types.
SPATIE = st.sampled_from(["", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\r\n"])
TEKSTEN = st.one_of(
    st.sampled_from(["10 jaar", "4 weken", "24 uur", "direct", "onbeperkt", "Onbeperkt", "0 dag",
                     "3 eeuwen", "10  jaar", "١٠ jaar", "sluiten_dossier", "einde_boekjaar",
                     "Sluiten", "a__b", "a_", "_a", "a1_2b", "gebeurtenis", "einde_kalenderjaar",
                     "vernietigen", "x", "", "ß", "é"]),
    st.text(max_size=12),
)
WAARDEN = st.one_of(
    st.none(),
    st.builds(lambda a, t, b: a + t + b, SPATIE, TEKSTEN, SPATIE),
    st.integers(), st.booleans(), st.floats(allow_nan=False), st.binary(max_size=4),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=1),
)
SLEUTELS = st.one_of(st.sampled_from(VELDEN), st.sampled_from(["nna", "Duur", "duur ", "extra"]),
                     st.integers(0, 2))
REGELS = st.one_of(
    st.dictionaries(SLEUTELS, WAARDEN, max_size=5),
    st.dictionaries(st.sampled_from(VELDEN), st.builds(str, TEKSTEN), max_size=5),
    st.none(), st.text(max_size=5), st.lists(st.integers(), max_size=2),
)


def _model(item: Any) -> Bewaartermijn | None:
    try:
        return Bewaartermijn.model_validate(item)
    except ValidationError:
        return None


@settings(max_examples=1500, deadline=None)
@given(REGELS)
def test_a_rule_the_quick_read_accepts_is_the_models_rule(item: Any) -> None:
    snel = termijnvelden(item)
    if snel is None:
        return  # the model judges it, as it always did
    model = _model(item)
    assert model is not None, item
    assert dataclasses.asdict(snel) == model.model_dump(), item
    assert rekenregel(snel) == rekenregel(model)


@pytest.mark.parametrize("item", [
    {"duur": "10 jaar", "na": "sluiten_dossier"},
    {"duur": "onbeperkt", "motivatie": "archiefwet", "bron": None},
    {"criterium": "zolang het abonnement loopt", "vanaf": "einde_boekjaar",
     "daarna": "anonimiseren", "omschrijving": "x", "na_en": "y", "criterium_en": "z"},
    {},
])
def test_a_plain_rule_is_read_without_the_model(item: dict[str, Any]) -> None:
    snel = termijnvelden(item)
    model = _model(item)
    assert snel is not None and model is not None
    assert dataclasses.asdict(snel) == model.model_dump()


@pytest.mark.parametrize("item", [
    {"duur": " 10 jaar"}, {"na": "sluiten_dossier\n"}, {"duur": "10 eeuwen"}, {"na": "Sluiten"},
    {"duur": 10}, {"vanaf": None}, {"nna": "x"}, {1: "x"}, ["duur"], None, {"duur": "0 dag"},
    {"bron": ["a"]}, {"omschrijving": "\u00a0tekst"},
])
def test_anything_else_goes_to_the_model(item: Any) -> None:
    assert termijnvelden(item) is None


# The default inventory as the scan builds it: the fields the map's Bron has for it. (The
# map strips its text; the default inventory keeps the path it was given, which is the file
# it reads, and only asks whether there is one.)
NAMEN = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,15}", fullmatch=True)
PADEN = st.text(min_size=1, max_size=20).filter(lambda p: p == p.strip())


@settings(max_examples=200, deadline=None)
@given(NAMEN, PADEN)
def test_the_default_inventory_is_the_maps_source_for_it(naam: str, bestand: str) -> None:
    plain = standaard_bron(naam, bestand)
    bron = Bron(naam=naam, bestand=bestand, id="id", bewaartermijn_kolom="bewaartermijn",
                gebeurtenis_op="gebeurtenis_op", blokkade=["blokkade"])
    velden = {f.name: getattr(plain, f.name) for f in dataclasses.fields(StandaardBron)}
    assert set(velden) == set(Bron.model_fields)
    assert {k: list(v) if isinstance(v, tuple) else v for k, v in velden.items()} == \
        bron.model_dump()
    assert plain.kolommen == bron.kolommen == kolommen_van(bron)
    assert plain.regel_ids == bron.regel_ids == regel_ids_van(bron) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=4))
def test_every_name_the_scan_gives_a_file_is_a_valid_source_name(stammen: list[str]) -> None:
    from avgctl.commands.scan import _naam

    bezet: list[str] = []
    for stam in stammen:
        naam = _naam(stam.lower(), bezet)
        bezet.append(naam)
        Bron(naam=naam, bestand="x.csv", bewaartermijn_kolom="bewaartermijn")  # no error
    assert len(set(bezet)) == len(bezet)
