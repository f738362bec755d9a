"""AVG501-AVG505: DPIA (art. 35 AVG), the FG (art. 37 AVG) and the FG's advice (art. 35(2)
and 38(1) AVG)."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.models.verwerking import DPIA_AP_LIJST, DPIA_EDPB_CRITERIA
from avgctl.rules.base import Rule, Voorbeeld

_KOP = 'id: "10.1.1"\nnaam: Cameratoezicht kantoor\n'


class DpiaOntbreekt(Rule):
    """Een verwerking met een DPIA-indicator, zonder DPIA en zonder motivatie.

    Een indicator is een soort verwerking van de lijst van de Autoriteit Persoonsgegevens
    (bijvoorbeeld cameratoezicht, profilering, gezondheidsgegevens) of twee of meer criteria
    van de Europese richtsnoeren (zoals evaluatie, grote schaal, kwetsbare betrokkenen).

    Waarom: bij een waarschijnlijk hoog risico is een gegevensbeschermingseffectbeoordeling
    verplicht vóór de verwerking begint (art. 35 lid 1 en 4 AVG). Wie besluit dat er geen
    nodig is, moet dat kunnen uitleggen (art. 5 lid 2 AVG).

    Oplossing: voer de DPIA uit en leg 'dpia: {nodig: true, uitgevoerd: JJJJ-MM-DD}' vast, of
    motiveer 'dpia: {nodig: false, motivatie: ...}'.
    """

    code = "AVG501"
    severity = Severity.FOUT
    title = "DPIA-indicator zonder DPIA"
    artikel = "art. 35 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "dpia_criteria: [cameratoezicht]\n",
        goed=_KOP + "dpia_criteria: [cameratoezicht]\n"
        "dpia: {nodig: true, uitgevoerd: 2025-02-01, kenmerk: DPIA-2025-01}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            ap = [c for c in v.dpia_criteria if c in DPIA_AP_LIJST]
            edpb = [c for c in v.dpia_criteria if c in DPIA_EDPB_CRITERIA]
            if not ap and len(edpb) < 2:
                continue
            dpia = v.dpia
            if dpia is not None and (dpia.nodig or dpia.motivatie):
                continue
            reden = (f"staat op de DPIA-lijst van de AP ({', '.join(DPIA_AP_LIJST[c] for c in ap)})"
                     if ap else "voldoet aan " + str(len(edpb)) + " EDPB-criteria ("
                     + ", ".join(DPIA_EDPB_CRITERIA[c] for c in edpb) + ")")
            path = ("dpia",) if dpia is not None else ("dpia_criteria",)
            yield self.finding(bron, path, f"verwerking {v.id} {reden}, maar er is geen DPIA en "
                               "geen motivatie", "voer een DPIA uit of motiveer waarom niet")


class DpiaNietUitgevoerd(Rule):
    """Een DPIA is nodig maar (nog) niet uitgevoerd.

    Waarom: de DPIA gaat vooraf aan de verwerking (art. 35 lid 1 AVG); een vastgesteld 'nodig'
    zonder uitvoeringsdatum is een open actie.

    Oplossing: voer de DPIA uit en vul 'uitgevoerd' en 'kenmerk' in.
    """

    code = "AVG502"
    severity = Severity.WAARSCHUWING
    title = "DPIA nodig, niet uitgevoerd"
    artikel = "art. 35 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "dpia: {nodig: true}\n",
        goed=_KOP + "dpia: {nodig: true, uitgevoerd: 2025-02-01}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            dpia = bron.model.dpia
            if dpia is not None and dpia.nodig and dpia.uitgevoerd is None:
                yield self.finding(bron, ("dpia",), f"verwerking {bron.model.id}: DPIA is nodig "
                                   "maar niet uitgevoerd", "vul 'uitgevoerd:' in zodra de DPIA "
                                   "klaar is")


class FgOntbreekt(Rule):
    """Geen functionaris gegevensbescherming (FG) en geen motivatie, waar een FG verplicht is.

    Waarom: een overheidsinstantie, en een organisatie die als kernactiviteit op grote schaal
    mensen volgt of bijzondere of strafrechtelijke gegevens verwerkt, moet een FG aanwijzen
    (art. 37 lid 1 AVG).

    Oplossing: vul in avgctl.yaml 'organisatie.fg' in met naam en contactgegevens, of leg in
    'fg_motivatie' vast waarom er geen is (bijvoorbeeld een gedeelde FG van de
    beroepsorganisatie).
    """

    code = "AVG503"
    severity = Severity.FOUT
    title = "Functionaris gegevensbescherming ontbreekt"
    artikel = "art. 37 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout="organisatie:\n  naam: Gemeente Voorbeeld\n  overheid: true\n",
        goed="organisatie:\n  naam: Gemeente Voorbeeld\n  overheid: true\n"
        "  fg: {naam: Functionaris gegevensbescherming}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        bron = self.register.config
        if bron is None:
            return
        org = bron.model.organisatie
        verplicht = [reden for reden, geldt in (
            ("een overheidsorganisatie", org.overheid),
            ("een organisatie die op grote schaal mensen volgt", org.grootschalige_monitoring),
            ("een organisatie die op grote schaal bijzondere gegevens verwerkt",
             org.grootschalig_bijzondere_gegevens),
        ) if geldt]
        if verplicht and org.fg is None and not org.fg_motivatie:
            yield self.finding(bron, ("organisatie",), f"{verplicht[0]} moet een functionaris "
                               "gegevensbescherming hebben", "vul 'organisatie.fg' in, of "
                               "'organisatie.fg_motivatie'")


def _heeft_fg(rule: Rule) -> bool:
    """Whether avgctl.yaml names an FG: without one there is nobody to ask (art. 35(2) AVG
    asks the controller to seek the advice of the FG "where designated")."""
    config = rule.register.config
    return config is not None and config.model.organisatie.fg is not None


class DpiaZonderFgAdvies(Rule):
    """Een uitgevoerde DPIA zonder het advies van de functionaris gegevensbescherming.

    Geldt alleen als avgctl.yaml een FG noemt ('organisatie.fg').

    Waarom: wie een DPIA uitvoert, vraagt de FG om advies (art. 35 lid 2 AVG; art. 39 lid 1
    sub c AVG). Wat de FG adviseerde en of dat is gevolgd, hoort bij de verantwoording (art. 5
    lid 2 AVG).

    Oplossing: leg het advies vast in 'dpia.fg_advies' met 'op', 'advies' en 'gevolgd'.
    """

    code = "AVG504"
    severity = Severity.WAARSCHUWING
    title = "DPIA zonder advies van de FG"
    artikel = "art. 35 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "dpia: {nodig: true, uitgevoerd: 2025-02-01}\n",
        goed=_KOP + "dpia:\n  nodig: true\n  uitgevoerd: 2025-02-01\n  fg_advies: {op: "
        "2025-01-20, advies: Beelden na 4 weken overschrijven., gevolgd: true}\n",
        bijlagen=(("avgctl.yaml", "organisatie:\n  naam: Kantoor Voorbeeld\n"
                   "  fg: {naam: Functionaris gegevensbescherming}\n"),),
    )

    def check(self) -> Iterator[PendingFinding]:
        if not _heeft_fg(self):
            return
        for bron in self.register.verwerkingen:
            dpia = bron.model.dpia
            if dpia is not None and dpia.uitgevoerd is not None and dpia.fg_advies is None:
                yield self.finding(bron, ("dpia", "uitgevoerd"), f"verwerking {bron.model.id}: "
                                   "de DPIA is uitgevoerd zonder vastgelegd advies van de FG",
                                   "vul 'dpia.fg_advies' in met op, advies en gevolgd")


class FgAdviesNietGevolgd(Rule):
    """Het advies van de FG is niet gevolgd, en er staat niet waarom.

    Geldt voor het advies over een DPIA ('dpia.fg_advies') en over het besluit bij een
    datalek ('beoordeling.fg_advies').

    Waarom: de organisatie hoeft het advies van de FG niet te volgen, maar moet kunnen
    uitleggen waarom zij ervan afwijkt (art. 5 lid 2 AVG, verantwoordingsplicht; art. 38
    lid 1 AVG).

    Oplossing: vul 'motivatie_afwijking' in, of zet 'gevolgd: true' als het advies wel is
    gevolgd.
    """

    code = "AVG505"
    severity = Severity.FOUT
    title = "FG-advies niet gevolgd zonder motivatie"
    artikel = "art. 38 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "dpia:\n  nodig: true\n  uitgevoerd: 2025-02-01\n  fg_advies: {op: "
        "2025-01-20, advies: Geen camera bij de ingang., gevolgd: false}\n",
        goed=_KOP + "dpia:\n  nodig: true\n  uitgevoerd: 2025-02-01\n  fg_advies: {op: "
        "2025-01-20, advies: Geen camera bij de ingang., gevolgd: false, motivatie_afwijking: "
        "Bij de ingang vonden drie incidenten plaats.}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            dpia = bron.model.dpia
            advies = dpia.fg_advies if dpia is not None else None
            if advies is not None and not advies.gevolgd and not advies.motivatie_afwijking:
                yield self.finding(bron, ("dpia", "fg_advies", "gevolgd"), f"verwerking "
                                   f"{bron.model.id}: het advies van de FG over de DPIA is niet "
                                   "gevolgd, zonder motivatie", "vul "
                                   "'dpia.fg_advies.motivatie_afwijking' in")
        for lek in self.register.datalekken:
            beoordeling = lek.model.beoordeling
            advies = beoordeling.fg_advies if beoordeling is not None else None
            # An anonymised breach no longer has its free texts (DOMAIN.md §9).
            if advies is not None and not advies.gevolgd and not advies.motivatie_afwijking \
                    and lek.model.geanonimiseerd_op is None:
                yield self.finding(lek, ("beoordeling", "fg_advies", "gevolgd"), f"datalek "
                                   f"{lek.model.referentie}: het advies van de FG over het "
                                   "besluit is niet gevolgd, zonder motivatie", "vul "
                                   "'beoordeling.fg_advies.motivatie_afwijking' in")
