"""AVG001-AVG002: files that cannot be read, and records that do not fit their format.

These findings come from the store while it reads the repository; the classes here document
them and let ``--select``/``--ignore`` name them.
"""

from __future__ import annotations

from avgctl.findings import Severity
from avgctl.rules.base import LoadRule, Voorbeeld
from avgctl.store.repo import CODE_ONLEESBAAR, CODE_SCHEMA, TITLE_ONLEESBAAR, TITLE_SCHEMA


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
