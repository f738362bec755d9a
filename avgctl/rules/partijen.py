"""AVG401-AVG404: processors, joint controllers and transfers outside the EEA."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
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


class GezamenlijkZonderRegeling(Rule):
    """Gezamenlijke verwerkingsverantwoordelijken zonder regeling.

    Waarom: wie samen doel en middelen bepaalt, legt in een onderlinge regeling vast wie welke
    verplichting nakomt, vooral tegenover betrokkenen (art. 26 AVG).

    Oplossing: leg de regeling vast onder 'overeenkomst' met soort regeling_gezamenlijk.
    """

    code = "AVG403"
    severity = Severity.FOUT
    title = "Gezamenlijke verantwoordelijkheid zonder regeling"
    artikel = "art. 26 AVG"
    voorbeeld = Voorbeeld(
        "partijen",
        fout="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n",
        goed="- id: beslagregister\n  naam: Gezamenlijk beslagregister\n  relatie: gezamenlijk\n"
        "  overeenkomst: {soort: regeling_gezamenlijk, getekend: 2024-03-01}\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.partijen:
            p = bron.model
            if p.relatie == "gezamenlijk" and (
                    p.overeenkomst is None or p.overeenkomst.soort != "regeling_gezamenlijk"):
                yield self.finding(bron, ("relatie",), f"gezamenlijke verantwoordelijke {p.id} "
                                   "zonder regeling van art. 26 AVG",
                                   "leg 'overeenkomst: {soort: regeling_gezamenlijk, ...}' vast")


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
            if p.land in info.eer:
                continue
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
