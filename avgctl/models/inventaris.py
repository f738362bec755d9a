"""A source of the retention scan as the query generator reads it, without pydantic.

The map (:mod:`avgctl.models.kaart`) is a pydantic model; the default inventory (columns
``id``, ``bewaartermijn``, ``gebeurtenis_op`` and ``blokkade``) needs no map, and the scan of
millions of rows should not spend a tenth of a second importing pydantic for it. The generator
therefore reads a source through :class:`BronVorm`, which both the map's ``Bron`` and the plain
:class:`StandaardBron` fit; the columns and rule ids of either come from the same functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Operator = Literal["=", "!=", "<", "<=", ">", ">=", "in", "niet_in", "leeg", "niet_leeg"]
Waarde = str | int | float | bool | list[str | int | float] | None

# The problems a row can have; each is counted and reported, never skipped.
PROBLEEM_ID = "id_ontbreekt"
PROBLEEM_DATUM = "onleesbare_datum"
PROBLEEM_REGEL = "onbekende_bewaartermijn"


class VoorwaardeVorm(Protocol):
    """A condition on one column (see ``kaart.Voorwaarde``)."""

    @property
    def kolom(self) -> str: ...
    @property
    def op(self) -> Operator: ...
    @property
    def waarde(self) -> Waarde: ...


class PerWaardeVorm(Protocol):
    """A rule per value of a column (see ``kaart.PerWaarde``)."""

    @property
    def kolom(self) -> str: ...
    @property
    def waarden(self) -> Mapping[str, str]: ...
    @property
    def anders(self) -> str | None: ...


class BronVorm(Protocol):
    """One source: what the query generator and the scan read of it (see ``kaart.Bron``)."""

    @property
    def naam(self) -> str: ...
    @property
    def bestand(self) -> str | None: ...
    @property
    def tabel(self) -> str | None: ...
    @property
    def id(self) -> str: ...
    @property
    def bewaartermijn(self) -> str | None: ...
    @property
    def bewaartermijn_kolom(self) -> str | None: ...
    @property
    def bewaartermijn_per(self) -> PerWaardeVorm | None: ...
    @property
    def gebeurtenis_op(self) -> str: ...
    @property
    def blokkade(self) -> Sequence[str]: ...
    @property
    def blokkade_als(self) -> Sequence[VoorwaardeVorm]: ...
    @property
    def filter(self) -> Sequence[VoorwaardeVorm]: ...
    @property
    def anonimiseren(self) -> Sequence[str]: ...
    @property
    def kolommen(self) -> list[str]: ...
    @property
    def regel_ids(self) -> list[str]: ...


def kolommen_van(bron: BronVorm) -> list[str]:
    """Every column of the source that the scan reads."""
    namen = [bron.id, bron.gebeurtenis_op, *bron.blokkade]
    namen += [v.kolom for v in [*bron.blokkade_als, *bron.filter]]
    if bron.bewaartermijn_kolom is not None:
        namen.append(bron.bewaartermijn_kolom)
    if bron.bewaartermijn_per is not None:
        namen.append(bron.bewaartermijn_per.kolom)
    return list(dict.fromkeys(namen))


def regel_ids_van(bron: BronVorm) -> list[str]:
    """The rule ids the source names itself (a rule column names them in the data)."""
    if bron.bewaartermijn is not None:
        return [bron.bewaartermijn]
    if bron.bewaartermijn_per is not None:
        per = bron.bewaartermijn_per
        return sorted({*per.waarden.values(), *([per.anders] if per.anders else [])})
    return []


@dataclass(frozen=True)
class StandaardBron:
    """The default inventory, one file: the fields ``kaart.Bron`` would hold for it.

    ``bestand`` is the path as given (the map's model would strip it): the scan reads the file
    by that path and asks of ``bestand`` only whether there is one.
    """

    naam: str
    bestand: str
    tabel: None = None
    id: str = "id"
    bewaartermijn: None = None
    bewaartermijn_kolom: str = "bewaartermijn"
    bewaartermijn_per: None = None
    gebeurtenis_op: str = "gebeurtenis_op"
    blokkade: tuple[str, ...] = ("blokkade",)
    blokkade_als: tuple[VoorwaardeVorm, ...] = ()
    filter: tuple[VoorwaardeVorm, ...] = ()
    anonimiseren: tuple[str, ...] = ()

    @property
    def kolommen(self) -> list[str]:
        return kolommen_van(self)

    @property
    def regel_ids(self) -> list[str]:
        return regel_ids_van(self)


def standaard_bron(naam: str, bestand: str) -> StandaardBron:
    """The default inventory: columns id, bewaartermijn, gebeurtenis_op and blokkade.

    ``naam`` must be a valid source name (``kaart.Bron`` checks it; the scan makes it so).
    """
    return StandaardBron(naam=naam, bestand=bestand)


@dataclass(frozen=True)
class Export:
    """A file source as read: its path and, for a CSV, the delimiter and the header's names."""

    pad: str
    scheiding: str = ","
    kolommen: tuple[str, ...] = ()

    @property
    def parquet(self) -> bool:
        return self.pad.lower().endswith(".parquet")
