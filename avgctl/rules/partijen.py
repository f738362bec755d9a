"""AVG401-AVG406 and AVG209-AVG210: agreements with processors and partners, their country,
and transfers outside the EEA."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.models.partij import BEPALINGEN_28_3
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.landen import landen

_VERWERKER = "- id: dossiersoft-bv\n  naam: Dossiersoft B.V.\n  relatie: verwerker\n"


class VerwerkerZonderOvereenkomst(Rule):
    """Een verwerker of subverwerker zonder verwerkersovereenkomst.

    Waarom: een verwerker verwerkt alleen op basis van een overeenkomst die de onderwerpen van
    art. 28 lid 3 AVG regelt; een subverwerker werkt onder dezelfde verplichtingen (art. 28
    lid 4 AVG).

    Oplossing: sluit de overeenkomst en leg haar vast onder 'overeenkomst' met soort
    verwerkersovereenkomst (of subverwerkersovereenkomst) en de datum van ondertekening.
    """

    code = "AVG401"
    severity = Severity.FOUT
    title = "Verwerker zonder verwerkersovereenkomst"
    artikel = "art. 28 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout=_VERWERKER,
        goed=_VERWERKER + "  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2025-05-01}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            p = bron.model
            if p.relatie not in ("verwerker", "subverwerker"):
                continue
            soort = p.overeenkomst.soort if p.overeenkomst else None
            if soort not in ("verwerkersovereenkomst", "subverwerkersovereenkomst"):
                path = ("overeenkomst", "soort") if p.overeenkomst else ("relatie",)
                yield self.finding(bron, path, f"{p.relatie} {p.id} heeft geen "
                                   "verwerkersovereenkomst",
                                   "leg 'overeenkomst: {soort: verwerkersovereenkomst, "
                                   "getekend: JJJJ-MM-DD}' vast")


class OvereenkomstVerlopen(Rule):
    """Een overeenkomst met een partij is verlopen.

    Waarom: na de einddatum is er geen geldige afspraak meer. Voor een verwerker betekent dat
    verwerking zonder de waarborgen van art. 28 lid 3 AVG; voor gezamenlijke
    verantwoordelijken zonder de regeling van art. 26 AVG.

    Oplossing: verleng de overeenkomst en werk 'verloopt' bij, of beëindig de samenwerking en
    haal de partij uit de verwerkingen.
    """

    code = "AVG402"
    severity = Severity.FOUT
    title = "Overeenkomst verlopen"
    artikel = "art. 28 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout=_VERWERKER + "  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2019-01-01,"
        " verloopt: 2024-01-01}\n",
        goed=_VERWERKER + "  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2024-01-01,"
        " verloopt: 2099-01-01}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron in self.register.partijen:
            overeenkomst = bron.model.overeenkomst
            if overeenkomst is not None and overeenkomst.verloopt is not None \
                    and overeenkomst.verloopt < vandaag:
                yield self.finding(bron, ("overeenkomst", "verloopt"),
                                   f"de {overeenkomst.soort.replace('_', ' ')} met "
                                   f"{bron.model.id} is verlopen op "
                                   f"{overeenkomst.verloopt.isoformat()}",
                                   "verleng de overeenkomst en werk 'verloopt' bij")


# Which kinds of agreement fit which relation (DOMAIN.md §8, reference 004's five relations).
# A processor works under an agreement of art. 28(3), a sub-processor under the same
# obligations (art. 28(4)); joint controllers lay down their arrangement of art. 26 in a
# regeling, a data-exchange agreement or a covenant; independent controllers and recipients
# may record an exchange agreement or covenant (advisable, not required), the legal duty they
# receive under, or another agreement, but never a processor agreement: they decide the
# purposes themselves. A client for whom we are the processor has a processor agreement with us.
PASSENDE_OVEREENKOMSTEN: dict[str, tuple[str, ...]] = {
    "verwerker": ("verwerkersovereenkomst",),
    "subverwerker": ("subverwerkersovereenkomst", "verwerkersovereenkomst"),
    "gezamenlijk": ("regeling_gezamenlijk", "gegevensuitwisselingsovereenkomst", "convenant"),
    "zelfstandig": ("gegevensuitwisselingsovereenkomst", "convenant", "wettelijke_plicht",
                    "overig"),
    "ontvanger": ("gegevensuitwisselingsovereenkomst", "convenant", "wettelijke_plicht",
                  "overig"),
    "verwerkingsverantwoordelijke": ("verwerkersovereenkomst",),
}
# Relations for which an agreement is required; AVG401 covers processors, AVG403 the rest.
_VERPLICHT_AVG403 = ("gezamenlijk",)


def _opsomming(soorten: tuple[str, ...]) -> str:
    if len(soorten) == 1:
        return soorten[0]
    return ", ".join(soorten[:-1]) + " of " + soorten[-1]


class GezamenlijkZonderRegeling(Rule):
    """Een overeenkomst die niet past bij de relatie, of gezamenlijke verantwoordelijken zonder
    regeling.

    Waarom: wie samen doel en middelen bepaalt, legt in een onderlinge regeling vast wie welke
    verplichting nakomt, vooral tegenover betrokkenen (art. 26 AVG). Die regeling kan een
    regeling_gezamenlijk, een gegevensuitwisselingsovereenkomst of een convenant zijn. Een
    zelfstandige verantwoordelijke of ontvanger bepaalt zijn doelen zelf: een
    verwerkersovereenkomst met hem klopt niet, een gegevensuitwisselingsovereenkomst, convenant,
    wettelijke_plicht of overig wel (niet verplicht). Een klant voor wie wij verwerker zijn
    (relatie verwerkingsverantwoordelijke) sluit met ons een verwerkersovereenkomst (art. 28
    lid 3 AVG). Verwerkers en subverwerkers controleert AVG401.

    Oplossing: leg bij een gezamenlijke verantwoordelijke 'overeenkomst' vast met soort
    regeling_gezamenlijk, gegevensuitwisselingsovereenkomst of convenant. Past de soort niet bij
    de relatie, verbeter dan de soort, of de relatie als die verkeerd is ingedeeld.
    """

    code = "AVG403"
    severity = Severity.FOUT
    title = "Overeenkomst past niet bij de relatie"
    artikel = "art. 26 en 28 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n"
        "  land: NL\n",
        goed="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n"
        "  land: NL\n  overeenkomst: {soort: regeling_gezamenlijk, getekend: 2024-03-01,\n"
        "    taakverdeling: Betrokkenen kunnen bij elk kantoor terecht.}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            p = bron.model
            if p.relatie in ("verwerker", "subverwerker"):
                continue  # AVG401
            passend = PASSENDE_OVEREENKOMSTEN[p.relatie]
            if p.overeenkomst is None:
                if p.relatie in _VERPLICHT_AVG403:
                    yield self.finding(bron, ("relatie",), f"gezamenlijke verantwoordelijke {p.id} "
                                       "zonder regeling van art. 26 AVG",
                                       "leg 'overeenkomst: {soort: regeling_gezamenlijk, ...}' "
                                       "vast (of gegevensuitwisselingsovereenkomst of convenant)")
                elif p.relatie == "verwerkingsverantwoordelijke":
                    yield self.finding(bron, ("relatie",), f"klant {p.id}, voor wie wij verwerker "
                                       "zijn, zonder verwerkersovereenkomst",
                                       "leg 'overeenkomst: {soort: verwerkersovereenkomst, "
                                       "getekend: JJJJ-MM-DD}' vast")
                continue
            if p.overeenkomst.soort not in passend:
                yield self.finding(bron, ("overeenkomst", "soort"),
                                   f"een {p.overeenkomst.soort.replace('_', ' ')} past niet bij "
                                   f"{p.id} met relatie {p.relatie}",
                                   f"kies {_opsomming(passend)}, of verbeter de relatie")


class RegelingZonderTaakverdeling(Rule):
    """Een regeling tussen gezamenlijke verantwoordelijken zegt niet wie wat doet.

    Waarom: de regeling van art. 26 lid 1 AVG bepaalt wie welke verplichting nakomt, vooral
    de rechten van betrokkenen en de informatie van art. 13 en 14, en kan een contactpunt voor
    betrokkenen aanwijzen; de kern ervan moet voor betrokkenen beschikbaar zijn (art. 26 lid 2).
    Zonder die verdeling in het register is niet te zien waar een verzoek terechtkomt.

    Oplossing: vat in 'overeenkomst.taakverdeling' in een paar zinnen samen wie wat doet en
    waar betrokkenen terechtkunnen.
    """

    code = "AVG209"
    severity = Severity.WAARSCHUWING
    title = "Regeling gezamenlijk zonder taakverdeling"
    artikel = "art. 26 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n"
        "  land: NL\n  overeenkomst: {soort: regeling_gezamenlijk, getekend: 2024-03-01}\n",
        goed="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n"
        "  land: NL\n  overeenkomst: {soort: regeling_gezamenlijk, getekend: 2024-03-01,\n"
        "    taakverdeling: Betrokkenen kunnen bij elk kantoor terecht.}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            p = bron.model
            o = p.overeenkomst
            if p.relatie == "gezamenlijk" and o is not None \
                    and o.soort in PASSENDE_OVEREENKOMSTEN["gezamenlijk"] and not o.taakverdeling:
                yield self.finding(bron, ("overeenkomst", "soort"), f"de regeling met {p.id} zegt "
                                   "niet wie welke verplichting nakomt (art. 26 lid 1 AVG)",
                                   "vat de verdeling samen in 'overeenkomst.taakverdeling'")


class LandOntbreekt(Rule):
    """Een partij zonder land.

    Waarom: of gegevens de EER verlaten, hangt af van het land waar de partij ze verwerkt; dan
    is een waarborg nodig (art. 44-49 AVG) en noemt het register het derde land (art. 30 lid 1
    sub e AVG). avgctl neemt geen land aan: een stil 'NL' zou een doorgifte verbergen. Dat
    geldt ook voor een categorie als 'opdrachtgevers': noem het land waar zij zitten.

    Oplossing: vul 'land' in met de landcode van twee hoofdletters, bijvoorbeeld NL, DE of US.
    """

    code = "AVG210"
    severity = Severity.FOUT
    title = "Partij zonder land"
    artikel = "art. 30 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: belastingdienst\n  naam: Belastingdienst\n  relatie: ontvanger\n",
        goed="- id: belastingdienst\n  naam: Belastingdienst\n  relatie: ontvanger\n  land: NL\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            if bron.model.land is None:
                yield self.finding(bron, ("id",), f"partij {bron.model.id} noemt geen land",
                                   "vul 'land' in, bijvoorbeeld 'land: NL'")


class BepalingenOntbreken(Rule):
    """Een verwerkersovereenkomst waarvan niet vastligt dat zij de bepalingen van art. 28
    lid 3 AVG regelt.

    Waarom: een verwerkersovereenkomst regelt ten minste (art. 28 lid 3 AVG): a verwerken alleen
    op instructie, b geheimhouding, c beveiliging (art. 32), d subverwerkers alleen met
    toestemming, e hulp bij verzoeken van betrokkenen, f hulp bij beveiliging, datalekken en
    DPIA, g verwijderen of teruggeven na afloop, h informatie en audits. Het modelcontract van
    de beroepsorganisatie (referentie 002) geeft 3 werkdagen om een verzoek door te sturen en
    24 uur om een datalek te melden. De regel noemt elke ontbrekende bepaling met haar letter.

    Oplossing: controleer de overeenkomst en leg onder 'overeenkomst.bepalingen' vast wat zij
    regelt, bijvoorbeeld {instructies: true, geheimhouding: true, beveiliging: true,
    subverwerkers: true, verzoeken_doorsturen_werkdagen: 3, datalek_melden_uur: 24,
    einde: verwijderen_of_teruggeven, audits: true}. Ontbreekt een bepaling echt, vul de
    overeenkomst dan aan.
    """

    code = "AVG405"
    severity = Severity.WAARSCHUWING
    title = "Verwerkersovereenkomst zonder de bepalingen van art. 28 lid 3"
    artikel = "art. 28 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout=_VERWERKER + "  land: NL\n  overeenkomst:\n    soort: verwerkersovereenkomst\n"
        "    getekend: 2025-05-01\n    bepalingen: {instructies: true, geheimhouding: true, "
        "beveiliging: true}\n",
        goed=_VERWERKER + "  land: NL\n  overeenkomst:\n    soort: verwerkersovereenkomst\n"
        "    getekend: 2025-05-01\n    bepalingen: {instructies: true, geheimhouding: true, "
        "beveiliging: true,\n      subverwerkers: true, verzoeken_doorsturen_werkdagen: 3, "
        "datalek_melden_uur: 24,\n      einde: verwijderen_of_teruggeven, audits: true}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            p = bron.model
            o = p.overeenkomst
            if o is None or o.soort not in ("verwerkersovereenkomst",
                                            "subverwerkersovereenkomst"):
                continue
            soort = o.soort.replace("_", " ")
            if o.bepalingen is None:
                yield self.finding(bron, ("overeenkomst", "soort"), f"bij de {soort} met {p.id} "
                                   "ligt niet vast welke bepalingen van art. 28 lid 3 (a-h) zij "
                                   "regelt", "leg onder 'overeenkomst.bepalingen' vast: "
                                   + ", ".join(BEPALINGEN_28_3))
                continue
            ontbrekend = o.bepalingen.ontbrekend()
            if not ontbrekend:
                continue
            letters = "; ".join(f"{BEPALINGEN_28_3[k][0]} {BEPALINGEN_28_3[k][1]}"
                                for k in ontbrekend)
            yield self.finding(bron, ("overeenkomst", "bepalingen"), f"de {soort} met {p.id} "
                               f"mist art. 28 lid 3 sub {letters}",
                               "vul de overeenkomst aan en leg vast: " + ", ".join(ontbrekend))


class DatalekTermijnRuimerDanBeleid(Rule):
    """Een verwerkersovereenkomst geeft de verwerker meer uren om een datalek te melden dan het
    beleid aanneemt.

    Waarom: de 72 uur voor de melding aan de AP lopen vanaf het moment dat de verwerker het
    datalek ontdekte (art. 33 lid 1 en 2 AVG); elk uur dat de verwerker mag wachten, gaat eraf.
    'beleid.datalekken.verwerker_meldt_binnen_uur' zegt met hoeveel uur de organisatie rekent;
    een overeenkomst die meer toestaat, maakt die rekensom te krap.

    Oplossing: spreek in de overeenkomst een kortere termijn af (referentie 002: 24 uur), of
    pas het beleid aan als de ruimere termijn bewust is gekozen.
    """

    code = "AVG406"
    severity = Severity.WAARSCHUWING
    title = "Meldtermijn verwerker ruimer dan het beleid"
    artikel = "art. 33 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout=_VERWERKER + "  land: NL\n  overeenkomst:\n    soort: verwerkersovereenkomst\n"
        "    bepalingen: {datalek_melden_uur: 48}\n",
        goed=_VERWERKER + "  land: NL\n  overeenkomst:\n    soort: verwerkersovereenkomst\n"
        "    bepalingen: {datalek_melden_uur: 24}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        beleid = config.model.beleid.datalekken.verwerker_meldt_binnen_uur \
            if config is not None else 24
        for bron in self.register.partijen:
            o = bron.model.overeenkomst
            uur = o.bepalingen.datalek_melden_uur if o and o.bepalingen else None
            if uur is not None and uur > beleid:
                yield self.finding(bron, ("overeenkomst", "bepalingen", "datalek_melden_uur"),
                                   f"{bron.model.id} mag een datalek binnen {uur} uur melden; "
                                   f"het beleid rekent met {beleid} uur",
                                   "spreek een kortere termijn af of pas "
                                   "'beleid.datalekken.verwerker_meldt_binnen_uur' aan")


class DoorgifteZonderWaarborg(Rule):
    """Een partij buiten de EER zonder geldig doorgiftemechanisme.

    Waarom: doorgifte buiten de EER mag alleen met een adequaatheidsbesluit (art. 45 AVG),
    passende waarborgen zoals standaardcontractbepalingen of bindende bedrijfsvoorschriften
    (art. 46-47 AVG), of een uitzondering van art. 49 AVG. Het EU-US Data Privacy Framework
    geldt alleen voor gecertificeerde organisaties in de Verenigde Staten.

    Oplossing: vul 'doorgifte.mechanisme' in (adequaatheid, dpf, scc, bcr of art49) met een
    toelichting. De lijst van adequate landen staat als data in avgctl (data/landen.yaml).
    """

    code = "AVG404"
    severity = Severity.FOUT
    title = "Doorgifte buiten de EER zonder waarborg"
    artikel = "art. 44-49 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: mailer-inc\n  naam: Mailer Inc.\n  relatie: ontvanger\n  land: US\n",
        goed="- id: mailer-inc\n  naam: Mailer Inc.\n  relatie: ontvanger\n  land: US\n"
        "  doorgifte: {mechanisme: dpf, toelichting: Gecertificeerd onder het DPF.}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        info = landen()
        for bron in self.register.partijen:
            p = bron.model
            if p.land is None or p.land in info.eer:
                continue  # no land: AVG210
            if p.doorgifte is None:
                yield self.finding(bron, ("land",), f"{p.id} is gevestigd buiten de EER ({p.land})"
                                   " zonder doorgiftemechanisme",
                                   "vul 'doorgifte: {mechanisme: ...}' in")
                continue
            mechanisme = p.doorgifte.mechanisme
            if mechanisme == "dpf" and p.land not in info.dpf:
                yield self.finding(bron, ("doorgifte", "mechanisme"), "het Data Privacy Framework "
                                   f"geldt alleen voor de Verenigde Staten, niet voor {p.land}",
                                   "kies scc, bcr of een ander mechanisme")
            elif mechanisme == "adequaatheid" and not info.adequaat(p.land, self.context.vandaag):
                yield self.finding(bron, ("doorgifte", "mechanisme"), f"voor {p.land} geldt op "
                                   f"{self.context.vandaag.isoformat()} geen "
                                   "adequaatheidsbesluit",
                                   "kies scc, bcr, dpf (alleen VS) of art49")
