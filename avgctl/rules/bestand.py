"""AVG001-AVG003: files that cannot be read, records that do not fit their format, and dates
outside the years avgctl computes deadlines in.

These findings come from the store while it reads the repository; the classes here document
them and let ``--select``/``--ignore`` name them.
"""

from __future__ import annotations

from avgctl.findings import Severity
from avgctl.rules.base import LoadRule, Voorbeeld
from avgctl.store.repo import (
    CODE_KALENDER,
    CODE_ONLEESBAAR,
    CODE_SCHEMA,
    TITLE_KALENDER,
    TITLE_ONLEESBAAR,
    TITLE_SCHEMA,
)


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
