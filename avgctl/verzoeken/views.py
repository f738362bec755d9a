"""The request register for people and for the checks: deadlines per request, open and late,
the next free reference. Pure functions over the loaded register."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from avgctl.models.organisatie import Beleid, Verzoektermijn
from avgctl.models.verzoek import Verzoek, Verzoektype
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import VERZOEKEN_FILE, Bron, Register
from avgctl.termijnen.kalender import Feestdagenbeleid
from avgctl.termijnen.verzoek import Verzoektermijnen, bereken_uit, termijn_voor

OPEN = ("open", "in_behandeling")


def beleid(register: Register) -> Beleid:
    if register.config is not None:
        return register.config.model.beleid
    cached = register.__dict__.get("_beleid")
    if cached is None:
        cached = register.__dict__["_beleid"] = Beleid()
    return cached


def feestdagenbeleid(b: Beleid) -> Feestdagenbeleid:
    return Feestdagenbeleid(goede_vrijdag=b.feestdagen.goede_vrijdag,
                            extra=frozenset(b.feestdagen.extra))


def termijnen(register: Register, verzoek: Verzoek) -> Verzoektermijnen:
    """The deadlines of a request.

    They depend only on the day of receipt, the policy for the type, a pause and an
    extension; a register of 100,000 requests has a few thousand such combinations, so each is
    computed once.
    """
    return _termijnen(register, verzoek.ontvangen, verzoek.type, verzoek.gepauzeerd_van,
                      verzoek.gepauzeerd_tot, verzoek.verlengd_op is not None)


def _termijnen(register: Register, ontvangen: dt.date, type_: Verzoektype,
               gepauzeerd_van: dt.date | None, gepauzeerd_tot: dt.date | None,
               verlengd: bool) -> Verzoektermijnen:
    cache: dict[tuple[object, ...], Verzoektermijnen] = register.__dict__.setdefault(
        "_verzoektermijnen", {})
    b = beleid(register)
    key = _sleutel(termijn_voor(b.verzoeken, type_), ontvangen, gepauzeerd_van,
                   gepauzeerd_tot, verlengd)
    found = cache.get(key)
    if found is None:
        found = cache[key] = bereken_uit(ontvangen, type_, gepauzeerd_van, gepauzeerd_tot,
                                         verlengd, b.verzoeken, _feestdagen(register, b))
    return found


def _sleutel(eigen: Verzoektermijn, ontvangen: dt.date, gepauzeerd_van: dt.date | None,
             gepauzeerd_tot: dt.date | None, verlengd: bool) -> tuple[object, ...]:
    """What the deadlines of a request depend on: the key of the register's cache."""
    return (ontvangen, eigen.termijn, eigen.verlenging, gepauzeerd_van, gepauzeerd_tot,
            verlengd)


def _feestdagen(register: Register, b: Beleid) -> Feestdagenbeleid:
    cached = register.__dict__.get("_feestdagenbeleid")
    if cached is None:
        cached = register.__dict__["_feestdagenbeleid"] = feestdagenbeleid(b)
    return cached


def is_open(verzoek: Verzoek) -> bool:
    return verzoek.status in OPEN


def find(register: Register, referentie: str) -> Bron[Verzoek] | None:
    return next((b for b in register.verzoeken if b.model.referentie == referentie), None)


_REFERENTIE = re.compile(r"^AVG-(\d{4})-(\d+)$")


def referenties(register: Register) -> list[str]:
    """Every reference in use, also when the request register was read without validation."""
    found = [b.model.referentie for b in register.verzoeken]
    doc = register.documents.get(VERZOEKEN_FILE)
    if isinstance(doc, CsvDocument) and not any(isinstance(b.doc, CsvDocument)
                                                for b in register.verzoeken):
        column = doc.column("referentie")
        if column is not None:
            found += [row[column].strip() for row in doc.rows if column < len(row)]
    return found


def volgende_referentie(register: Register, jaar: int) -> str:
    """AVG-2026-0042: one more than the highest number used in that year."""
    hoogste = 0
    width = 4
    for referentie in referenties(register):
        match = _REFERENTIE.match(referentie)
        if match and int(match.group(1)) == jaar:
            hoogste = max(hoogste, int(match.group(2)))
            width = max(width, len(match.group(2)))
    return f"AVG-{jaar}-{hoogste + 1:0{width}d}"


