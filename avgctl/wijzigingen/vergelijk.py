"""The comparison of two register snapshots: one typed record per change, with its sentence.

A pull request on a compliance repository changes YAML and CSV; the reviewer needs to know what
that means for the processing (art. 30 AVG): a new activity and its legal basis, a processor
outside the EEA and its safeguard (chapter V AVG), a shorter retention period (art. 5(1)(e)).
``vergelijk`` gives exactly that, per record, in a fixed order, so that the same two snapshots
always give the same list. The request and breach registers are summarised in counts only: a
review comment is no place for what a data subject asked, or whose data leaked.

A field this module does not know by name (a field added later) is still compared: it gets a
plain sentence with its name, its old and its new value. Nothing that changed is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from avgctl.bewaartermijnen.tekst import beschrijving
from avgctl.models import Bewaartermijn, Config, Partij, Verwerking
from avgctl.models.datalek import Datalek
from avgctl.models.duur import parse_duur
from avgctl.models.partij import Overeenkomst
from avgctl.models.verwerking import Gegeven
from avgctl.models.verzoek import Verzoek
from avgctl.store.landen import landen
from avgctl.store.register import Register
from avgctl.wijzigingen import woorden as w

Registernaam = Literal["verwerkingen", "partijen", "bewaartermijnen", "verzoeken", "datalekken",
                       "organisatie"]
# The registers in the order a review reads them.
REGISTERS: Final[tuple[Registernaam, ...]] = (
    "verwerkingen", "partijen", "bewaartermijnen", "verzoeken", "datalekken", "organisatie")


@dataclass(frozen=True)
class Wijziging:
    """One change between two snapshots.

    ``register`` and ``soort`` say what kind of change it is (see the README for the list);
    ``id`` is the record it is about (an activity's number, a party's or a retention rule's
    id, ``verzoeken`` or ``datalekken`` for the counts, a dotted setting in avgctl.yaml);
    ``oud`` and ``nieuw`` are the values before and after in words (None: absent), whole;
    ``zin`` is the sentence for a reviewer, in Dutch.
    """

    register: Registernaam
    soort: str
    id: str
    zin: str
    oud: str | None = None
    nieuw: str | None = None


def vergelijk(oud: Register, nieuw: Register) -> list[Wijziging]:
    """Every change from ``oud`` to ``nieuw``, grouped by register in the order of REGISTERS."""
    changes: list[Wijziging] = []
    changes += _verwerkingen(oud, nieuw)
    changes += _partijen(oud, nieuw)
    changes += _bewaartermijnen(oud, nieuw)
    changes += _verzoeken([b.model for b in oud.verzoeken], [b.model for b in nieuw.verzoeken])
    changes += _datalekken([b.model for b in oud.datalekken],
                           [b.model for b in nieuw.datalekken])
    changes += _organisatie(oud.config.model if oud.config else None,
                            nieuw.config.model if nieuw.config else None)
    # One line each: a name or a text with a line break stays one bullet, one log line.
    return [c if " ".join(c.zin.split()) == c.zin else replace(c, zin=" ".join(c.zin.split()))
            for c in changes]


# --- values in words ------------------------------------------------------------------------

def _waarde(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_waarde(v) for v in value)
    return " ".join(str(value).split())


def _citaat(value: object) -> str:
    if isinstance(value, bool | int | float):
        return _waarde(value)
    return w.geciteerd(_waarde(value))


def _opt(value: object) -> str | None:
    return None if value is None else _waarde(value)


def _lijst_verschil(oud: Iterable[str], nieuw: Iterable[str]) -> tuple[list[str], list[str]]:
    old, new = list(dict.fromkeys(oud)), list(dict.fromkeys(nieuw))
    return [v for v in new if v not in old], [v for v in old if v not in new]


def _toegevoegd_verwijderd(bij: list[str], af: list[str]) -> str:
    parts = []
    if bij:
        parts.append(f"{w.opsomming(bij)} toegevoegd")
    if af:
        parts.append(f"{w.opsomming(af)} verwijderd")
    return "; ".join(parts)


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _velden(register: Registernaam, record_id: str | Callable[[str], str],
            onderwerp: Callable[[str], str],
            oud: Mapping[str, Any], nieuw: Mapping[str, Any], overslaan: Iterable[str] = (),
            prefix: str = "") -> list[Wijziging]:
    """Plain sentences for every field that differs and is not in ``overslaan``.

    ``onderwerp`` turns a dotted field path into the subject of the sentence ("eigenaar van
    40.3.1"). Nested objects are compared field by field, lists of words item by item.
    """
    skip = set(overslaan)
    changes = []
    for key in dict.fromkeys([*nieuw, *oud]):
        if key in skip:
            continue
        pad = f"{prefix}{key}"
        a, b = oud.get(key), nieuw.get(key)
        if a == b:
            continue
        subject = onderwerp(pad)
        rid = record_id(pad) if callable(record_id) else record_id
        if isinstance(a, dict) and isinstance(b, dict):
            changes += _velden(register, record_id, onderwerp, a, b, prefix=f"{pad}.")
            continue
        if isinstance(a, list | None) and isinstance(b, list | None) and (a or b) \
                and all(_scalar(v) for v in [*(a or []), *(b or [])]) \
                and (isinstance(a, list) or isinstance(b, list)):
            bij, af = _lijst_verschil([_waarde(v) for v in a or []],
                                      [_waarde(v) for v in b or []])
            zin = _toegevoegd_verwijderd(bij, af) or "volgorde gewijzigd"
            changes.append(Wijziging(register, "veld", rid, f"{subject}: {zin}",
                                     _opt(a), _opt(b)))
            continue
        if not (_scalar(a) and _scalar(b)):
            if a is None:
                zin = f"{subject} toegevoegd"
            elif b is None:
                zin = f"{subject} verwijderd"
            else:
                zin = f"{subject} gewijzigd"
            changes.append(Wijziging(register, "veld", rid, zin,
                                     None if a is None else "…", None if b is None else "…"))
            continue
        if a is None:
            zin = f"{subject} ingevuld: {_citaat(b)}"
        elif b is None:
            zin = f"{subject} verwijderd (was {_citaat(a)})"
        elif len(_waarde(a)) + len(_waarde(b)) > w.MAX_TEKST:
            zin = f"{subject} gewijzigd in {_citaat(b)}"
        else:
            zin = f"{subject} gewijzigd van {_citaat(a)} naar {_citaat(b)}"
        changes.append(Wijziging(register, "veld", rid, zin, _opt(a), _opt(b)))
    return changes


def _van(wat: str, voorzetsel: str = "van") -> Callable[[str], str]:
    """The subject of a plain sentence: '<field> van <wat>'."""
    return lambda pad: f"{w.label(pad)} {voorzetsel} {wat}"


def _dump(model: Any) -> dict[str, Any]:
    if model is None:
        return {}
    return dict(model.model_dump(mode="json"))


# --- processing activities -------------------------------------------------------------------

def _nummer(verwerking_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", verwerking_id))


def _per_id(register: Register) -> dict[str, Verwerking]:
    found: dict[str, Verwerking] = {}
    for bron in register.verwerkingen:
        found.setdefault(bron.model.id, bron.model)  # a duplicate id is check's AVG finding
    return found


def _slugs(register: Register) -> dict[str, str]:
    """Per activity the part of its file name after the number: '40.3.1-vonnis.yaml' 'vonnis'."""
    found: dict[str, str] = {}
    for bron in register.verwerkingen:
        naam = bron.file.rsplit("/", 1)[-1]
        if naam.startswith(f"{bron.model.id}-"):
            found.setdefault(bron.model.id, naam.removeprefix(f"{bron.model.id}-"))
    return found


def _partijnaam(register: Register, partij_id: str) -> str:
    bron = register.partij(partij_id)
    return bron.model.naam if bron is not None else partij_id


def _mechanisme(partij: Partij) -> str:
    """How a transfer to the party is allowed: 'met modelcontractbepalingen'."""
    if partij.doorgifte is None:
        return w.GEEN_MECHANISME
    return w.MECHANISME.get(partij.doorgifte.mechanisme, partij.doorgifte.mechanisme)


def _buiten_eer(partij: Partij) -> str:
    """', buiten de EER (US) met modelcontractbepalingen' for a party outside the EEA, else ''."""
    if partij.land in landen().eer:
        return ""
    return f", buiten de EER ({partij.land}) {_mechanisme(partij)}"


def _verwerkingen(oud: Register, nieuw: Register) -> list[Wijziging]:
    old, new = _per_id(oud), _per_id(nieuw)
    oud_slug, nieuw_slug = _slugs(oud), _slugs(nieuw)
    weg = [i for i in old if i not in new]
    erbij = [i for i in new if i not in old]
    # The same name, or the same file name after the number, under another number: renumbered
    # in the process model, not ended and begun.
    omgenummerd: dict[str, str] = {}
    for kenmerk in (lambda reg, i: reg[i].naam.casefold(),
                    lambda reg, i: (oud_slug if reg is old else nieuw_slug).get(i)):
        for nieuw_id in erbij:
            sleutel = kenmerk(new, nieuw_id)
            if sleutel is None or nieuw_id in omgenummerd.values():
                continue
            kandidaten = [i for i in weg if i not in omgenummerd and kenmerk(old, i) == sleutel]
            if len(kandidaten) == 1 and sum(kenmerk(new, j) == sleutel for j in erbij) == 1:
                omgenummerd[kandidaten[0]] = nieuw_id
    paren = {nieuw_id: oud_id for oud_id, nieuw_id in omgenummerd.items()}
    changes: list[tuple[tuple[int, ...], int, list[Wijziging]]] = []
    for oud_id in weg:
        if oud_id in omgenummerd:
            continue
        v = old[oud_id]
        changes.append((_nummer(oud_id), 0, [Wijziging(
            "verwerkingen", "beeindigd", oud_id,
            f"verwerking {oud_id} {w.geciteerd(v.naam)} beëindigd (uit het register gehaald)",
            v.naam, None)]))
    for verwerking_id, v in new.items():
        if verwerking_id in paren:
            vorig = old[paren[verwerking_id]]
            eerst = Wijziging("verwerkingen", "omgenummerd", verwerking_id,
                              f"verwerking {w.geciteerd(v.naam)} omgenummerd van "
                              f"{paren[verwerking_id]} naar {verwerking_id}",
                              paren[verwerking_id], verwerking_id)
            changes.append((_nummer(verwerking_id), 1,
                            [eerst, *_verwerking(oud, nieuw, vorig, v)]))
        elif verwerking_id not in old:
            changes.append((_nummer(verwerking_id), 1, [_nieuwe_verwerking(nieuw, v)]))
        else:
            found = _verwerking(oud, nieuw, old[verwerking_id], v)
            if found:
                changes.append((_nummer(verwerking_id), 1, found))
    changes.sort(key=lambda item: (item[0], item[1]))
    return [change for _, _, found in changes for change in found]


def _nieuwe_verwerking(register: Register, v: Verwerking) -> Wijziging:
    zin = f"nieuwe verwerking {v.id} {w.geciteerd(v.naam)} "
    zin += f"op grond van {w.grondslag(v.grondslag)}" if v.grondslag else "zonder grondslag"
    extra = []
    if v.bijzondere_gegevens:
        extra.append("met bijzondere persoonsgegevens ("
                     + w.opsomming([w.woord(b.categorie) for b in v.bijzondere_gegevens]) + ")")
    if v.strafrechtelijke_gegevens is not None:
        extra.append("met strafrechtelijke gegevens")
    buiten = [p for pid in _partijen_van(v) if (bron := register.partij(pid)) is not None
              and _buiten_eer(p := bron.model)]
    if buiten:
        extra.append("met doorgifte buiten de EER aan " + w.opsomming(
            [f"{p.naam} ({p.land})" for p in buiten]))
    if v.dpia is not None and v.dpia.nodig:
        extra.append("DPIA nodig" + (f", uitgevoerd op {v.dpia.uitgevoerd.isoformat()}"
                                     if v.dpia.uitgevoerd else ", nog niet uitgevoerd"))
    if extra:
        zin += ", " + ", ".join(extra)
    return Wijziging("verwerkingen", "nieuw", v.id, zin, None, v.naam)


def _verwerkers(v: Verwerking) -> list[str]:
    return list(dict.fromkeys(p for g in v.gegevens for p in g.verwerkers))


def _ontvangers(v: Verwerking) -> list[str]:
    return list(dict.fromkeys([*(v.ontvangers or []),
                               *(p for g in v.gegevens for p in g.ontvangers or [])]))


def _partijen_van(v: Verwerking) -> list[str]:
    return list(dict.fromkeys([*_verwerkers(v), *_ontvangers(v)]))


def _gegevens(v: Verwerking) -> dict[str, Gegeven]:
    """The data types by name, with the data subject where one name occurs more than once."""
    found: dict[str, Gegeven] = {}
    for g in v.gegevens:
        key = w.geciteerd(g.type)
        if key in found or any(x.type == g.type and x is not g for x in v.gegevens):
            key = f"{key} ({g.betrokkene})" if g.betrokkene else key
        n, base = 2, key
        while key in found:
            key, n = f"{base} ({n})", n + 1
        found[key] = g
    return found


# Fields compared on their own below; every other field by _velden.
_VERWERKING_EIGEN = {"id", "naam", "doel", "grondslag", "betrokkenen", "gegevens", "ontvangers",
                     "bijzondere_gegevens", "strafrechtelijke_gegevens",
                     "geautomatiseerde_besluitvorming", "dpia", "dpia_criteria", "beveiliging",
                     "bewaartermijn"}
_GEGEVEN_EIGEN = {"type", "betrokkene", "grondslag", "verwerkers", "ontvangers", "bewaartermijn"}


def _verwerking(oud_reg: Register, nieuw_reg: Register, a: Verwerking,
                b: Verwerking) -> list[Wijziging]:
    vid = b.id
    changes: list[Wijziging] = []

    def add(soort: str, zin: str, oud: str | None, nieuw: str | None) -> None:
        changes.append(Wijziging("verwerkingen", soort, vid, zin, oud, nieuw))

    if a.naam != b.naam:
        add("hernoemd", f"verwerking {vid} hernoemd van {w.geciteerd(a.naam)} naar "
            f"{w.geciteerd(b.naam)}", a.naam, b.naam)
    if a.doel != b.doel:
        if b.doel is None:
            add("doel", f"doel van {vid} verwijderd", a.doel, None)
        else:
            add("doel", f"doel van {vid} {'gewijzigd in' if a.doel else 'ingevuld:'} "
                f"{w.geciteerd(b.doel)}", a.doel, b.doel)
    if a.grondslag != b.grondslag:
        if a.grondslag is None:
            zin = f"grondslag van {vid} ingevuld: {w.grondslag(b.grondslag)}"
        elif b.grondslag is None:
            zin = f"grondslag van {vid} verwijderd (was {w.grondslag(a.grondslag)})"
        else:
            zin = (f"grondslag van {vid} gewijzigd van {w.grondslag(a.grondslag)} naar "
                   f"{w.grondslag(b.grondslag)}")
        add("grondslag", zin, a.grondslag, b.grondslag)
    bij, af = _lijst_verschil(a.betrokkenen, b.betrokkenen)
    if bij or af:
        add("betrokkenen", f"betrokkenen van {vid}: {_toegevoegd_verwijderd(bij, af)}",
            _opt(a.betrokkenen), _opt(b.betrokkenen))
    changes += _gegevens_wijzigingen(vid, a, b)
    for soort, van, functie in (("verwerkers", _verwerkers, "verwerker"),
                                ("ontvangers", _ontvangers, "ontvanger")):
        bij, af = _lijst_verschil(van(a), van(b))
        for pid in bij:
            bron = nieuw_reg.partij(pid)
            buiten = _buiten_eer(bron.model) if bron is not None else ""
            werkwoord = "ingeschakeld voor" if functie == "verwerker" else "toegevoegd aan"
            add(soort, f"{functie} {_partijnaam(nieuw_reg, pid)} {werkwoord} {vid}{buiten}",
                None, pid)
        for pid in af:
            werkwoord = "niet meer ingeschakeld voor" if functie == "verwerker" else \
                "verwijderd uit"
            add(soort, f"{functie} {_partijnaam(oud_reg, pid)} {werkwoord} {vid}", pid, None)
    changes += _bijzonder(vid, a, b)
    if a.strafrechtelijke_gegevens != b.strafrechtelijke_gegevens:
        if a.strafrechtelijke_gegevens is None:
            add("strafrechtelijke_gegevens", f"strafrechtelijke gegevens toegevoegd aan {vid}",
                None, "ja")
        elif b.strafrechtelijke_gegevens is None:
            add("strafrechtelijke_gegevens", f"strafrechtelijke gegevens verwijderd uit {vid}",
                "ja", None)
        else:
            changes += _velden("verwerkingen", vid, lambda pad: f"{w.label(pad)} van {vid}",
                               _dump(a.strafrechtelijke_gegevens),
                               _dump(b.strafrechtelijke_gegevens),
                               prefix="strafrechtelijke_gegevens.")
    if a.geautomatiseerde_besluitvorming != b.geautomatiseerde_besluitvorming:
        old_b, new_b = a.geautomatiseerde_besluitvorming, b.geautomatiseerde_besluitvorming
        if old_b is None and new_b is not None:
            add("besluitvorming", f"geautomatiseerde besluitvorming toegevoegd aan {vid}: "
                f"{w.geciteerd(new_b.beschrijving)}", None, new_b.beschrijving)
        elif new_b is None and old_b is not None:
            add("besluitvorming", f"geautomatiseerde besluitvorming verwijderd uit {vid}",
                old_b.beschrijving, None)
        else:
            changes += _velden("verwerkingen", vid, lambda pad: f"{w.label(pad)} van {vid}",
                               _dump(old_b), _dump(new_b),
                               prefix="geautomatiseerde_besluitvorming.")
    changes += _dpia(vid, a, b)
    bij, af = _lijst_verschil(a.dpia_criteria, b.dpia_criteria)
    if bij or af:
        add("dpia_criteria", f"DPIA-criteria van {vid}: " + _toegevoegd_verwijderd(
            [w.criterium(c) for c in bij], [w.criterium(c) for c in af]),
            _opt(a.dpia_criteria), _opt(b.dpia_criteria))
    bij, af = _lijst_verschil(a.beveiliging, b.beveiliging)
    if bij or af:
        add("beveiliging", f"beveiligingsmaatregelen van {vid}: "
            + _toegevoegd_verwijderd([w.woord(m) for m in bij], [w.woord(m) for m in af]),
            _opt(a.beveiliging), _opt(b.beveiliging))
    if a.bewaartermijn != b.bewaartermijn:
        add("bewaartermijn", _termijnzin(f"bewaartermijn van {vid}", a.bewaartermijn,
                                         b.bewaartermijn), a.bewaartermijn, b.bewaartermijn)
    changes += _velden("verwerkingen", vid, lambda pad: f"{w.label(pad)} van {vid}",
                       _dump(a), _dump(b), _VERWERKING_EIGEN)
    return changes


def _termijnzin(onderwerp: str, a: str | None, b: str | None) -> str:
    if a is None:
        return f"{onderwerp} ingevuld: {b}"
    if b is None:
        return f"{onderwerp} verwijderd (was {a})"
    return f"{onderwerp} gewijzigd van {a} naar {b}"


def _gegevens_wijzigingen(vid: str, a: Verwerking, b: Verwerking) -> list[Wijziging]:
    old, new = _gegevens(a), _gegevens(b)
    changes = []
    for key in old:
        if key not in new:
            changes.append(Wijziging("verwerkingen", "gegevens", vid,
                                     f"gegevenstype {key} verwijderd uit {vid}", old[key].type,
                                     None))
    for key, g in new.items():
        if key not in old:
            changes.append(Wijziging("verwerkingen", "gegevens", vid,
                                     f"gegevenstype {key} toegevoegd aan {vid}", None, g.type))
            continue
        f = old[key]
        wat = f"{key} in {vid}"
        if f.grondslag != g.grondslag:
            if f.grondslag is None:
                zin = f"{wat} heeft nu een eigen grondslag: {w.grondslag(g.grondslag)}"
            elif g.grondslag is None:
                zin = (f"{wat} heeft geen eigen grondslag meer (was "
                       f"{w.grondslag(f.grondslag)}): die van de verwerking geldt")
            else:
                zin = (f"grondslag van {wat} gewijzigd van {w.grondslag(f.grondslag)} naar "
                       f"{w.grondslag(g.grondslag)}")
            changes.append(Wijziging("verwerkingen", "gegevens_grondslag", vid, zin,
                                     f.grondslag, g.grondslag))
        if f.betrokkene != g.betrokkene:
            changes.append(Wijziging("verwerkingen", "gegevens", vid, _termijnzin(
                f"betrokkene van {wat}", f.betrokkene, g.betrokkene), f.betrokkene,
                g.betrokkene))
        if f.bewaartermijn != g.bewaartermijn:
            changes.append(Wijziging("verwerkingen", "bewaartermijn", vid, _termijnzin(
                f"bewaartermijn van {wat}", f.bewaartermijn, g.bewaartermijn),
                f.bewaartermijn, g.bewaartermijn))
        changes += _velden("verwerkingen", vid, _van(wat),
                           _dump(f), _dump(g), _GEGEVEN_EIGEN)
    return changes


def _uitzondering(letter: str | None) -> str:
    return f"art. 9 lid 2 sub {letter} AVG" if letter else "zonder uitzondering"


def _bijzonder(vid: str, a: Verwerking, b: Verwerking) -> list[Wijziging]:
    old = {x.categorie: x for x in a.bijzondere_gegevens}
    new = {x.categorie: x for x in b.bijzondere_gegevens}
    changes = []
    for cat in old:
        if cat not in new:
            changes.append(Wijziging("verwerkingen", "bijzondere_gegevens", vid,
                                     f"bijzonder persoonsgegeven {w.woord(cat)} verwijderd uit "
                                     f"{vid}", cat, None))
    for cat, x in new.items():
        if cat not in old:
            changes.append(Wijziging("verwerkingen", "bijzondere_gegevens", vid,
                                     f"bijzonder persoonsgegeven {w.woord(cat)} "
                                     f"({_uitzondering(x.uitzondering)}) toegevoegd aan {vid}",
                                     None, cat))
        elif old[cat] != x:
            y = old[cat]
            if y.uitzondering != x.uitzondering:
                changes.append(Wijziging(
                    "verwerkingen", "bijzondere_gegevens", vid,
                    f"uitzondering voor {w.woord(cat)} in {vid} gewijzigd van "
                    f"{_uitzondering(y.uitzondering)} naar {_uitzondering(x.uitzondering)}",
                    y.uitzondering, x.uitzondering))
            changes += _velden("verwerkingen", vid, _van(f"{w.woord(cat)} in {vid}", "bij"),
                               _dump(y), _dump(x), {"categorie", "uitzondering"})
    return changes


def _dpia(vid: str, a: Verwerking, b: Verwerking) -> list[Wijziging]:
    old, new = a.dpia, b.dpia
    if old == new:
        return []
    changes = []
    if new is None:
        return [Wijziging("verwerkingen", "dpia_besluit", vid,
                          f"DPIA-besluit van {vid} verwijderd", "ja" if old and old.nodig else
                          "nee", None)]
    if old is None or old.nodig != new.nodig:
        if old is None:
            besluit = "DPIA nodig" if new.nodig else "geen DPIA nodig"
            zin = f"DPIA-besluit van {vid} vastgelegd: {besluit}"
        elif new.nodig:
            zin = f"DPIA voor {vid} nu nodig (was niet nodig)"
        else:
            zin = f"DPIA voor {vid} niet meer nodig (was nodig)"
        if new.motivatie and not new.nodig:
            zin += f": {w.geciteerd(new.motivatie)}"
        changes.append(Wijziging("verwerkingen", "dpia_besluit", vid, zin,
                                 None if old is None else _waarde(old.nodig),
                                 _waarde(new.nodig)))
    vorig = old.uitgevoerd if old is not None else None
    if new.uitgevoerd != vorig:
        if new.uitgevoerd is None:
            zin = f"uitvoeringsdatum van de DPIA voor {vid} verwijderd (was {vorig})"
        else:
            zin = f"DPIA voor {vid} {'opnieuw ' if vorig else ''}uitgevoerd op " \
                  f"{new.uitgevoerd.isoformat()}"
            if new.kenmerk:
                zin += f" (kenmerk {w.tekst(new.kenmerk)})"
            if vorig:
                zin += f", vorige op {vorig.isoformat()}"
        changes.append(Wijziging("verwerkingen", "dpia_uitgevoerd", vid, zin,
                                 _opt(vorig and vorig.isoformat()),
                                 _opt(new.uitgevoerd and new.uitgevoerd.isoformat())))
    skip = {"nodig", "uitgevoerd"}
    if new.uitgevoerd != vorig:
        skip.add("kenmerk")  # named in the sentence above
    if old is None or old.nodig != new.nodig:
        skip.add("motivatie")
    changes += _velden("verwerkingen", vid, lambda pad: f"{w.label(pad)} van {vid}",
                       _dump(old), _dump(new), skip, prefix="dpia.")
    return changes


# --- parties and agreements ------------------------------------------------------------------

def _partij_per_id(register: Register) -> dict[str, Partij]:
    found: dict[str, Partij] = {}
    for bron in register.partijen:
        found.setdefault(bron.model.id, bron.model)
    return found


_PARTIJ_EIGEN = {"id", "naam", "relatie", "land", "via", "overeenkomst", "doorgifte"}


def _partijen(oud: Register, nieuw: Register) -> list[Wijziging]:
    old, new = _partij_per_id(oud), _partij_per_id(nieuw)
    changes = []
    for pid in sorted({*old, *new}):
        a, b = old.get(pid), new.get(pid)
        if a == b:
            continue
        if b is None:
            assert a is not None
            changes.append(Wijziging("partijen", "verwijderd", pid,
                                     f"{w.relatie(a.relatie)} {a.naam} verwijderd", a.naam, None))
        elif a is None:
            changes.append(_nieuwe_partij(nieuw, b))
        else:
            changes += _partij(nieuw, a, b)
    return changes


def _nieuwe_partij(register: Register, p: Partij) -> Wijziging:
    zin = f"{w.relatie(p.relatie)} {p.naam} toegevoegd"
    if p.via:
        zin += f" (via {_partijnaam(register, p.via)})"
    zin += _buiten_eer(p)
    if p.overeenkomst is not None:
        zin += f", {_overeenkomst_tekst(p)}"
    return Wijziging("partijen", "nieuw", p.id, zin, None, p.naam)


def _overeenkomst_tekst(p: Partij) -> str:
    assert p.overeenkomst is not None
    return f"{w.overeenkomst(p.overeenkomst.soort)}{_ondertekening(p.overeenkomst, ' ')}"


def _ondertekening(o: Overeenkomst, eerst: str = ", ") -> str:
    """', getekend op 2024-01-10, loopt tot 2029-01-10', or the part that is known."""
    tekst = f"{eerst}getekend op {o.getekend.isoformat()}" if o.getekend else ""
    return tekst + (f", loopt tot {o.verloopt.isoformat()}" if o.verloopt else "")


def _partij(register: Register, a: Partij, b: Partij) -> list[Wijziging]:
    pid, naam = b.id, b.naam
    changes: list[Wijziging] = []

    def add(soort: str, zin: str, oud: str | None, nieuw: str | None) -> None:
        changes.append(Wijziging("partijen", soort, pid, zin, oud, nieuw))

    if a.naam != b.naam:
        add("naam", f"{w.relatie(b.relatie)} {a.naam} heet nu {b.naam}", a.naam, b.naam)
    if a.relatie != b.relatie or a.via != b.via:
        zin = f"{naam} is nu {w.relatie(b.relatie)}"
        if b.via:
            zin += f" via {_partijnaam(register, b.via)}"
        zin += f" (was {w.relatie(a.relatie)}"
        zin += f" via {_partijnaam(register, a.via)})" if a.via else ")"
        add("relatie", zin, a.relatie, b.relatie)
    if a.land != b.land or a.doorgifte != b.doorgifte:
        buiten = _buiten_eer(b)
        if a.land != b.land:
            zin = f"{naam} verwerkt nu in {b.land} (was {a.land}), "
            zin += f"buiten de EER {_mechanisme(b)}" if buiten else "binnen de EER"
            add("doorgifte", zin, a.land, b.land)
        elif (a.doorgifte is None) != (b.doorgifte is None) or (
                a.doorgifte and b.doorgifte and a.doorgifte.mechanisme != b.doorgifte.mechanisme):
            add("doorgifte", f"doorgifte aan {naam} ({b.land}) nu {_mechanisme(b)} (was "
                f"{_mechanisme(a)})",
                a.doorgifte.mechanisme if a.doorgifte else None,
                b.doorgifte.mechanisme if b.doorgifte else None)
        if a.doorgifte and b.doorgifte:
            changes += _velden("partijen", pid, lambda pad: f"{w.label(pad)} van {naam}",
                               _dump(a.doorgifte), _dump(b.doorgifte), {"mechanisme"},
                               prefix="doorgifte.")
    changes += _overeenkomst(a, b)
    changes += _velden("partijen", pid, lambda pad: f"{w.label(pad)} van {naam}",
                       _dump(a), _dump(b), _PARTIJ_EIGEN)
    return changes


def _overeenkomst(a: Partij, b: Partij) -> list[Wijziging]:
    old, new, pid, naam = a.overeenkomst, b.overeenkomst, b.id, b.naam
    if old == new:
        return []
    if new is None:
        assert old is not None
        return [Wijziging("partijen", "overeenkomst", pid,
                          f"{w.overeenkomst(old.soort)} met {naam} verwijderd", old.soort, None)]
    if old is None:
        return [Wijziging("partijen", "overeenkomst", pid,
                          f"{w.overeenkomst(new.soort)} met {naam} vastgelegd"
                          f"{_ondertekening(new)}", None, new.soort)]
    changes = []
    soort = w.overeenkomst(new.soort)
    if old.soort != new.soort:
        changes.append(Wijziging("partijen", "overeenkomst", pid,
                                 f"overeenkomst met {naam} is nu een {soort} (was "
                                 f"{w.overeenkomst(old.soort)})", old.soort, new.soort))
    if old.getekend != new.getekend:
        if new.getekend is None:
            zin = f"ondertekening van de {soort} met {naam} verwijderd (was {old.getekend})"
        else:
            zin = f"{soort} met {naam} {'opnieuw ' if old.getekend else ''}getekend op " \
                  f"{new.getekend.isoformat()}"
            if old.getekend:
                zin += f" (was {old.getekend.isoformat()})"
        changes.append(Wijziging("partijen", "overeenkomst", pid, zin,
                                 _opt(old.getekend and old.getekend.isoformat()),
                                 _opt(new.getekend and new.getekend.isoformat())))
    if old.verloopt != new.verloopt:
        tot = f"tot {new.verloopt.isoformat()}" if new.verloopt else "voor onbepaalde tijd"
        was = old.verloopt.isoformat() if old.verloopt else "onbepaalde tijd"
        changes.append(Wijziging("partijen", "overeenkomst", pid,
                                 f"{soort} met {naam} loopt nu {tot} (was {was})",
                                 _opt(old.verloopt and old.verloopt.isoformat()),
                                 _opt(new.verloopt and new.verloopt.isoformat())))
    changes += _velden("partijen", pid, lambda pad: f"{w.label(pad)} van de {soort} met {naam}",
                       _dump(old), _dump(new), {"soort", "getekend", "verloopt"})
    return changes


# --- retention rules -------------------------------------------------------------------------

_TERMIJN_EIGEN = {"duur", "na", "vanaf", "daarna"}
_VANAF = {"gebeurtenis": "de gebeurtenis", "einde_kalenderjaar": "het einde van het kalenderjaar",
          "einde_boekjaar": "het einde van het boekjaar"}


def _bewaartermijnen(oud: Register, nieuw: Register) -> list[Wijziging]:
    old = {k: b.model for k, b in oud.bewaartermijnen.items()}
    new = {k: b.model for k, b in nieuw.bewaartermijnen.items()}
    changes = []
    for tid in sorted({*old, *new}):
        a, b = old.get(tid), new.get(tid)
        if a == b:
            continue
        if b is None:
            assert a is not None
            changes.append(Wijziging("bewaartermijnen", "verwijderd", tid,
                                     f"bewaartermijn {tid} verwijderd (was "
                                     f"{beschrijving(a) or 'zonder duur'})", beschrijving(a),
                                     None))
        elif a is None:
            changes.append(Wijziging("bewaartermijnen", "nieuw", tid,
                                     f"nieuwe bewaartermijn {tid}: "
                                     f"{beschrijving(b, daarna=True) or 'zonder duur'}", None,
                                     beschrijving(b)))
        else:
            changes += _bewaartermijn(tid, a, b)
    return changes


def _duurzin(tid: str, a: str | None, b: str | None) -> str:
    if a is None or b is None:
        return _termijnzin(f"duur van bewaartermijn {tid}", a, b)
    old, new = parse_duur(a), parse_duur(b)
    if old.aantal and new.aantal and old.eenheid == new.eenheid:
        return f"bewaartermijn {tid} van {old.aantal} naar {new}"  # "van 10 naar 7 jaar"
    return f"bewaartermijn {tid} van {old} naar {new}"


def _bewaartermijn(tid: str, a: Bewaartermijn, b: Bewaartermijn) -> list[Wijziging]:
    changes = []
    if a.duur != b.duur:
        changes.append(Wijziging("bewaartermijnen", "duur", tid, _duurzin(tid, a.duur, b.duur),
                                 a.duur, b.duur))
    if a.na != b.na:
        if b.na is None:
            zin = f"bewaartermijn {tid} loopt niet meer na {w.woord(a.na)}"
        else:
            zin = f"bewaartermijn {tid} loopt nu na {w.woord(b.na)}"
            if a.na:
                zin += f" (was na {w.woord(a.na)})"
        changes.append(Wijziging("bewaartermijnen", "na", tid, zin, a.na, b.na))
    if a.vanaf != b.vanaf:
        changes.append(Wijziging("bewaartermijnen", "vanaf", tid,
                                 f"bewaartermijn {tid} telt nu vanaf "
                                 f"{_VANAF.get(b.vanaf, w.woord(b.vanaf))} (was vanaf "
                                 f"{_VANAF.get(a.vanaf, w.woord(a.vanaf))})", a.vanaf, b.vanaf))
    if a.daarna != b.daarna:
        changes.append(Wijziging("bewaartermijnen", "daarna", tid,
                                 f"na afloop van bewaartermijn {tid}: nu {w.woord(b.daarna)} "
                                 f"(was {w.woord(a.daarna)})", a.daarna, b.daarna))
    changes += _velden("bewaartermijnen", tid,
                       lambda pad: f"{w.label(pad)} van bewaartermijn {tid}",
                       _dump(a), _dump(b), _TERMIJN_EIGEN)
    return changes


# --- requests and breaches: counts only ------------------------------------------------------

def _tellen(register: Registernaam, kop: str, oud: dict[str, Any], nieuw: dict[str, Any],
            soorten: tuple[tuple[str, Callable[[Any, Any], bool]], ...],
            woorden: tuple[str, str, str, str]) -> list[Wijziging]:
    """One count sentence for a register of records that are never named: new ones, each
    changed one under the first kind that fits it (or "bijgewerkt"), and removed ones."""
    enkel, meervoud, nieuw_enkel, nieuw_meervoud = woorden
    erbij = [r for r in nieuw if r not in oud]
    weg = [r for r in oud if r not in nieuw]
    telling = dict.fromkeys([woord for woord, _ in soorten], 0)
    anders = 0
    for ref, nu in nieuw.items():
        vorig = oud.get(ref)
        if vorig is None or vorig == nu:
            continue
        soort = next((woord for woord, past in soorten if past(vorig, nu)), None)
        if soort is None:
            anders += 1
        else:
            telling[soort] += 1
    delen = []
    if erbij:
        delen.append(w.aantal(len(erbij), nieuw_enkel, nieuw_meervoud))
    delen += [f"{n} {woord}" for woord, n in telling.items() if n]
    if anders:
        delen.append(f"{anders} {'ander' if anders == 1 else 'andere'} bijgewerkt")
    if weg:
        delen.append(f"{len(weg)} verwijderd")
    if not delen:
        return []
    return [Wijziging(register, "telling", register,
                      f"{kop}: {', '.join(delen)} (nu {w.aantal(len(nieuw), enkel, meervoud)})",
                      str(len(oud)), str(len(nieuw)))]


def _verzoeken(oud: list[Verzoek], nieuw: list[Verzoek]) -> list[Wijziging]:
    return _tellen(
        "verzoeken", "verzoekenregister",
        {v.referentie: v for v in oud}, {v.referentie: v for v in nieuw},
        (("afgehandeld", lambda a, b: b.status != a.status and b.status == "afgehandeld"),
         ("ingetrokken", lambda a, b: b.status != a.status and b.status == "ingetrokken"),
         ("geanonimiseerd", lambda a, b: bool(b.geanonimiseerd_op and not a.geanonimiseerd_op))),
        ("verzoek", "verzoeken", "nieuw verzoek", "nieuwe verzoeken"))


def _datalekken(oud: list[Datalek], nieuw: list[Datalek]) -> list[Wijziging]:
    return _tellen(
        "datalekken", "datalekregister",
        {d.referentie: d for d in oud}, {d.referentie: d for d in nieuw},
        (("gemeld bij de AP", lambda a, b: bool(b.ap_meldingen and not a.ap_meldingen)),
         ("met betrokkenen geïnformeerd",
          lambda a, b: bool(b.betrokkenen_geinformeerd and not a.betrokkenen_geinformeerd)),
         ("geëvalueerd", lambda a, b: bool(b.evaluatie and not a.evaluatie))),
        ("datalek", "datalekken", "nieuw datalek", "nieuwe datalekken"))


# --- the organisation and its policy (avgctl.yaml) -------------------------------------------

def _organisatie(oud: Config | None, nieuw: Config | None) -> list[Wijziging]:
    if oud == nieuw:
        return []
    # The record of a setting is its dotted path in avgctl.yaml, also the sentence's subject.
    return _velden("organisatie", lambda pad: pad, lambda pad: f"instelling {pad}",
                   _dump(oud), _dump(nieuw))
