"""AVG001-AVG004: files that cannot be read, records that do not fit their format, dates
outside the years avgctl computes deadlines in, and what a killed write left behind.

The findings of AVG001-AVG003 come from the store while it reads the repository; their
classes here document them and let ``--select``/``--ignore`` name them.
"""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.rules.base import LoadRule, Rule, Voorbeeld
from avgctl.store.repo import (
    CODE_KALENDER,
    CODE_ONLEESBAAR,
    CODE_SCHEMA,
    TITLE_KALENDER,
    TITLE_ONLEESBAAR,
    TITLE_SCHEMA,
)

CODE_ACHTERGEBLEVEN = "AVG004"


class Onleesbaar(LoadRule):
    """Een registerbestand is geen geldige YAML of geen leesbare tekst.

    Denk aan tabs om in te springen, een niet gesloten haakje of aanhalingsteken, een sleutel
    die twee keer voorkomt, een bestand in een andere tekenset dan UTF-8, een leeg bestand, een
    map waar een bestand hoort, of een bestand dat veel te groot is.

    Waarom: een register dat niet te lezen is, kan niet worden gecontroleerd en niet aan de
    Autoriteit Persoonsgegevens worden getoond. Het register moet op verzoek beschikbaar zijn
    (art. 30 lid 4 AVG).

    Oplossing: herstel het bestand op de genoemde regel. Spring in met spaties, sla op als
    UTF-8 zonder BOM, en gebruik elke sleutel één keer.
    """

    code = CODE_ONLEESBAAR
    severity = Severity.FOUT
    title = TITLE_ONLEESBAAR
    artikel = "art. 30 lid 4 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Offertes\nnaam: Offertes maken\n',
        goed='id: "10.1.1"\nnaam: Offertes maken\n',
    )


class Schema(LoadRule):
    """Een veld ontbreekt, is onbekend of heeft een waarde van de verkeerde soort.

    Onbekende velden zijn fouten, zodat een tikfout ('grondslg') nooit stil inhoud laat
    verdwijnen; waar een bekend veld erop lijkt, noemt de melding het.

    Waarom: het register moet de inhoud van art. 30 AVG volledig en eenduidig vastleggen. Een
    veld dat niet wordt herkend, telt niet mee in de controles en de documenten.

    Oplossing: verbeter de veldnaam of de waarde zoals de melding aangeeft. De README beschrijft
    elk bestandsformaat met al zijn velden.
    """

    code = CODE_SCHEMA
    severity = Severity.FOUT
    title = TITLE_SCHEMA
    artikel = "art. 30 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Offertes maken\ngrondslg: overeenkomst\n',
        goed='id: "10.1.1"\nnaam: Offertes maken\ngrondslag: overeenkomst\n',
    )


class BuitenKalender(LoadRule):
    """Een datum van een verzoek of datalek ligt vóór 1900 of na 2999.

    Zo'n datum is bijna altijd een tikfout in het jaar: 9999-12-31 als "nog niet bekend",
    0226 in plaats van 2026. avgctl berekent er geen termijn mee: bij een verzoek dat op
    9999-12-31 binnenkwam, valt de wettelijke termijn in het jaar 10000, dat geen kalender kent.
    Het verzoek of datalek wordt daarom overgeslagen, en elk overzicht (deadlines, status, de
    lijsten) zegt dat, met het bestand en de regel.

    Waarom: een termijn die niet kan worden berekend, kan ook niet worden bewaakt. Een verzoek
    moet binnen een maand worden beantwoord (art. 12 lid 3 AVG) en een datalek binnen 72 uur
    gemeld (art. 33 lid 1 AVG); dat lukt alleen met de echte datum.

    Oplossing: verbeter het jaar. Is de datum nog niet bekend, laat het veld dan leeg.
    """

    code = CODE_KALENDER
    severity = Severity.FOUT
    title = TITLE_KALENDER
    artikel = "art. 12 lid 3 AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout="referentie,ontvangen,betrokkene_ref,kanaal,type\n"
        "AVG-2026-0001,9999-12-31,K-1001,email,inzage\n",
        goed="referentie,ontvangen,betrokkene_ref,kanaal,type\n"
        "AVG-2026-0001,2026-03-02,K-1001,email,inzage\n",
    )


class Achtergebleven(Rule):
    """Naast een registerbestand staat een tijdelijk bestand van avgctl
    ('.verzoeken.csv.avgctl-3f9a1c2e.tmp'): een opdracht die het bestand wijzigde, is
    afgebroken (kill -9, stroomuitval) tussen het schrijven van de nieuwe versie en het
    vervangen van de oude.

    Het registerbestand zelf is heel: het is de oude of de nieuwe versie, nooit een mengsel.
    Het tijdelijke bestand is een onvolledige kopie; het kan persoonsgegevens bevatten.

    Waarom: een kopie van een register die rondslingert, valt buiten het beheer van het register
    zelf: wie het register opschoont of afschermt, vergeet haar (art. 5 lid 1 sub f AVG,
    integriteit en vertrouwelijkheid).

    Oplossing: doe niets; de volgende wijziging van het bestand met avgctl ruimt het tijdelijke
    bestand op. Of verwijder het zelf. Het hoort niet in git (avgctl init zet '*.tmp' in
    '.gitignore').
    """

    code = CODE_ACHTERGEBLEVEN
    severity = Severity.WAARSCHUWING
    title = "Tijdelijk bestand van een afgebroken schrijfactie"
    artikel = "art. 5 lid 1 sub f AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        bestand="registers/.verzoeken.csv.avgctl-3f9a1c2e.tmp",
        fout="referentie,ontvangen,betrokkene_ref,kanaal,type,status\n"
             "AVG-2026-0001,2026-03-02,K-1001,email,inzage,open\nAVG-2026-00",
        goed_bestand="registers/verzoeken.csv",
        goed="referentie,ontvangen,betrokkene_ref,kanaal,type,status\n"
             "AVG-2026-0001,2026-03-02,K-1001,email,inzage,open\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for tijdelijk, doel in self.register.achtergebleven:
            yield self.finding(
                tijdelijk, (),
                f"tijdelijk bestand van een avgctl-opdracht die werd afgebroken tijdens het "
                f"schrijven van {doel}; {doel} zelf is heel (de oude of de nieuwe versie)",
                f"de volgende wijziging van {doel} met avgctl ruimt het op; u kunt het ook "
                "zelf verwijderen")
