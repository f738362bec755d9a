"""AVG201-AVG208: every reference resolves and every id is unique."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import Path, PendingFinding, Severity
from avgctl.models import Verwerking
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import BEWAARTERMIJNEN_FILE, PARTIJEN_FILE, Bron

_KOP = 'id: "10.1.1"\nnaam: Offertes maken\n'


def _party_refs(v: Verwerking) -> Iterator[tuple[Path, str, str]]:
    """(path, field, party id) of every reference to partijen.yaml in an activity."""
    for index, item in enumerate(v.ontvangers or []):
        yield ("ontvangers", index), "ontvangers", item
    for index, item in enumerate(v.verwerkingsverantwoordelijken):
        yield ("verwerkingsverantwoordelijken", index), "verwerkingsverantwoordelijken", item
    for g_index, gegeven in enumerate(v.gegevens):
        for index, item in enumerate(gegeven.verwerkers):
            yield ("gegevens", g_index, "verwerkers", index), "verwerkers", item
        for index, item in enumerate(gegeven.ontvangers or []):
            yield ("gegevens", g_index, "ontvangers", index), "ontvangers", item


class OnbekendePartij(Rule):
    """Een verwerking verwijst naar een partij die niet in registers/partijen.yaml staat.

    Waarom: verwerkers en ontvangers moeten terug te vinden zijn, met hun overeenkomst en
    land (art. 28 en art. 30 lid 1 sub d en e AVG). Een verwijzing die nergens heen wijst,
    ontloopt de controles op overeenkomsten en doorgiften.

    Oplossing: verbeter het id, of voeg de partij toe aan registers/partijen.yaml.
    """

    code = "AVG201"
    severity = Severity.FOUT
    title = "Onbekende partij"
    artikel = "art. 30 lid 1 sub d AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - type: NAW\n    verwerkers: [dossiersoft]\n",
        goed=_KOP + "gegevens:\n  - type: NAW\n    verwerkers: [dossiersoft-bv]\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        known = sorted({p.model.id for p in self.register.partijen})
        for bron in self.register.verwerkingen:
            for path, _field, ref in _party_refs(bron.model):
                if self.register.partij(ref) is not None or self.register.unverifiable(
                        PARTIJEN_FILE, ref):
                    continue
                if not self.register.partijen_present:
                    hint = f"{PARTIJEN_FILE} bestaat niet; maak het aan en neem '{ref}' op"
                else:
                    from difflib import get_close_matches

                    close = get_close_matches(ref, known, n=1)
                    hint = (f"bedoelde u '{close[0]}'?" if close
                            else f"voeg '{ref}' toe aan {PARTIJEN_FILE}")
                yield self.finding(bron, path, f"onbekende partij '{ref}'", hint)


class OnbekendeBewaartermijn(Rule):
    """Een verwerking verwijst naar een bewaartermijn die niet bestaat.

    Waarom: de bewaartermijn per gegevenscategorie hoort in het register (art. 30 lid 1 sub f
    AVG); een verwijzing naar een onbekende termijn laat hem in feite open.

    Oplossing: verbeter het id, of voeg de termijn toe aan registers/bewaartermijnen.yaml.
    """

    code = "AVG202"
    severity = Severity.FOUT
    title = "Onbekende bewaartermijn"
    artikel = "art. 30 lid 1 sub f AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - type: NAW\n    bewaartermijn: dosier\n",
        goed=_KOP + "gegevens:\n  - type: NAW\n    bewaartermijn: dossier\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        known = sorted(self.register.bewaartermijnen)
        for bron in self.register.verwerkingen:
            v = bron.model
            refs: list[tuple[Path, str]] = []
            if v.bewaartermijn:
                refs.append((("bewaartermijn",), v.bewaartermijn))
            refs += [(("gegevens", i, "bewaartermijn"), g.bewaartermijn)
                     for i, g in enumerate(v.gegevens) if g.bewaartermijn]
            for path, ref in refs:
                if ref in self.register.bewaartermijnen or self.register.unverifiable(
                        BEWAARTERMIJNEN_FILE, ref):
                    continue
                if not self.register.bewaartermijnen_present:
                    hint = f"{BEWAARTERMIJNEN_FILE} bestaat niet; maak het aan met '{ref}'"
                else:
                    from difflib import get_close_matches

                    close = get_close_matches(ref, known, n=1)
                    hint = (f"bedoelde u '{close[0]}'?" if close
                            else f"voeg '{ref}' toe aan {BEWAARTERMIJNEN_FILE}")
                yield self.finding(bron, path, f"onbekende bewaartermijn '{ref}'", hint)


class DubbeleVerwerking(Rule):
    """Twee verwerkingen met hetzelfde id.

    Waarom: het id volgt het procesmodel (SECTIE.PROCES.VERWERKING) en is de sleutel waarmee
    verzoeken, datalekken en privacyverklaringen naar een verwerking verwijzen (art. 30 AVG).

    Oplossing: geef een van beide een vrij nummer in hetzelfde proces.
    """

    code = "AVG203"
    severity = Severity.FOUT
    title = "Dubbel verwerkings-id"
    artikel = "art. 30 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        bestand="registers/verwerkingen/10.1.2-offertes-herzien.yaml",
        fout='id: "10.1.1"\nnaam: Offertes herzien\n',
        goed='id: "10.1.2"\nnaam: Offertes herzien\n',
        bijlagen=(("registers/verwerkingen/10.1.1-offertes.yaml",
                   'id: "10.1.1"\nnaam: Offertes maken\n'),),
    )

    def check(self) -> Iterator[PendingFinding]:
        first: dict[str, Bron[Verwerking]] = {}
        for bron in self.register.verwerkingen:
            earlier = first.setdefault(bron.model.id, bron)
            if earlier is not bron:
                line, _ = earlier.doc.locate(("id",))
                yield self.finding(bron, ("id",), f"id {bron.model.id} wordt ook gebruikt in "
                                   f"{earlier.file}:{line}", "kies een vrij nummer")


class BestandsnaamKloptNiet(Rule):
    """De bestandsnaam van een verwerking begint niet met haar id.

    Waarom: elke verwerking staat in registers/verwerkingen/<id>-<korte-naam>.yaml, zodat het
    register op volgorde van het procesmodel staat en een verwerking snel te vinden is
    (art. 30 lid 4 AVG: het register moet direct beschikbaar zijn).

    Oplossing: hernoem het bestand (git mv) of verbeter het id.
    """

    code = "AVG204"
    severity = Severity.FOUT
    title = "Bestandsnaam past niet bij het id"
    artikel = "art. 30 lid 4 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        bestand="registers/verwerkingen/10.1.1-offertes.yaml",
        fout='id: "10.2.1"\nnaam: Offertes maken\n',
        goed='id: "10.1.1"\nnaam: Offertes maken\n',
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            name = bron.file.rsplit("/", 1)[-1]
            stem = name.rsplit(".", 1)[0]
            if stem != bron.model.id and not stem.startswith(bron.model.id + "-"):
                yield self.finding(bron, ("id",), f"bestand {name} hoort bij id {bron.model.id} "
                                   f"te beginnen met '{bron.model.id}-'",
                                   f"hernoem het naar {bron.model.id}-<korte-naam>.yaml")


class DubbelePartij(Rule):
    """Twee partijen met hetzelfde id in registers/partijen.yaml.

    Waarom: verwijzingen naar een partij moeten eenduidig zijn; anders is niet te zien welke
    overeenkomst en welk land gelden (art. 28 en 30 AVG).

    Oplossing: geef elke partij een eigen id.
    """

    code = "AVG205"
    severity = Severity.FOUT
    title = "Dubbel partij-id"
    artikel = "art. 30 lid 1 sub d AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- {id: dossiersoft-bv, naam: Dossiersoft, relatie: ontvanger}\n"
        "- {id: dossiersoft-bv, naam: Dossiersoft, relatie: ontvanger}\n",
        goed="- {id: dossiersoft-bv, naam: Dossiersoft, relatie: ontvanger}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        seen: set[str] = set()
        for bron in self.register.partijen:
            if bron.model.id in seen:
                yield self.finding(bron, ("id",), f"partij-id {bron.model.id} komt twee keer voor",
                                   "geef elke partij een eigen id")
            seen.add(bron.model.id)


_VERWACHTE_RELATIE: dict[str, tuple[str, ...]] = {
    "verwerkers": ("verwerker", "subverwerker"),
    "verwerkingsverantwoordelijken": ("verwerkingsverantwoordelijke", "gezamenlijk"),
}


class VerkeerdeRelatie(Rule):
    """Een partij staat onder 'verwerkers' maar is geen verwerker, of omgekeerd.

    Waarom: een verwerker werkt in opdracht en heeft een verwerkersovereenkomst nodig (art. 28
    AVG); een ontvanger of zelfstandige verantwoordelijke niet. Een verkeerde indeling laat de
    verkeerde controles lopen.

    Oplossing: zet de partij onder het juiste veld, of verbeter haar 'relatie' in
    registers/partijen.yaml.
    """

    code = "AVG206"
    severity = Severity.WAARSCHUWING
    title = "Partij in de verkeerde rol"
    artikel = "art. 28 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - type: NAW\n    verwerkers: [opdrachtgevers]\n",
        goed=_KOP + "gegevens:\n  - type: NAW\n    ontvangers: [opdrachtgevers]\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            for path, field, ref in _party_refs(bron.model):
                partij = self.register.partij(ref)
                expected = _VERWACHTE_RELATIE.get(field)
                if partij is None or expected is None or partij.model.relatie in expected:
                    continue
                yield self.finding(bron, path, f"partij '{ref}' staat onder '{field}' maar heeft "
                                   f"relatie {partij.model.relatie}",
                                   f"verwacht relatie {' of '.join(expected)}")


class OnbekendeBetrokkene(Rule):
    """Een gegevenstype hoort bij een betrokkene die de verwerking niet noemt.

    Waarom: de categorieën betrokkenen en gegevens horen bij elkaar (art. 30 lid 1 sub c AVG);
    een betrokkene die alleen bij een gegevenstype voorkomt, is meestal een tikfout.

    Oplossing: voeg de betrokkene toe aan 'betrokkenen' of verbeter de naam.
    """

    code = "AVG207"
    severity = Severity.WAARSCHUWING
    title = "Betrokkene niet genoemd bij de verwerking"
    artikel = "art. 30 lid 1 sub c AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "betrokkenen: [opdrachtgever]\ngegevens:\n  - type: NAW\n"
        "    betrokkene: debiteur\n",
        goed=_KOP + "betrokkenen: [opdrachtgever, debiteur]\ngegevens:\n  - type: NAW\n"
        "    betrokkene: debiteur\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            for index, gegeven in enumerate(v.gegevens):
                if gegeven.betrokkene and v.betrokkenen and gegeven.betrokkene not in v.betrokkenen:
                    yield self.finding(bron, ("gegevens", index, "betrokkene"),
                                       f"betrokkene '{gegeven.betrokkene}' staat niet in de "
                                       f"betrokkenen van verwerking {v.id}",
                                       "voeg haar toe aan 'betrokkenen' of verbeter de naam")


class SubverwerkerZonderVerwerker(Rule):
    """Een subverwerker zonder 'via', of 'via' naar een partij die geen verwerker is.

    Waarom: een verwerker schakelt een subverwerker alleen in met voorafgaande schriftelijke
    toestemming en onder dezelfde verplichtingen (art. 28 lid 2 en 4 AVG); daarvoor moet
    vastliggen via welke verwerker zij werkt.

    Is de organisatie zelf verwerker ('organisatie.rol: verwerker' of 'beide'), dan schakelt
    zij haar eigen subverwerkers in (referentie 004): een subverwerker zonder 'via' werkt dan
    voor de organisatie zelf.

    Oplossing: zet in 'via' het id van de verwerker die de subverwerker inschakelt.
    """

    code = "AVG208"
    severity = Severity.FOUT
    title = "Subverwerker zonder verwerker"
    artikel = "art. 28 lid 2 en 4 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: dossiersoft-bv\n  naam: Dossiersoft B.V.\n  relatie: verwerker\n"
        "- id: hosting-bv\n  naam: Hosting B.V.\n  relatie: subverwerker\n",
        goed="- id: dossiersoft-bv\n  naam: Dossiersoft B.V.\n  relatie: verwerker\n"
        "- id: hosting-bv\n  naam: Hosting B.V.\n  relatie: subverwerker\n"
        "  via: dossiersoft-bv\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        zelf_verwerker = config is not None and config.model.organisatie.rol in ("verwerker",
                                                                                  "beide")
        for bron in self.register.partijen:
            p = bron.model
            if p.relatie != "subverwerker":
                continue
            if not p.via:
                if zelf_verwerker:
                    continue  # engaged by the organisation itself as a processor (art. 28(2))
                yield self.finding(bron, ("relatie",), f"subverwerker {p.id} noemt niet via welke "
                                   "verwerker zij werkt", "voeg 'via: <verwerker-id>' toe")
                continue
            via = self.register.partij(p.via)
            if via is None or via.model.relatie not in ("verwerker", "subverwerker"):
                yield self.finding(bron, ("via",), f"'via: {p.via}' is geen verwerker in "
                                   f"{PARTIJEN_FILE}", "verwijs naar een partij met relatie "
                                   "verwerker")
