"""The inventory map (``kaart``): how the organisation's own data map onto retention rules.

The registers say how long data are kept; the data themselves live elsewhere (case systems, HR,
camera storage, mailing lists), exported as CSV or Parquet or kept in a database table. A map
describes each such source: where it is, which column is the id, which rule applies (fixed, from
a column, or per value of a column), the column with the event date, what holds a record, and an
optional filter. Conditions are structured (column, operator, value) and never raw SQL, so a map
can never inject a statement: identifiers are quoted and values bound as parameters.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from avgctl.models.base import Model
from avgctl.models.inventaris import PROBLEEM_DATUM as PROBLEEM_DATUM
from avgctl.models.inventaris import PROBLEEM_ID as PROBLEEM_ID
from avgctl.models.inventaris import PROBLEEM_REGEL as PROBLEEM_REGEL
from avgctl.models.inventaris import Export as Export
from avgctl.models.inventaris import Operator, kolommen_van, regel_ids_van

ZONDER_WAARDE = ("leeg", "niet_leeg")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class Voorwaarde(Model):
    """Een voorwaarde op één kolom: kolom, operator en (behalve bij leeg/niet_leeg) een waarde."""

    kolom: str = Field(min_length=1, description="De naam van de kolom in de bron.")
    op: Operator = Field(
        default="=",
        description="De vergelijking: =, !=, <, <=, >, >=, in, niet_in, leeg of niet_leeg.",
    )
    waarde: str | int | float | bool | list[str | int | float] | None = Field(
        default=None,
        description="De waarde om mee te vergelijken; een lijst bij in en niet_in, niets bij "
        "leeg en niet_leeg.",
    )

    @model_validator(mode="after")
    def _waarde_past(self) -> Voorwaarde:
        if self.op in ZONDER_WAARDE:
            if self.waarde is not None:
                raise ValueError(f"bij op '{self.op}' hoort geen waarde")
        elif self.op in ("in", "niet_in"):
            if not isinstance(self.waarde, list) or not self.waarde:
                raise ValueError(f"bij op '{self.op}' hoort een lijst met ten minste één waarde")
        elif self.waarde is None or isinstance(self.waarde, list):
            raise ValueError(f"bij op '{self.op}' hoort één waarde")
        return self


class PerWaarde(Model):
    """De bewaartermijn hangt af van de waarde in een kolom, bijvoorbeeld het dossiertype."""

    kolom: str = Field(min_length=1, description="De kolom waarvan de waarde de termijn kiest.")
    waarden: dict[str, str] = Field(
        min_length=1,
        description="Per waarde in de kolom het id van de bewaartermijn, bijvoorbeeld "
        "{incasso: dossier, ambtelijk: exploten}.",
    )
    anders: str | None = Field(
        default=None,
        description="De bewaartermijn voor een waarde die niet in de lijst staat; zonder "
        "'anders' is zo'n waarde een fout.",
    )


class Bron(Model):
    """Eén bron met persoonsgegevens: een export (CSV of Parquet) of een tabel in een database."""

    naam: str = Field(description="Een korte naam voor de bron, zoals die in het rapport staat.")
    bestand: str | None = Field(
        default=None,
        description="Het pad van de export (.csv of .parquet), ten opzichte van het kaartbestand.",
    )
    tabel: str | None = Field(
        default=None,
        description="De tabel in de database, eventueel met schema: 'dossiers' of "
        "'zaken.dossiers'. De verbinding komt uit --database.",
    )
    id: str = Field(default="id", description="De kolom met het kenmerk van een record.")
    bewaartermijn: str | None = Field(
        default=None, description="Het id van één bewaartermijn voor alle records van de bron.")
    bewaartermijn_kolom: str | None = Field(
        default=None,
        description="De kolom waarin per record het id van de bewaartermijn staat.",
    )
    bewaartermijn_per: PerWaarde | None = Field(
        default=None,
        description="De bewaartermijn per waarde van een kolom.",
    )
    gebeurtenis_op: str = Field(
        default="gebeurtenis_op",
        description="De kolom met de datum (JJJJ-MM-DD) van de gebeurtenis waarna de termijn "
        "loopt, bijvoorbeeld de datum waarop het dossier is gesloten.",
    )
    blokkade: list[str] = Field(
        default_factory=list,
        description="Kolommen die een record vasthouden als ze gevuld zijn (een klacht, bezwaar, "
        "procedure of incident), bijvoorbeeld [klacht, procedure].",
    )
    blokkade_als: list[Voorwaarde] = Field(
        default_factory=list,
        description="Voorwaarden die een record vasthouden; één ware voorwaarde is genoeg.",
    )
    filter: list[Voorwaarde] = Field(
        default_factory=list,
        description="Alleen records die aan al deze voorwaarden voldoen, worden beoordeeld.",
    )
    anonimiseren: list[str] = Field(
        default_factory=list,
        description="Kolommen die bij 'bewaartermijnen sql --actie anonimiseer' leeg worden "
        "gemaakt.",
    )

    @model_validator(mode="after")
    def _een_plek_en_een_regel(self) -> Bron:
        if (self.bestand is None) == (self.tabel is None):
            raise ValueError("geef precies één van 'bestand' en 'tabel'")
        regels = [self.bewaartermijn, self.bewaartermijn_kolom, self.bewaartermijn_per]
        if sum(r is not None for r in regels) != 1:
            raise ValueError("geef precies één van 'bewaartermijn', 'bewaartermijn_kolom' en "
                             "'bewaartermijn_per'")
        if not _ID.match(self.naam):
            raise ValueError(f"naam {self.naam!r}: gebruik kleine letters, cijfers, '-' en '_'")
        return self

    @property
    def kolommen(self) -> list[str]:
        """Every column of the source that the scan reads."""
        return kolommen_van(self)

    @property
    def regel_ids(self) -> list[str]:
        """The rule ids the map names itself (a rule column names them in the data)."""
        return regel_ids_van(self)


class Kaart(Model):
    """Een kaart van de eigen gegevens: de bronnen en hoe ze op bewaartermijnen passen."""

    bronnen: list[Bron] = Field(min_length=1, description="De bronnen, elk met een eigen naam.")

    @model_validator(mode="after")
    def _unieke_namen(self) -> Kaart:
        namen = [b.naam for b in self.bronnen]
        dubbel = sorted({n for n in namen if namen.count(n) > 1})
        if dubbel:
            raise ValueError(f"dubbele bronnaam: {', '.join(dubbel)}")
        return self