@dataclass(frozen=True)
class Stand:
    """Where a request stands on a day, for lists and the deadlines overview."""

    bron: Bron[Verzoek]
    termijnen: Verzoektermijnen
    dagen_wettelijk: int  # days left until the legal deadline (negative: late)
    dagen_intern: int

    @property
    def te_laat(self) -> bool:
        return self.dagen_wettelijk < 0

    @property
    def intern_te_laat(self) -> bool:
        return self.dagen_intern < 0


def stand(register: Register, bron: Bron[Verzoek], vandaag: dt.date) -> Stand:
    t = termijnen(register, bron.model)
    return Stand(bron, t, (t.geldend_wettelijk - vandaag).days, (t.geldend_intern - vandaag).days)


def standen(register: Register, bronnen: list[Bron[Verzoek]], vandaag: dt.date) -> list[Stand]:
    """``stand`` of every request in ``bronnen``, in their order: for a list of 100,000
    requests, each combination of the fields the deadlines depend on (see ``termijnen``) is
    looked up once, with its days left (DESIGN.md §5)."""
    per_key: dict[tuple[object, ...], tuple[Verzoektermijnen, int, int]] = {}
    b = beleid(register)
    per_type = {type_: termijn_voor(b.verzoeken, type_) for type_ in
                {bron.model.type for bron in bronnen}}
    result = []
    for bron in bronnen:
        v = bron.model
        eigen = per_type[v.type]
        key = (v.ontvangen, eigen.termijn, eigen.verlenging, v.gepauzeerd_van,
               v.gepauzeerd_tot, v.verlengd_op is not None)
        found = per_key.get(key)
        if found is None:
            t = termijnen(register, v)
            found = per_key[key] = (t, (t.geldend_wettelijk - vandaag).days,
                                    (t.geldend_intern - vandaag).days)
        result.append(Stand(bron, *found))
    return result


# What a list shows of a request, and what its deadlines depend on (see ``termijnen``).
LIJSTVELDEN = ("referentie", "type", "ontvangen", "status", "behandelaar", "gepauzeerd_van",
               "gepauzeerd_tot", "verlengd_op")


@dataclass(frozen=True)
class Lijst:
    """The requests of a list, column by column: entry i of every column is the i-th request
    of the list. 100,000 requests as eight lists instead of 100,000 objects (DESIGN.md §5)."""

    referentie: list[str]
    type: list[Verzoektype]
    ontvangen: list[dt.date]
    status: list[str]
    behandelaar: list[str | None]
    termijnen: list[Verzoektermijnen]
    dagen_wettelijk: list[int]  # days left until the legal deadline (negative: late)
    dagen_intern: list[int]

    def __len__(self) -> int:
        return len(self.referentie)

    def rijen(self) -> Iterator[tuple[str, Verzoektype, dt.date, str, str | None,
                                      Verzoektermijnen, int, int]]:
        """Each request as a tuple of its columns, in list order."""
        return zip(self.referentie, self.type, self.ontvangen, self.status, self.behandelaar,
                   self.termijnen, self.dagen_wettelijk, self.dagen_intern, strict=True)


