"""The request rules skip work on 100,000 requests (DESIGN.md §5); they must find exactly what
the plain definition finds, request by request.

Each rule's definition is written out here as it reads in the law's terms: one request at a
time, every test, no shortcut. Hypothesis makes registers of requests whose dates, people,
statuses and advice fields sit on and around every boundary the shortcuts depend on (the day
of receipt, today, a pause that ends before it starts, references just under and over nine
characters, spaces and @ inside or around them), and the rules must give the same findings in
the same order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.models.verzoek import Verzoek
from avgctl.rules import REGISTRY
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import Bron, Context, Register
from avgctl.verzoeken.views import datumfouten, is_open, lijkt_identiteit, termijnen

VANDAAG = dt.date(2026, 6, 1)
DOC = CsvDocument(rel="registers/verzoeken.csv", text="", sha256="", header=[])

_DAGEN = st.sampled_from([VANDAAG + dt.timedelta(days=d) for d in
                          (-400, -40, -31, -30, -3, -2, -1, 0, 1, 2, 30)])
_MISSCHIEN_DAG = st.none() | _DAGEN
_REFS = st.sampled_from([
    "K-1001", "K-100123", "K-1001234", "K-10012345", "12345678", "123456789", "111222333",
    " 111222333 ", "1112.22.333", "K 1", "K@1", "k@x.nl", " K-1001 ", "K-1\t", "Jan de Vries",
    "jan", "Jan Jansen", "+31612345678", "06-12345678", "(020) 555 0100",
    "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "K-123456789012345", "\u00a0K-1",
])


@st.composite
def verzoek(draw: st.DrawFn, nummer: int) -> Verzoek:
    data: dict[str, Any] = {
        "referentie": f"AVG-2026-{nummer:04d}",
        "ontvangen": draw(_DAGEN),
        "betrokkene_ref": draw(_REFS),
        "kanaal": "email",
        "type": draw(st.sampled_from(["inzage", "wissing", "rectificatie"])),
        "status": draw(st.sampled_from(["open", "in_behandeling", "afgehandeld",
                                        "ingetrokken"])),
        "verificatie": draw(st.sampled_from(["open", "positief", "negatief"])),
    }
    for veld in ("verificatie_op", "verlengd_op", "afgehandeld_op", "gepauzeerd_van",
                 "gepauzeerd_tot", "fg_advies_op", "geanonimiseerd_op"):
        data[veld] = draw(_MISSCHIEN_DAG)
    for veld, waarden in (("fg_advies", ["wissen"]), ("fg_advies_gevolgd", ["ja", "nee"]),
                          ("fg_advies_motivatie_afwijking", ["reden"]),
                          ("verlenging_reden", ["veel dossiers"])):
        data[veld] = draw(st.none() | st.sampled_from(waarden))
    return Verzoek.model_validate(data)


@st.composite
def registers(draw: st.DrawFn) -> Register:
    aantal = draw(st.integers(min_value=0, max_value=25))
    verzoeken = [Bron(draw(verzoek(i)), DOC, (i,)) for i in range(aantal)]
    return Register(root=Path("."), verzoeken=verzoeken)


def _datums(register: Register) -> list[tuple[str, tuple[Any, ...]]]:  # AVG702
    return [(message, (*bron.path, field)) for bron in register.verzoeken
            for field, message in datumfouten(bron.model, VANDAAG)]


def _verificatie(register: Register) -> list[tuple[str, tuple[Any, ...]]]:  # AVG708
    found = []
    for bron in register.verzoeken:
        v = bron.model
        uiterlijk = termijnen(register, v).verificatie
        if v.verificatie_op is not None:
            if v.verificatie_op > uiterlijk:
                found.append((f"{v.referentie}: identiteit gecontroleerd op "
                              f"{v.verificatie_op.isoformat()}, na {uiterlijk.isoformat()}",
                              (*bron.path, "verificatie_op")))
        elif is_open(v) and v.verificatie == "open" and uiterlijk < VANDAAG:
            found.append((f"{v.referentie}: identiteit nog niet gecontroleerd; dat moest "
                          f"uiterlijk {uiterlijk.isoformat()}", (*bron.path, "verificatie")))
    return found


def _herleidbaar(register: Register) -> list[tuple[str, tuple[Any, ...]]]:  # AVG710
    return [(f"{bron.model.referentie}: betrokkene_ref lijkt {soort}",
             (*bron.path, "betrokkene_ref")) for bron in register.verzoeken
            if (soort := lijkt_identiteit(bron.model.betrokkene_ref))]


def _fg_advies(register: Register) -> list[tuple[str, tuple[Any, ...]]]:  # AVG717
    found = []
    for bron in register.verzoeken:
        v = bron.model
        velden = {"fg_advies_op": v.fg_advies_op, "fg_advies": v.fg_advies,
                  "fg_advies_gevolgd": v.fg_advies_gevolgd}
        if v.geanonimiseerd_op is not None or not any(
                (*velden.values(), v.fg_advies_motivatie_afwijking)):
            continue
        leeg = [naam for naam, waarde in velden.items() if not waarde]
        if leeg:
            gezet = next(naam for naam in (*velden, "fg_advies_motivatie_afwijking")
                         if getattr(v, naam))
            found.append((f"{v.referentie}: advies van de FG zonder "
                          + ", ".join(f"'{naam}'" for naam in leeg), (*bron.path, gezet)))
        elif v.fg_advies_gevolgd == "nee" and not v.fg_advies_motivatie_afwijking:
            found.append((f"{v.referentie}: het advies van de FG is niet gevolgd, zonder "
                          "motivatie", (*bron.path, "fg_advies_gevolgd")))
    return found


DEFINITIES = {"AVG702": _datums, "AVG708": _verificatie, "AVG710": _herleidbaar,
              "AVG717": _fg_advies}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_de_snelle_regels_vinden_wat_de_definitie_vindt(register: Register) -> None:
    context = Context(VANDAAG)
    for code, definitie in DEFINITIES.items():
        gevonden = [(p.message, p.path) for p in REGISTRY[code](register, context).check()]
        assert gevonden == definitie(register), code


def test_de_definities_worden_echt_geraakt() -> None:
    """Not a vacuous comparison: each definition finds something in a small register."""
    nul = Bron(Verzoek.model_validate({
        "referentie": "AVG-2026-0001", "ontvangen": VANDAAG - dt.timedelta(days=40),
        "betrokkene_ref": "Jan de Vries", "kanaal": "email", "type": "inzage",
        "status": "open", "verificatie": "open", "afgehandeld_op": VANDAAG
        - dt.timedelta(days=41), "fg_advies": "wissen"}), DOC, (0,))
    register = Register(root=Path("."), verzoeken=[nul])
    for code, definitie in DEFINITIES.items():
        assert definitie(register), code
        assert [(p.message, p.path) for p in REGISTRY[code](register, Context(VANDAAG))
                .check()] == definitie(register)
