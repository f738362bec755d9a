"""AVG801-AVG810: the breach register (art. 33 and 34 AVG) and its follow-up.

A timestamp without its UTC offset is refused by the model (AVG002): the 72-hour clock
cannot be computed from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from avgctl.datalekken.views import ernstcriteria, meldplichtig, termijnen
from avgctl.findings import PendingFinding, Severity
from avgctl.models.datalek import Datalek
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import PARTIJEN_FILE, VERWERKINGEN_DIR, Bron

_KOP = ("referentie: DL-2026-001\nontdekt_op: 2026-03-27T10:00:00+01:00\n"
        "beschrijving: Brief met dossiergegevens naar een verkeerd adres gestuurd.\n"
        "soort: [vertrouwelijkheid]\n")
# A breach of last year, closed long enough ago for its evaluation to be due.
_KOP_OUD = ("referentie: DL-2025-009\nontdekt_op: 2025-11-27T10:00:00+01:00\n"
            "beschrijving: Brief met dossiergegevens naar een verkeerd adres gestuurd.\n"
            "soort: [vertrouwelijkheid]\nrisico: risico\nbesluit_motivatie: Financiële gegevens.\n"
            "ap_meldingen:\n  - soort: volledig\n    op: 2025-11-28T09:00:00+01:00\n")
_MELDING = ("ap_meldingen:\n  - soort: volledig\n    op: 2026-03-28T09:00:00+01:00\n"
            "    kenmerk: M-1\n")


def _uur(waarde: float) -> str:
    import math

    if abs(waarde) >= 1:
        return f"{math.floor(abs(waarde))} uur"
    minuten = max(math.ceil(abs(waarde) * 60), 1)
    return "1 minuut" if minuten == 1 else f"{minuten} minuten"


class _DatalekRule(Rule):
    def datalekken(self) -> list[Bron[Datalek]]:
        return [b for b in self.register.datalekken if not b.model.geen_datalek]


class MeldingTeLaatZonderReden(_DatalekRule):
    """Een melding aan de AP na 72 uur, zonder de reden van de vertraging.

    Waarom: een melding volgt zonder onredelijke vertraging en zo mogelijk binnen 72 uur na
    ontdekking. Is dat niet gelukt, dan gaat de melding vergezeld van de redenen voor de
    vertraging (art. 33 lid 1 AVG).

    Oplossing: leg in 'reden_vertraging' vast waarom de melding later was, en neem die reden
    op in (een aanvulling op) de melding.
    """

    code = "AVG801"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Te late melding zonder reden"
    artikel = "art. 33 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "risico: risico\nbesluit_motivatie: Adres en financiële gegevens.\n"
        "ap_meldingen:\n  - soort: volledig\n    op: 2026-04-01T09:00:00+02:00\n    kenmerk: M-1\n",
        goed=_KOP + "risico: risico\nbesluit_motivatie: Adres en financiële gegevens.\n"
        "ap_meldingen:\n  - soort: volledig\n    op: 2026-04-01T09:00:00+02:00\n    kenmerk: M-1\n"
        "reden_vertraging: De omvang werd pas na onderzoek bij de drukker duidelijk.\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.datalekken():
            d = bron.model
            t = termijnen(self.register, d)
            # An anonymised breach no longer has its free texts (DOMAIN.md §9).
            if t.te_laat_gemeld and not d.reden_vertraging and d.geanonimiseerd_op is None:
                assert t.eerste_melding is not None
                te_laat = (t.eerste_melding - t.ap).total_seconds() / 3600
                yield self.finding(bron, ("ap_meldingen",), f"{d.referentie} is {_uur(te_laat)} "
                                   "na de termijn van 72 uur gemeld, zonder reden",
                                   "vul 'reden_vertraging' in")


class NietGemeld(_DatalekRule):
    """Een datalek met risico (of nog zonder beoordeling) waarvoor 72 uur na ontdekking geen
    melding bij de AP is gedaan.

    Waarom: een datalek wordt binnen 72 uur gemeld, tenzij het waarschijnlijk geen risico
    oplevert voor de betrokkenen (art. 33 lid 1 AVG). Wie niet meldt, moet die conclusie
    kunnen onderbouwen.

    Oplossing: meld het datalek via het meldformulier van de AP (de inhoud staat klaar met
    'avgctl datalek ap-melding') en leg de melding vast met 'avgctl datalek meld', of
    beoordeel het risico als 'geen' met een motivatie.
    """

    code = "AVG802"
    severity = Severity.FOUT
    title = "Niet gemeld binnen 72 uur"
    artikel = "art. 33 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "risico: risico\nbesluit_motivatie: Financiële gegevens.\n",
        goed=_KOP + "risico: risico\nbesluit_motivatie: Financiële gegevens.\n" + _MELDING,
    )

    def check(self) -> Iterator[PendingFinding]:
        nu = self.context.moment
        for bron in self.datalekken():
            d = bron.model
            if d.risico == "geen":
                continue
            t = termijnen(self.register, d)
            if t.gemeld or nu <= t.ap:
                continue
            wat = "met risico" if meldplichtig(d) else "zonder beoordeling van het risico"
            yield self.finding(bron, ("ontdekt_op",), f"{d.referentie} ({wat}) is niet bij de AP "
                               f"gemeld; de termijn verliep {_uur(t.uren_over(nu) * -1)} geleden",
                               "meld direct, of beoordeel en motiveer 'risico: geen'")


class HoogRisicoNietGeinformeerd(_DatalekRule):
    """Een datalek met hoog risico, zonder dat de betrokkenen zijn geïnformeerd of een
    uitzondering is vastgelegd.

    Waarom: bij een hoog risico worden ook de betrokkenen zonder onredelijke vertraging
    ingelicht (art. 34 lid 1 AVG), tenzij de gegevens onleesbaar waren, het risico door latere
    maatregelen is weggenomen, of het onevenredig veel moeite kost; dan volgt een openbare
    mededeling (art. 34 lid 3 AVG).

    Oplossing: informeer de betrokkenen ('avgctl datalek brief') en vul
    'betrokkenen_geinformeerd' in met datum en wijze, of leg de uitzondering vast.
    """

    code = "AVG803"
    severity = Severity.FOUT
    title = "Hoog risico: betrokkenen niet geïnformeerd"
    artikel = "art. 34 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "risico: hoog_risico\nbesluit_motivatie: BSN en inkomen.\n" + _MELDING,
        goed=_KOP + "risico: hoog_risico\nbesluit_motivatie: BSN en inkomen.\n" + _MELDING
        + "betrokkenen_geinformeerd: {op: 2026-03-30, wijze: brief}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.datalekken():
            d = bron.model
            info = d.betrokkenen_geinformeerd
            if d.risico == "hoog_risico" and (info is None or (info.op is None
                                                               and info.uitzondering is None)):
                yield self.finding(bron, ("risico",), f"{d.referentie} heeft een hoog risico, maar "
                                   "de betrokkenen zijn niet geïnformeerd en er is geen "
                                   "uitzondering vastgelegd", "informeer de betrokkenen, of "
                                   "leg de uitzondering van art. 34 lid 3 vast")


class VerwerkerTeLaat(_DatalekRule):
    """Een verwerker meldde het datalek later dan de verwerkersovereenkomst toestaat.

    Waarom: een verwerker meldt een datalek zonder onredelijke vertraging aan de
    verwerkingsverantwoordelijke (art. 33 lid 2 AVG); de overeenkomst noemt daarvoor een
    termijn. avgctl neemt de termijn uit 'bepalingen.datalek_melden_uur' van de overeenkomst
    met die verwerker, en anders 'beleid.datalekken.verwerker_meldt_binnen_uur' (standaard
    24 uur). Elk uur vertraging gaat af van de 72 uur.

    Oplossing: spreek de verwerker erop aan en leg dat vast in de evaluatie.
    """

    code = "AVG804"
    severity = Severity.WAARSCHUWING
    title = "Verwerker meldde te laat"
    artikel = "art. 33 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "verwerker:\n  partij: dossiersoft-bv\n"
        "  verwerker_ontdekt_op: 2026-03-25T08:00:00+01:00\n"
        "  gemeld_aan_ons_op: 2026-03-27T10:00:00+01:00\n",
        goed=_KOP + "verwerker:\n  partij: dossiersoft-bv\n"
        "  verwerker_ontdekt_op: 2026-03-27T08:00:00+01:00\n"
        "  gemeld_aan_ons_op: 2026-03-27T10:00:00+01:00\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.datalekken():
            t = termijnen(self.register, bron.model)
            if t.verwerker_te_laat:
                assert t.verwerker_gemeld is not None and t.verwerker_uiterlijk is not None
                uren = (t.verwerker_gemeld - t.verwerker_uiterlijk).total_seconds() / 3600
                yield self.finding(bron, ("verwerker", "gemeld_aan_ons_op"),
                                   f"{bron.model.referentie}: de verwerker meldde het "
                                   f"{_uur(uren)} later dan afgesproken",
                                   "spreek de verwerker aan en leg het vast in de evaluatie")


class GeenRisicoZonderMotivatie(_DatalekRule):
    """Een besluit 'geen risico' (niet melden) zonder motivatie.

    Waarom: ook een datalek dat niet wordt gemeld, wordt gedocumenteerd met de feiten, de
    gevolgen en de genomen maatregelen, zodat de AP kan nagaan of aan art. 33 is voldaan
    (art. 33 lid 5 AVG). Juist het besluit om niet te melden moet uitlegbaar zijn.

    Oplossing: leg in 'besluit_motivatie' uit waarom het datalek waarschijnlijk geen risico
    oplevert, bijvoorbeeld omdat de gegevens versleuteld waren.
    """

    code = "AVG805"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Geen risico zonder motivatie"
    artikel = "art. 33 lid 5 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "risico: geen\n",
        goed=_KOP + "risico: geen\nbesluit_motivatie: De ontvanger heeft de brief ongeopend "
        "teruggestuurd.\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.datalekken:
            d = bron.model
            if (d.risico == "geen" or d.geen_datalek) and not d.besluit_motivatie \
                    and d.geanonimiseerd_op is None:
                wat = "geen datalek" if d.geen_datalek else "geen risico"
                yield self.finding(bron, ("risico",) if d.risico else ("geen_datalek",),
                                   f"{d.referentie}: besluit '{wat}' zonder motivatie",
                                   "vul 'besluit_motivatie' in")


class ErnstTegenstrijdig(_DatalekRule):
    """De vastgelegde ernst 'beperkt' past niet bij de kenmerken van het datalek.

    Waarom: de praktijk noemt een datalek matig tot ernstig bij veel betrokkenen,
    minderjarigen, bijzondere gegevens of een lek dat nog niet gedicht is. Een te lage
    inschatting leidt tot een verkeerd besluit over melden (art. 33 en 34 AVG).

    Oplossing: herzie de ernst, of leg in 'besluit_motivatie' uit waarom het toch beperkt is.
    """

    code = "AVG806"
    severity = Severity.WAARSCHUWING
    title = "Ernst past niet bij de kenmerken"
    artikel = "art. 34 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "ernst: beperkt\nminderjarigen: true\n",
        goed=_KOP + "ernst: matig_tot_ernstig\nminderjarigen: true\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.datalekken():
            d = bron.model
            criteria = ernstcriteria(d)
            if d.ernst == "beperkt" and criteria.ernstig and not d.besluit_motivatie \
                    and d.geanonimiseerd_op is None:
                yield self.finding(bron, ("ernst",), f"{d.referentie} staat als 'beperkt', maar: "
                                   f"{', '.join(criteria.redenen)}",
                                   "herzie de ernst (matig_tot_ernstig) of motiveer")


class BijzonderNietInVerwerking(_DatalekRule):
    """Bijzondere gegevens in een datalek, terwijl de genoemde verwerkingen er geen vermelden.

    Waarom: dan klopt het register van verwerkingen niet met de praktijk: bijzondere gegevens
    vragen een uitzondering van art. 9 lid 2 AVG, en die ontbreekt in het register.

    Oplossing: vul bij de verwerking 'bijzondere_gegevens' aan, of verbeter het datalek.
    """

    code = "AVG807"
    severity = Severity.WAARSCHUWING
    title = "Bijzondere gegevens niet in het register"
    artikel = "art. 30 lid 1 sub c AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "verwerkingen: [20.1.1]\nbijzondere_gegevens: [gezondheid]\n",
        goed=_KOP + "verwerkingen: [20.1.1]\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        activiteiten = {b.model.id: b.model for b in self.register.verwerkingen}
        for bron in self.datalekken():
            d = bron.model
            if not d.bijzondere_gegevens or not d.verwerkingen:
                continue
            vermeld = {b.categorie for i in d.verwerkingen if i in activiteiten
                       for b in activiteiten[i].bijzondere_gegevens}
            missing = [c for c in d.bijzondere_gegevens if c not in vermeld]
            if missing and all(i in activiteiten for i in d.verwerkingen):
                yield self.finding(bron, ("bijzondere_gegevens",), f"{d.referentie} bevat "
                                   f"{', '.join(m.replace('_', ' ') for m in missing)}, maar de "
                                   f"verwerkingen {', '.join(d.verwerkingen)} noemen die niet",
                                   "vul het register aan of verbeter het datalek")


class OnbekendeVerwijzing(_DatalekRule):
    """Een datalek verwijst naar een verwerking of verwerker die niet in het register staat.

    Waarom: de verwerkingen bepalen welke gegevens en betrokkenen geraakt zijn (art. 33 lid 3
    sub a AVG); een verwerker moet in partijen.yaml staan met zijn overeenkomst (art. 28 AVG).

    Oplossing: verbeter het id.
    """

    code = "AVG808"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Onbekende verwerking of partij bij een datalek"
    artikel = "art. 33 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "verwerkingen: [20.9.9]\n",
        goed=_KOP + "verwerkingen: [20.1.1]\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        ids = {b.model.id for b in self.register.verwerkingen}
        for bron in self.register.datalekken:
            d = bron.model
            for index, ref in enumerate(d.verwerkingen):
                if ref not in ids and not self.register.unverifiable(VERWERKINGEN_DIR, ref):
                    yield self.finding(bron, ("verwerkingen", index), f"{d.referentie}: onbekende "
                                       f"verwerking '{ref}'", "zie 'avgctl verwerkingen list'")
            partij = d.verwerker.partij if d.verwerker else None
            if partij and self.register.partij(partij) is None and not self.register.unverifiable(
                    PARTIJEN_FILE, partij):
                yield self.finding(bron, ("verwerker", "partij"), f"{d.referentie}: onbekende "
                                   f"partij '{partij}'", f"voeg haar toe aan {PARTIJEN_FILE}")



class TijdstippenKloppenNiet(_DatalekRule):
    """Een tijdstip van een datalek dat niet kan kloppen: een ontdekking in de toekomst, een
    melding, evaluatie of andere ingelichte partij vóór de ontdekking, een afsluiting vóór de
    ontdekking, of een datalek dat pas na zijn ontdekking begon.

    Waarom: de termijn van 72 uur telt vanaf de ontdekking (art. 33 lid 1 AVG); met een
    verkeerd tijdstip geeft avgctl een verkeerde klok, en lijkt een te late melding op tijd.

    Oplossing: verbeter het tijdstip, met de juiste afwijking van UTC.
    """

    code = "AVG809"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Tijdstippen van een datalek kloppen niet"
    artikel = "art. 33 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP + "ap_meldingen:\n  - soort: voorlopig\n    op: 2026-03-26T09:00:00+01:00\n",
        goed=_KOP + "ap_meldingen:\n  - soort: voorlopig\n    op: 2026-03-28T09:00:00+01:00\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.datalekken:
            d = bron.model
            for path, message in self._fouten(d):
                yield self.finding(bron, path, f"{d.referentie}: {message}",
                                   "verbeter het tijdstip")

    def _fouten(self, d: Datalek) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if d.ontdekt_op > self.context.moment + dt.timedelta(days=1):
            yield ("ontdekt_op",), "de ontdekking ligt in de toekomst"
        for index, melding in enumerate(d.ap_meldingen):
            if melding.op < d.ontdekt_op:
                yield ("ap_meldingen", index, "op"), "een melding ligt vóór de ontdekking"
        if d.afgesloten_op is not None and d.afgesloten_op < d.ontdekt_op.date():
            yield ("afgesloten_op",), "het datalek is afgesloten vóór het werd ontdekt"
        van = d.periode.van if d.periode else None
        begin = van.date() if isinstance(van, dt.datetime) else van
        if begin is not None and begin > d.ontdekt_op.date():
            yield ("periode", "van"), "het datalek begon pas na de ontdekking"
        if d.evaluatie is not None and d.evaluatie.op is not None \
                and d.evaluatie.op < d.ontdekt_op.date():
            yield ("evaluatie", "op"), "de evaluatie ligt vóór de ontdekking"
        for index, ander in enumerate(d.ook_geinformeerd):
            op = ander.op.date() if isinstance(ander.op, dt.datetime) else ander.op
            if op is not None and op < d.ontdekt_op.date():
                yield ("ook_geinformeerd", index, "op"), (f"{ander.wie} is ingelicht vóór de "
                                                          "ontdekking")
        v = d.verwerker
        if v and v.verwerker_ontdekt_op and v.gemeld_aan_ons_op and (
                v.gemeld_aan_ons_op < v.verwerker_ontdekt_op):
            yield ("verwerker", "gemeld_aan_ons_op"), ("de verwerker meldde het vóór hij het "
                                                       "ontdekte")


class EvaluatieOntbreekt(_DatalekRule):
    """Een matig tot ernstig datalek dat lang genoeg is afgesloten, zonder evaluatie met datum.

    Waarom: wie verantwoordelijk is, toont aan dat hij passende maatregelen neemt en leert van
    wat misging (art. 5 lid 2 en art. 24 AVG; art. 33 lid 5 vraagt de genomen maatregelen te
    documenteren). Het privacyhandboek (referentie 002) laat enige tijd na een matig tot ernstig
    datalek de afhandeling evalueren: was de melding aan de AP en aan betrokkenen op tijd en
    afdoende, waren de maatregelen snel genoeg en voldoende, had het eerder gezien kunnen worden.
    Hoeveel dagen na de afsluiting dat moet, zegt 'beleid.datalekken.evaluatie_binnen_dagen'
    (standaard 90). Een geanonimiseerd datalek telt niet mee: zijn evaluatie is gewist.

    Oplossing: leg de evaluatie vast als 'evaluatie: {op: JJJJ-MM-DD, uitkomst: ...,
    maatregelen: [...]}'.
    """

    code = "AVG810"
    severity = Severity.WAARSCHUWING
    title = "Evaluatie van een ernstig datalek ontbreekt"
    artikel = "art. 5 lid 2 en art. 33 lid 5 AVG"
    voorbeeld = Voorbeeld(
        "datalek",
        fout=_KOP_OUD + "ernst: matig_tot_ernstig\nafgesloten_op: 2025-12-10\n",
        goed=_KOP_OUD + "ernst: matig_tot_ernstig\nafgesloten_op: 2025-12-10\nevaluatie:\n"
        "  op: 2026-02-15\n  uitkomst: Op tijd gemeld; de adrescontrole ontbrak.\n"
        "  maatregelen: [Adres controleren vóór verzending]\n",
        bestand="registers/datalekken/DL-2025-009.yaml",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        dagen = config.model.beleid.datalekken.evaluatie_binnen_dagen if config else 90
        vandaag = self.context.vandaag
        for bron in self.datalekken():
            d = bron.model
            if d.ernst != "matig_tot_ernstig" or d.afgesloten_op is None \
                    or d.geanonimiseerd_op is not None:
                continue
            uiterlijk = d.afgesloten_op + dt.timedelta(days=dagen)
            if vandaag <= uiterlijk or (d.evaluatie is not None and d.evaluatie.op is not None):
                continue
            if d.evaluatie is None:
                path: tuple[str, ...] = ("afgesloten_op",)
                wat = "geen evaluatie"
            else:
                path = ("evaluatie",)
                wat = "een evaluatie zonder datum"
            yield self.finding(bron, path, f"{d.referentie} is matig tot ernstig en afgesloten op "
                               f"{d.afgesloten_op.isoformat()}, maar heeft {dagen} dagen later "
                               f"({uiterlijk.isoformat()}) {wat}",
                               "leg vast: 'evaluatie: {op: JJJJ-MM-DD, uitkomst: ..., "
                               "maatregelen: [...]}'")