def lijst(register: Register, vandaag: dt.date, alleen_open: bool = False,
          te_laat: bool = False, type_: str | None = None,
          behandelaar: str | None = None) -> Lijst:
    """Every request of the register that passes the filters, by day of receipt and
    reference (ties in register order): the same requests, in the same order, as ``standen``
    of ``register.verzoeken`` when the register is read with models.

    The request register may be read as columns (``Register.verzoektabel``, read with
    ``LIJSTVELDEN``), the requests of the folder registers/verzoeken are models; the deadlines
    are computed once per combination of the fields they depend on (DESIGN.md §5).
    """
    tabel = register.verzoektabel
    kolommen: dict[str, list[Any]] = (
        {name: list(tabel.kolommen[name]) for name in LIJSTVELDEN} if tabel is not None
        else {name: [] for name in LIJSTVELDEN})
    for bron in register.verzoeken:
        for name, column in kolommen.items():
            column.append(getattr(bron.model, name))
    refs, soorten, ontvangen, statussen, behandelaars, van, tot, verlengd_op = (
        kolommen[name] for name in LIJSTVELDEN)
    keys = list(zip(ontvangen, soorten, van, tot, [v is not None for v in verlengd_op],
                    strict=True))
    # A few thousand combinations; each type's own policy looked up once, and each
    # computation shared with ``termijnen`` through the register's cache.
    b = beleid(register)
    eigen = {soort: termijn_voor(b.verzoeken, soort) for soort in set(soorten)}
    cache: dict[tuple[object, ...], Verzoektermijnen] = register.__dict__.setdefault(
        "_verzoektermijnen", {})
    per_key: dict[tuple[Any, ...], Verzoektermijnen] = {}
    for key in dict.fromkeys(keys):
        dag, soort, pauze_van, pauze_tot, verlengd = key
        e = eigen[soort]
        t = cache.get(_sleutel(e, dag, pauze_van, pauze_tot, verlengd))
        per_key[key] = t if t is not None else _termijnen(register, dag, soort, pauze_van,
                                                           pauze_tot, verlengd)
    wettelijk = {key: (t.geldend_wettelijk - vandaag).days for key, t in per_key.items()}
    intern = {key: (t.geldend_intern - vandaag).days for key, t in per_key.items()}
    columns = [refs, soorten, ontvangen, statussen, behandelaars,
               list(map(per_key.__getitem__, keys)), list(map(wettelijk.__getitem__, keys)),
               list(map(intern.__getitem__, keys))]
    keep: list[int] | range = range(len(refs))
    if alleen_open or te_laat:
        keep = [i for i in keep if statussen[i] in OPEN]
    if te_laat:
        keep = [i for i in keep if columns[6][i] < 0 or columns[7][i] < 0]
    if type_:
        keep = [i for i in keep if soorten[i] == type_]
    if behandelaar:
        keep = [i for i in keep if behandelaars[i] == behandelaar]
    # By day of receipt, then reference, ties in register order: two stable sorts, each on
    # one value, are several times quicker on 100,000 rows than one on a pair.
    order = sorted(keep, key=refs.__getitem__)
    order.sort(key=ontvangen.__getitem__)
    if order != list(range(len(refs))):  # a register is mostly in order already
        columns = [list(map(column.__getitem__, order)) for column in columns]
    return Lijst(*columns)


# Things that must never be a betrokkene_ref: the register lives in git (DOMAIN.md §9).
_EMAIL = re.compile(r"@")
_DIGITS = re.compile(r"\d")
_NAME = re.compile(r"^[A-Za-zÀ-ÿ'’.-]+(?:\s+[A-Za-zÀ-ÿ'’.-]+)+$")


def datumfouten(v: Verzoek, vandaag: dt.date) -> list[tuple[str, str]]:
    """(field, Dutch message) for each date of a request that cannot be right (AVG702)."""
    fouten = []
    for veld in ("verificatie_op", "verlengd_op", "afgehandeld_op", "gepauzeerd_van"):
        waarde = getattr(v, veld)
        if waarde is not None and waarde < v.ontvangen:
            fouten.append((veld, f"{veld} ({waarde.isoformat()}) ligt vóór de ontvangst "
                           f"({v.ontvangen.isoformat()})"))
    for veld in ("ontvangen", "verificatie_op", "verlengd_op", "afgehandeld_op"):
        waarde = getattr(v, veld)
        if waarde is not None and waarde > vandaag:
            fouten.append((veld, f"{veld} ({waarde.isoformat()}) ligt in de toekomst"))
    if v.gepauzeerd_van and v.gepauzeerd_tot and v.gepauzeerd_tot < v.gepauzeerd_van:
        fouten.append(("gepauzeerd_tot", "de pauze eindigt vóór zij begint"))
    return fouten


def lijkt_identiteit(ref: str) -> str | None:
    """What a betrokkene_ref looks like when it looks like a person: else None."""
    text = ref.strip()
    compact = re.sub(r"[\s.()-]", "", text)
    # Almost every reference is a short code such as K-104233: nothing to look at further.
    if (len(compact) < 9 and " " not in text and "@" not in text) or (
            len(text) < 15 and " " not in text and "@" not in text
            and not compact.isdigit() and compact[:1] != "+"):
        return None
    return _lijkt_identiteit(text)


def _lijkt_identiteit(text: str) -> str | None:
    from avgctl.rules.identificatie import elfproef, iban_geldig

    compact = re.sub(r"[\s.-]", "", text)
    if _EMAIL.search(text):
        return "een e-mailadres"
    if compact.isdigit() and len(compact) == 9 and elfproef(compact):
        return "een BSN"
    if iban_geldig(compact):
        return "een IBAN"
    digits = len(_DIGITS.findall(text))
    if re.fullmatch(r"(\+|00)?[\d\s()-]{10,}", text) and digits >= 10:
        return "een telefoonnummer"
    if _NAME.match(text):
        return "een naam"
    return None
