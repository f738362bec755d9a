"""AVG701-AVG717: the register of data-subject requests (art. 12-22 AVG)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from operator import attrgetter, itemgetter
from typing import Any

from avgctl.findings import PendingFinding, Severity
from avgctl.models.verzoek import ARTIKEL, MELDEN_AAN_ONTVANGERS, Verzoek
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import CONFIG_FILE, VERWERKINGEN_DIR, Bron, Register
from avgctl.termijnen.verzoek import ruimer_dan_wet, verificatie_uiterlijk
from avgctl.verzoeken.views import (
    OPEN,
    beleid,
    datumfouten,
    feestdagenbeleid,
    is_open,
    lijkt_identiteit,
    termijnen,
)

KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
       "verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond\n")


def _csv(*rows: str) -> str:
    return KOP + "".join(row + "\n" for row in rows)


# The fields the rules below read of every request.
_VELDEN = ("referentie", "ontvangen", "betrokkene_ref", "verzoeker", "type", "status",
           "verificatie", "verificatie_op", "verlengd_op", "afgehandeld_op", "besluit",
           "afwijzingsgrond", "afwijzing_toelichting", "ontvangers_geinformeerd",
           "gepauzeerd_van", "gepauzeerd_tot", "pauze_reden", "verwerkingen", "machtiging",
           "fg_advies_op", "fg_advies", "fg_advies_gevolgd", "fg_advies_motivatie_afwijking",
           "geanonimiseerd_op")
_VELDEN_VAN = attrgetter("model.__dict__")
_BLOK = 4096


def _kolommen(register: Register) -> dict[str, list[Any]]:
    """The fields of ``_VELDEN`` of every request: one list per field, in the order of
    ``register.verzoeken``.

    A rule that tests a field or two of 100,000 requests spends most of its time reaching
    each request in memory, not testing it. So each request is read once for every rule of
    the check, and the rules run over the lists of the fields they test (DESIGN.md §5).
    Kept on the register with the list of requests it was read from, and used only for that
    same list: a register with other requests (``fouten_in_record``) gets its own.
    """
    bronnen = register.verzoeken
    kept = register.__dict__.get("_verzoekvelden")
    if kept is not None and kept[0] is bronnen and kept[1] == len(bronnen):
        return kept[2]  # type: ignore[no-any-return]
    # A model keeps its fields in its __dict__ (pydantic): read there, they are the very
    # values its attributes give, without the attribute lookup per field.
    lees = itemgetter(*_VELDEN)
    lijsten: list[list[Any]] = [[] for _ in _VELDEN]
    for start in range(0, len(bronnen), _BLOK):  # a block at a time: little held meanwhile
        rijen = list(map(lees, map(_VELDEN_VAN, bronnen[start:start + _BLOK])))
        for lijst, waarden in zip(lijsten, zip(*rijen, strict=True), strict=True):
            lijst += waarden
    kolommen = dict(zip(_VELDEN, lijsten, strict=True))
    register.__dict__["_verzoekvelden"] = (bronnen, len(bronnen), kolommen)
    return kolommen


class _VerzoekRule(Rule):
    def verzoeken(self) -> list[Bron[Verzoek]]:
        return self.register.verzoeken

    def velden(self, *namen: str) -> Iterator[tuple[Any, ...]]:
        """Each request with the fields ``namen`` (see ``_kolommen``)."""
        kolommen = _kolommen(self.register)
        return zip(self.verzoeken(), *(kolommen[naam] for naam in namen), strict=True)

    def kolom(self, naam: str) -> list[Any]:
        return _kolommen(self.register)[naam]


class DubbeleReferentie(_VerzoekRule):
    """Twee verzoeken met dezelfde referentie.

    Waarom: de referentie staat in de brieven aan de betrokkene en in het dossier; twee
    verzoeken met hetzelfde kenmerk zijn niet uit elkaar te houden (art. 5 lid 2 AVG,
    verantwoordingsplicht).

    Oplossing: geef het tweede verzoek een nieuwe referentie; 'avgctl verzoek add' kiest
    altijd de eerstvolgende vrije.
    """

    code = "AVG701"
    severity = Severity.FOUT
    title = "Dubbele referentie"
    artikel = "art. 5 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,open,open,,,,,,",
                  "AVG-2026-0001,2026-03-04,K-2040,brief,wissing,open,open,,,,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,open,open,,,,,,",
                  "AVG-2026-0002,2026-03-04,K-2040,brief,wissing,open,open,,,,,,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        seen: dict[str, Bron[Verzoek]] = {}
        for bron, referentie in self.velden("referentie"):
            first = seen.setdefault(referentie, bron)
            if first is not bron:
                line, _ = first.doc.locate(first.path)
                yield self.finding(bron, ("referentie",), f"referentie {referentie} "
                                   f"staat ook op {first.file}:{line}",
                                   "geef dit verzoek een nieuwe referentie")


class DatumsInVerkeerdeVolgorde(_VerzoekRule):
    """Een datum van een verzoek ligt vóór de ontvangst, in de toekomst, of een pauze eindigt
    vóór zij begint.

    Waarom: de termijnen van art. 12 lid 3 AVG tellen vanaf de ontvangst; een datum die niet
    kan kloppen maakt elke termijn onbetrouwbaar.

    Oplossing: verbeter de datum.
    """

    code = "AVG702"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Datums in verkeerde volgorde"
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-02-20,toegewezen,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,toegewezen,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron, ontvangen, d1, d2, d3, pauze, tot in self.velden(
                "ontvangen", "verificatie_op", "verlengd_op", "afgehandeld_op",
                "gepauzeerd_van", "gepauzeerd_tot"):
            # The comparisons of ``datumfouten``, each turned round: a request that passes
            # them all has no date to report, and is not looked at further (DESIGN.md §5).
            if (ontvangen <= vandaag
                    and (d1 is None or ontvangen <= d1 <= vandaag)
                    and (d2 is None or ontvangen <= d2 <= vandaag)
                    and (d3 is None or ontvangen <= d3 <= vandaag)
                    and (pauze is None or (ontvangen <= pauze and (
                        tot is None or pauze <= tot)))):
                continue
            for field, message in datumfouten(bron.model, vandaag):
                yield self.finding(bron, (field,), message, "verbeter de datum")


class VerlengingOngeldig(_VerzoekRule):
    """Een verlenging die na de eerste maand is gemeld, of zonder reden.

    Waarom: de termijn mag met twee maanden worden verlengd als het verzoek complex is of er
    veel verzoeken zijn, maar de betrokkene moet dat binnen één maand na ontvangst horen, met
    de redenen (art. 12 lid 3 AVG).

    Oplossing: leg in 'verlenging_reden' vast waarom, en meld een verlenging altijd binnen de
    eerste maand ('avgctl verzoek verleng' weigert een te late verlenging).
    """

    code = "AVG703"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Verlenging te laat of zonder reden"
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,in_behandeling,positief,"
                  "2026-03-03,2026-04-10,veel dossiers,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,in_behandeling,positief,"
                  "2026-03-03,2026-03-25,veel dossiers,,,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, verlengd_op in self.velden("verlengd_op"):
            if verlengd_op is None:
                continue
            v = bron.model
            uiterlijk = termijnen(self.register, v).wettelijk
            if v.verlengd_op > uiterlijk:
                yield self.finding(bron, ("verlengd_op",), f"verlenging van {v.referentie} is "
                                   f"gemeld op {v.verlengd_op.isoformat()}, na de eerste maand "
                                   f"(uiterlijk {uiterlijk.isoformat()})",
                                   "een te late verlenging telt niet; de termijn is dan één maand")
            # An anonymised record no longer has its free texts (DOMAIN.md §9).
            if not v.verlenging_reden and v.geanonimiseerd_op is None:
                yield self.finding(bron, ("verlengd_op",), f"verlenging van {v.referentie} "
                                   "zonder reden", "vul 'verlenging_reden' in")


class BesluitOnvolledig(_VerzoekRule):
    """Een afgehandeld verzoek zonder besluit of datum, of een afwijzing zonder grond.

    Waarom: wie een verzoek (deels) afwijst, vertelt de betrokkene waarom, en dat hij kan
    klagen bij de Autoriteit Persoonsgegevens en naar de rechter kan (art. 12 lid 4 AVG). De
    grond moet daarom vastliggen; bij 'kennelijk ongegrond of buitensporig' moet u dat kunnen
    aantonen (art. 12 lid 5 AVG).

    Oplossing: vul 'besluit', 'afgehandeld_op' en bij een afwijzing 'afwijzingsgrond' in.
    """

    code = "AVG704"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Besluit zonder datum of afwijzing zonder grond"
    artikel = "art. 12 lid 4 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,afgewezen,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,afgewezen,wettelijke_bewaarplicht"),
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, besluit, afgehandeld_op, status, grond in self.velden(
                "besluit", "afgehandeld_op", "status", "afwijzingsgrond"):
            if besluit is not None and afgehandeld_op is None:
                yield self.finding(bron, ("besluit",), f"besluit op {bron.model.referentie} "
                                   "zonder datum", "vul 'afgehandeld_op' in")
            if status == "afgehandeld" and besluit is None:
                yield self.finding(bron, ("status",), f"{bron.model.referentie} is afgehandeld "
                                   "zonder besluit", "vul 'besluit' in")
            if besluit in ("afgewezen", "gedeeltelijk_toegewezen", "niet_in_behandeling") \
                    and grond is None:
                yield self.finding(bron, ("besluit",), f"{bron.model.referentie}: afwijzing "
                                   "zonder grond", "vul 'afwijzingsgrond' in")


class WettelijkeTermijnVerstreken(_VerzoekRule):
    """Een open verzoek waarvan de wettelijke termijn is verstreken.

    Waarom: een verzoek wordt uiterlijk binnen een maand beantwoord, of binnen drie maanden
    als tijdig is verlengd (art. 12 lid 3 AVG). Daarna kan de betrokkene klagen bij de
    Autoriteit Persoonsgegevens. Een gepauzeerde termijn telt hier niet als uitstel: of de
    wettelijke termijn stil kan staan, is niet beslist.

    Oplossing: beantwoord het verzoek zo snel mogelijk en leg het besluit vast met
    'avgctl verzoek afhandel'.
    """

    code = "AVG705"
    severity = Severity.FOUT
    title = "Wettelijke termijn verstreken"
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,in_behandeling,positief,"
                  "2026-03-03,,,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-27,toegewezen,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron, status in self.velden("status"):
            if status not in OPEN:
                continue
            v = bron.model
            einde = termijnen(self.register, v).geldend_wettelijk
            if einde < vandaag:
                yield self.finding(bron, ("referentie",), f"{v.referentie} ({v.type}) is nog "
                                   f"open; de wettelijke termijn verliep op {einde.isoformat()}",
                                   "beantwoord het verzoek direct")


class EigenTermijnVerstreken(_VerzoekRule):
    """Een open verzoek waarvan de eigen, strengere termijn is verstreken.

    Waarom: de organisatie heeft in haar beleid kortere termijnen afgesproken dan de wet
    (bijvoorbeeld twee weken voor wissing); die afspraak bewaken voorkomt dat de wettelijke
    termijn in gevaar komt (art. 12 lid 3 AVG: zonder onredelijke vertraging).

    Oplossing: handel het verzoek af of leg vast waarom het langer duurt.
    """

    code = "AVG706"
    severity = Severity.WAARSCHUWING
    title = "Eigen termijn verstreken"
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-05-01,K-1001,email,wissing,in_behandeling,positief,"
                  "2026-05-04,,,,,"),
        goed=_csv("AVG-2026-0001,2026-05-01,K-1001,email,wissing,afgehandeld,positief,"
                  "2026-05-04,,,2026-05-13,toegewezen,"),
        bijlagen=(("avgctl.yaml", "organisatie:\n  naam: Kantoor Voorbeeld\nbeleid:\n"
                   "  verzoeken:\n    per_type:\n      wissing: {termijn: 2 weken, "
                   "verlenging: 2 weken}\n"),),
    )

    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron, status in self.velden("status"):
            if status not in OPEN:
                continue
            v = bron.model
            t = termijnen(self.register, v)
            if t.geldend_intern < vandaag <= t.geldend_wettelijk:
                yield self.finding(bron, ("referentie",), f"{v.referentie} ({v.type}): de eigen "
                                   f"termijn verliep op {t.geldend_intern.isoformat()} "
                                   f"(wettelijk: {t.geldend_wettelijk.isoformat()})",
                                   "handel het verzoek af")


class HerhaaldVerzoek(_VerzoekRule):
    """Een gelijk verzoek van dezelfde betrokkene binnen drie maanden.

    Waarom: een verzoek dat binnen korte tijd wordt herhaald, kan buitensporig zijn; dan mag
    het worden geweigerd of mag een redelijke vergoeding worden gevraagd (art. 12 lid 5 AVG).
    Dat is een afweging, geen plicht: deze melding is ter informatie.

    Oplossing: beoordeel of het verzoek echt hetzelfde is; bij weigering is de grond
    'herhaald_verzoek'.
    """

    code = "AVG707"
    severity = Severity.INFO
    title = "Herhaald verzoek"
    artikel = "art. 12 lid 5 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,toegewezen,",
                  "AVG-2026-0002,2026-04-15,K-1001,email,inzage,open,open,,,,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,toegewezen,",
                  "AVG-2026-0002,2026-04-15,K-1001,email,wissing,open,open,,,,,,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        from avgctl.termijnen.periode import plus_maanden

        bronnen = self.verzoeken()
        ontvangen, anoniem, personen, types, referenties = (self.kolom(naam) for naam in (
            "ontvangen", "geanonimiseerd_op", "betrokkene_ref", "type", "referentie"))
        # The latest earlier request (its number) per person and type. Keyed by the person's
        # reference alone (a string that already exists), with a dict per type only for the
        # few people with requests of several types: small on 100,000 requests (DESIGN.md §5).
        vorige: dict[str, int | dict[str, int]] = {}
        # In order of receipt; requests of the same day in register order (a stable sort).
        for i in sorted(range(len(bronnen)), key=ontvangen.__getitem__):
            if anoniem[i] is not None:  # no longer says who asked
                continue
            persoon, soort = personen[i], types[i]
            slot = vorige.get(persoon)
            eerder: int | None
            if slot is None or (isinstance(slot, int) and types[slot] == soort):
                eerder, vorige[persoon] = slot, i
            elif isinstance(slot, dict):
                eerder, slot[soort] = slot.get(soort), i
            else:
                eerder, vorige[persoon] = None, {types[slot]: slot, soort: i}
            if eerder is not None and ontvangen[i] <= plus_maanden(ontvangen[eerder], 3):
                yield self.finding(bronnen[i], ("referentie",), f"{referenties[i]}: dezelfde "
                                   f"betrokkene vroeg op {ontvangen[eerder].isoformat()} al om "
                                   f"{soort} ({referenties[eerder]})",
                                   "een herhaald verzoek binnen drie maanden mag worden "
                                   "geweigerd (art. 12 lid 5)")


class VerificatieTeLaat(_VerzoekRule):
    """De identiteit is niet binnen de afgesproken werkdagen gecontroleerd.

    Waarom: pas na de controle van de identiteit kan het verzoek worden behandeld (art. 12
    lid 6 AVG); het beleid (de modelprocedure noemt drie werkdagen) houdt de wettelijke
    termijn haalbaar.

    Oplossing: controleer de identiteit en vul 'verificatie' en 'verificatie_op' in.
    """

    code = "AVG708"
    severity = Severity.WAARSCHUWING
    title = "Identiteit te laat gecontroleerd"
    artikel = "art. 12 lid 6 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,in_behandeling,positief,"
                  "2026-03-12,,,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,in_behandeling,positief,"
                  "2026-03-04,,,,,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        # The last day for the check depends on the day of receipt and the register's policy
        # only (avgctl.termijnen.verzoek.verificatie_uiterlijk): once per day, not per request.
        b = beleid(self.register)
        feestdagen = feestdagenbeleid(b)
        per_dag: dict[dt.date, dt.date] = {}
        for bron, verificatie_op, verificatie, status in self.velden(
                "verificatie_op", "verificatie", "status"):
            if verificatie_op is None and not (verificatie == "open" and status in OPEN):
                continue  # neither test below can hold
            v = bron.model
            uiterlijk = per_dag.get(v.ontvangen)
            if uiterlijk is None:
                uiterlijk = per_dag[v.ontvangen] = verificatie_uiterlijk(
                    v.ontvangen, b.verzoeken, feestdagen)
            if v.verificatie_op is not None:
                if v.verificatie_op > uiterlijk:
                    yield self.finding(bron, ("verificatie_op",), f"{v.referentie}: identiteit "
                                       f"gecontroleerd op {v.verificatie_op.isoformat()}, na "
                                       f"{uiterlijk.isoformat()}", "controleer sneller")
            elif is_open(v) and v.verificatie == "open" and vandaag > uiterlijk:
                yield self.finding(bron, ("verificatie",), f"{v.referentie}: identiteit nog niet "
                                   f"gecontroleerd; dat moest uiterlijk {uiterlijk.isoformat()}",
                                   "controleer de identiteit")


class OntvangersNietGeinformeerd(_VerzoekRule):
    """Na rectificatie, wissing of beperking zijn de ontvangers niet ingelicht.

    Waarom: wie gegevens heeft verbeterd, gewist of beperkt, meldt dat aan elke ontvanger aan
    wie de gegevens zijn verstrekt, tenzij dat onmogelijk is of onevenredig veel moeite kost
    (art. 19 AVG).

    Oplossing: licht de ontvangers in en vul 'ontvangers_geinformeerd' in met de datum, of
    met 'nvt' als er geen ontvangers waren.
    """

    code = "AVG709"
    severity = Severity.FOUT
    title = "Ontvangers niet ingelicht (art. 19)"
    artikel = "art. 19 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-13,toegewezen,"),
        goed=KOP.replace("\n", ",ontvangers_geinformeerd\n")
        + "AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,2026-03-03,,,"
        "2026-03-13,toegewezen,,2026-03-16\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, soort, status, besluit, geinformeerd in self.velden(
                "type", "status", "besluit", "ontvangers_geinformeerd"):
            if (soort in MELDEN_AAN_ONTVANGERS and status == "afgehandeld"
                    and besluit in ("toegewezen", "gedeeltelijk_toegewezen")
                    and geinformeerd is None):
                v = bron.model
                yield self.finding(bron, ("referentie",), f"{v.referentie}: na {v.type} "
                                   f"({ARTIKEL[v.type]}) is niet vastgelegd dat de ontvangers "
                                   "zijn ingelicht", "vul 'ontvangers_geinformeerd' in (datum "
                                   "of nvt)")


class BetrokkeneHerleidbaar(_VerzoekRule):
    """Een betrokkene_ref die eruitziet als een naam, e-mailadres, telefoonnummer, BSN of IBAN.

    Waarom: het register staat in git en git vergeet niets. De betrokkene hoort er alleen in
    te staan met een zaak- of klantnummer (privacy by design, art. 25 AVG).

    Oplossing: vervang de waarde door het zaak- of klantnummer uit het dossier.
    """

    code = "AVG710"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Betrokkene herleidbaar in het register"
    artikel = "art. 25 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,Jan de Vries,email,inzage,open,open,,,,,,"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,open,open,,,,,,"),
    )

    def check(self) -> Iterator[PendingFinding]:
        gezien: dict[str, str | None] = {}
        for bron, ref in self.velden("betrokkene_ref"):
            # The first test of ``lijkt_identiteit`` on the text as it is: a short code with no
            # space or @ (K-104233) is none of these, stripped or not.
            if len(ref) < 9 and " " not in ref and "@" not in ref:
                continue
            if ref in gezien:  # the same person again
                soort = gezien[ref]
            else:
                soort = gezien[ref] = lijkt_identiteit(ref)
            if soort:
                yield self.finding(bron, ("betrokkene_ref",), f"{bron.model.referentie}: "
                                   f"betrokkene_ref lijkt {soort}",
                                   "gebruik een zaak- of klantnummer")


class BeleidRuimerDanWet(Rule):
    """Een eigen termijn voor verzoeken die ruimer is dan de wet.

    Waarom: de wet geeft één maand, met verlenging drie maanden (art. 12 lid 3 AVG). Een eigen
    termijn mag strenger zijn, maar nooit ruimer: anders waarschuwt avgctl te laat.

    Oplossing: maak de termijn in avgctl.yaml (beleid.verzoeken) korter.
    """

    code = "AVG711"
    severity = Severity.FOUT
    title = "Beleid ruimer dan de wet"
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout="organisatie:\n  naam: Kantoor Voorbeeld\nbeleid:\n  verzoeken:\n    per_type:\n"
        "      inzage: {termijn: 6 weken, verlenging: 2 maanden}\n",
        goed="organisatie:\n  naam: Kantoor Voorbeeld\nbeleid:\n  verzoeken:\n    per_type:\n"
        "      inzage: {termijn: 3 weken, verlenging: 2 maanden}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None:
            return
        beleid = config.model.beleid.verzoeken
        termijnen_ = [(("beleid", "verzoeken", "standaard"), beleid.standaard)] + [
            (("beleid", "verzoeken", "per_type", naam), t) for naam, t in beleid.per_type.items()]
        for path, termijn in termijnen_:
            reden = ruimer_dan_wet(termijn)
            if reden:
                yield self.finding(CONFIG_FILE, path, f"beleid ruimer dan de wet: {reden}",
                                   "de wet geeft 1 maand, met verlenging 3 maanden "
                                   "(art. 12 lid 3)")


class PauzeZonderReden(_VerzoekRule):
    """Een gepauzeerde termijn zonder reden.

    Waarom: of de termijn mag stilstaan (bijvoorbeeld tot de identiteit vaststaat) is niet
    beslist; wie pauzeert, moet kunnen uitleggen waarom (art. 5 lid 2 AVG). avgctl toont de
    wettelijke termijn zonder pauze daarom altijd ook.

    Oplossing: vul 'pauze_reden' in.
    """

    code = "AVG712"
    severity = Severity.WAARSCHUWING
    title = "Pauze zonder reden"
    artikel = "art. 5 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout="referentie,ontvangen,betrokkene_ref,kanaal,type,gepauzeerd_van,gepauzeerd_tot\n"
        "AVG-2026-0001,2026-03-02,K-1001,email,inzage,2026-03-03,2026-03-09\n",
        goed="referentie,ontvangen,betrokkene_ref,kanaal,type,gepauzeerd_van,gepauzeerd_tot,"
        "pauze_reden\nAVG-2026-0001,2026-03-02,K-1001,email,inzage,2026-03-03,2026-03-09,"
        "wacht op afgeschermde kopie legitimatie\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, van, tot, reden, anoniem in self.velden(
                "gepauzeerd_van", "gepauzeerd_tot", "pauze_reden", "geanonimiseerd_op"):
            if (van or tot) and not reden and anoniem is None:
                yield self.finding(bron, ("gepauzeerd_van",), f"{bron.model.referentie}: pauze "
                                   "zonder reden", "vul 'pauze_reden' in")


class OnbekendeVerwerking(_VerzoekRule):
    """Een verzoek verwijst naar een verwerking die niet in het register staat.

    Waarom: bij een inzageverzoek hoort de betrokkene per verwerking het doel, de ontvangers
    en de bewaartermijn te horen (art. 15 lid 1 AVG); dat lukt alleen met een juiste
    verwijzing.

    Oplossing: verbeter het id (zie 'avgctl verwerkingen list').
    """

    code = "AVG713"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Onbekende verwerking bij een verzoek"
    artikel = "art. 15 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout="referentie,ontvangen,betrokkene_ref,kanaal,type,verwerkingen\n"
        "AVG-2026-0001,2026-03-02,K-1001,email,inzage,20.9.9\n",
        goed="referentie,ontvangen,betrokkene_ref,kanaal,type,verwerkingen\n"
        "AVG-2026-0001,2026-03-02,K-1001,email,inzage,20.1.1\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        ids = {b.model.id for b in self.register.verwerkingen}
        for bron, verwerkingen in self.velden("verwerkingen"):
            for ref in verwerkingen:
                # An activity that did not validate, or a file that could not be read, may be
                # the one referred to: its own finding says what is wrong.
                if ref not in ids and not self.register.unverifiable(VERWERKINGEN_DIR, ref):
                    yield self.finding(bron, ("verwerkingen",), f"{bron.model.referentie}: "
                                       f"onbekende verwerking '{ref}'",
                                       "zie 'avgctl verwerkingen list'")


class GrondBijToewijzing(_VerzoekRule):
    """Een verzoek dat is toegewezen, maar toch een afwijzingsgrond heeft.

    Waarom: een grond hoort bij een besluit dat geen (volledig) gevolg geeft aan het verzoek;
    dan vertelt de organisatie de betrokkene waarom (art. 12 lid 4 AVG). Bij een toewijzing
    zegt de grond het tegendeel van het besluit: uit het register blijkt dan niet meer wat er
    is besloten, en de brief aan de betrokkene kan een afwijzing noemen die er niet was.

    Oplossing: maak de grond leeg als het verzoek echt is toegewezen, of leg het besluit vast
    als 'gedeeltelijk_toegewezen' of 'afgewezen' als de grond klopt.
    """

    code = "AVG714"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Afwijzingsgrond bij een toewijzing"
    artikel = "art. 12 lid 4 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,toegewezen,herhaald_verzoek"),
        goed=_csv("AVG-2026-0001,2026-03-02,K-1001,email,inzage,afgehandeld,positief,"
                  "2026-03-03,,,2026-03-20,afgewezen,herhaald_verzoek"),
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, besluit, grond in self.velden("besluit", "afwijzingsgrond"):
            if besluit == "toegewezen" and grond is not None:
                yield self.finding(bron, ("afwijzingsgrond",), f"{bron.model.referentie} is "
                                   f"toegewezen, maar heeft afwijzingsgrond '{grond}'",
                                   "maak de grond leeg, of leg het besluit vast als "
                                   "gedeeltelijk_toegewezen of afgewezen")


class ToelichtingOntbreekt(_VerzoekRule):
    """Een (gedeeltelijke) afwijzing met de grond 'overig', zonder uitleg voor de betrokkene.

    Waarom: wie een verzoek niet (helemaal) inwilligt, zegt de betrokkene waarom (art. 12
    lid 4 AVG). Bij de vaste gronden staat die uitleg in de brief; bij 'overig' kan alleen
    'afwijzing_toelichting' zeggen wat de reden is. De 'opmerking' is intern en komt nooit in
    een brief.

    Oplossing: schrijf in 'afwijzing_toelichting' de reden zoals de betrokkene hem leest,
    bijvoorbeeld met 'avgctl verzoek update REF --afwijzing-toelichting "..."'.
    """

    code = "AVG715"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Afwijzing 'overig' zonder toelichting"
    artikel = "art. 12 lid 4 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=_csv("AVG-2026-0001,2026-03-02,K-1001,email,overdraagbaarheid,afgehandeld,"
                  "positief,2026-03-03,,,2026-03-20,afgewezen,overig"),
        goed=KOP.replace("\n", ",afwijzing_toelichting\n")
        + "AVG-2026-0001,2026-03-02,K-1001,email,overdraagbaarheid,afgehandeld,positief,"
        "2026-03-03,,,2026-03-20,afgewezen,overig,het recht op overdracht geldt niet bij een "
        "wettelijke taak (art. 20 lid 3 AVG)\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, grond, besluit, toelichting, anoniem in self.velden(
                "afwijzingsgrond", "besluit", "afwijzing_toelichting", "geanonimiseerd_op"):
            # An anonymised record no longer has its free texts (DOMAIN.md §9).
            if (grond == "overig" and besluit not in (None, "toegewezen")
                    and not toelichting and anoniem is None):
                yield self.finding(bron, ("afwijzingsgrond",), f"{bron.model.referentie}: "
                                   "afwijzing "
                                   "met grond 'overig' zonder uitleg voor de betrokkene",
                                   "vul 'afwijzing_toelichting' in; de opmerking is intern en "
                                   "komt niet in de brief")


_VERTEGENWOORDIGER = ("gemachtigde", "wettelijk_vertegenwoordiger", "advocaat")


class MachtigingOntbreekt(_VerzoekRule):
    """Een verzoek namens de betrokkene, zonder vastgelegd bewijs dat de verzoeker dat mag.

    Niet gemeld bij een verzoek dat is ingetrokken, of dat juist daarom is afgewezen of niet
    in behandeling genomen (grond 'identiteit_niet_vastgesteld').

    Waarom: gegevens gaan alleen naar de betrokkene of naar iemand die aantoonbaar namens hem
    mag optreden (art. 12 lid 6 AVG). De modelprocedure vraagt daarom een volmacht, een
    beschikking van de rechter, het gezag over een kind, inschrijving als advocaat of het
    curatele- en bewindregister.

    Oplossing: vul 'machtiging' in met volmacht, rechterlijke_uitspraak, ouderlijk_gezag,
    advocatenregister of curatele_bewind.
    """

    code = "AVG716"
    severity = Severity.WAARSCHUWING
    title = "Verzoek namens een ander zonder machtiging"
    artikel = "art. 12 lid 6 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout="referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type\n"
        "AVG-2026-0001,2026-03-02,K-1001,advocaat,brief,inzage\n",
        goed="referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,machtiging\n"
        "AVG-2026-0001,2026-03-02,K-1001,advocaat,brief,inzage,advocatenregister\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, verzoeker, machtiging in self.velden("verzoeker", "machtiging"):
            if verzoeker not in _VERTEGENWOORDIGER or machtiging is not None:
                continue
            v = bron.model
            if v.status == "ingetrokken" or v.geanonimiseerd_op is not None or (
                    v.afwijzingsgrond == "identiteit_niet_vastgesteld"
                    and v.besluit in ("afgewezen", "niet_in_behandeling")):
                continue
            yield self.finding(bron, ("verzoeker",), f"{v.referentie}: verzoek door "
                               f"{v.verzoeker.replace('_', ' ')} zonder vastgelegd bewijs van "
                               "machtiging", "vul 'machtiging' in, of wijs het verzoek af op "
                               "identiteit_niet_vastgesteld")


class FgAdviesVerzoek(_VerzoekRule):
    """Het advies van de FG bij een verzoek is onvolledig, of niet gevolgd zonder motivatie.

    Waarom: wie het advies van de functionaris gegevensbescherming vastlegt, legt vast wanneer
    het kwam, wat het was en of het is gevolgd; wie ervan afwijkt, moet kunnen uitleggen
    waarom (art. 5 lid 2 AVG; art. 38 lid 1 AVG).

    Oplossing: vul 'fg_advies_op', 'fg_advies' en 'fg_advies_gevolgd' (ja of nee) in, en bij
    'nee' ook 'fg_advies_motivatie_afwijking'.
    """

    code = "AVG717"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "FG-advies bij een verzoek onvolledig"
    artikel = "art. 38 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=KOP.replace("\n", ",fg_advies_op,fg_advies,fg_advies_gevolgd\n")
        + "AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,2026-03-03,,,"
        "2026-03-20,afgewezen,wettelijke_bewaarplicht,2026-03-18,gedeeltelijk wissen,nee\n",
        goed=KOP.replace("\n", ",fg_advies_op,fg_advies,fg_advies_gevolgd,"
                         "fg_advies_motivatie_afwijking\n")
        + "AVG-2026-0001,2026-03-02,K-1001,email,wissing,afgehandeld,positief,2026-03-03,,,"
        "2026-03-20,afgewezen,wettelijke_bewaarplicht,2026-03-18,gedeeltelijk wissen,nee,"
        "alle gegevens vallen onder de bewaarplicht\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron, op, advies, gevolgd, motivatie in self.velden(
                "fg_advies_op", "fg_advies", "fg_advies_gevolgd",
                "fg_advies_motivatie_afwijking"):
            if not (op or advies or gevolgd or motivatie):
                continue  # no advice recorded: the test below, without making the dict
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
                yield self.finding(bron, (gezet,), f"{v.referentie}: advies van de FG zonder "
                                   + ", ".join(f"'{naam}'" for naam in leeg),
                                   "vul " + ", ".join(f"'{naam}'" for naam in leeg) + " in")
            elif v.fg_advies_gevolgd == "nee" and not v.fg_advies_motivatie_afwijking:
                yield self.finding(bron, ("fg_advies_gevolgd",), f"{v.referentie}: het advies "
                                   "van de FG is niet gevolgd, zonder motivatie",
                                   "vul 'fg_advies_motivatie_afwijking' in")
