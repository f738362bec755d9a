"""The rules of ``avgctl check``: an explicit registry, one line per rule. Pure: rules read
models and the loaded register and yield findings; they never print and never import output/.

A new rule is one class in a module of this package plus one line below.
"""

from __future__ import annotations

import difflib

from avgctl.errors import UsageError
from avgctl.rules import (
    bestand,
    bewaartermijnen,
    datalekken,
    dpia_fg,
    identificatie,
    inhoud,
    partijen,
    privacyverklaring,
    rechtmatigheid,
    verzoeken,
)
from avgctl.rules import verwijzingen as ref
from avgctl.rules.base import Rule

_RULES: list[type[Rule]] = [
    bestand.Onleesbaar,
    bestand.Schema,
    bestand.BuitenKalender,
    bestand.Achtergebleven,
    inhoud.RegisterLeeg,
    inhoud.DoelOntbreekt,
    inhoud.GrondslagOntbreekt,
    inhoud.BetrokkenenOntbreken,
    inhoud.GegevensOntbreken,
    inhoud.OntvangersNietVermeld,
    inhoud.BewaartermijnOntbreekt,
    inhoud.BeveiligingOntbreekt,
    inhoud.EigenaarOntbreekt,
    inhoud.OrganisatieOnvolledig,
    inhoud.VerwerkingsverantwoordelijkeOntbreekt,
    inhoud.BewaartermijnOnvolledig,
    inhoud.BewaartermijnZonderAanleiding,
    bewaartermijnen.OnbekendeWaarde,
    bewaartermijnen.VaagCriterium,
    bewaartermijnen.EigenTermijnOnbruikbaar,
    bewaartermijnen.EigenRecordVervallen,
    ref.OnbekendePartij,
    ref.OnbekendeBewaartermijn,
    ref.DubbeleVerwerking,
    ref.BestandsnaamKloptNiet,
    ref.DubbelePartij,
    ref.VerkeerdeRelatie,
    ref.OnbekendeBetrokkene,
    ref.SubverwerkerZonderVerwerker,
    partijen.RegelingZonderTaakverdeling,
    partijen.LandOntbreekt,
    rechtmatigheid.GerechtvaardigdBelangOverheid,
    rechtmatigheid.BelangenafwegingOntbreekt,
    rechtmatigheid.IdentificatienummerZonderWet,
    rechtmatigheid.BijzonderZonderUitzondering,
    rechtmatigheid.StrafrechtelijkZonderGrondslag,
    rechtmatigheid.ToestemmingOnvolledig,
    rechtmatigheid.ToestemmingBijOngelijkheid,
    partijen.VerwerkerZonderOvereenkomst,
    partijen.OvereenkomstVerlopen,
    partijen.GezamenlijkZonderRegeling,
    partijen.DoorgifteZonderWaarborg,
    partijen.BepalingenOntbreken,
    partijen.DatalekTermijnRuimerDanBeleid,
    dpia_fg.DpiaOntbreekt,
    dpia_fg.DpiaNietUitgevoerd,
    dpia_fg.FgOntbreekt,
    dpia_fg.DpiaZonderFgAdvies,
    dpia_fg.FgAdviesNietGevolgd,
    identificatie.BsnInRegister,
    identificatie.IbanInRegister,
    identificatie.EmailInRegister,
    identificatie.TelefoonInRegister,
    verzoeken.DubbeleReferentie,
    verzoeken.DatumsInVerkeerdeVolgorde,
    verzoeken.VerlengingOngeldig,
    verzoeken.BesluitOnvolledig,
    verzoeken.WettelijkeTermijnVerstreken,
    verzoeken.EigenTermijnVerstreken,
    verzoeken.HerhaaldVerzoek,
    verzoeken.VerificatieTeLaat,
    verzoeken.OntvangersNietGeinformeerd,
    verzoeken.BetrokkeneHerleidbaar,
    verzoeken.BeleidRuimerDanWet,
    verzoeken.PauzeZonderReden,
    verzoeken.OnbekendeVerwerking,
    verzoeken.GrondBijToewijzing,
    verzoeken.ToelichtingOntbreekt,
    verzoeken.MachtigingOntbreekt,
    verzoeken.FgAdviesVerzoek,
    datalekken.MeldingTeLaatZonderReden,
    datalekken.NietGemeld,
    datalekken.HoogRisicoNietGeinformeerd,
    datalekken.VerwerkerTeLaat,
    datalekken.GeenRisicoZonderMotivatie,
    datalekken.ErnstTegenstrijdig,
    datalekken.BijzonderNietInVerwerking,
    datalekken.OnbekendeVerwijzing,
    datalekken.TijdstippenKloppenNiet,
    datalekken.EvaluatieOntbreekt,
    privacyverklaring.DoelgroepOnbekend,
    privacyverklaring.ZonderDoelgroep,
    privacyverklaring.FgNietBereikbaar,
    privacyverklaring.RechtenZonderKanaal,
    privacyverklaring.GrondslagZonderWet,
    privacyverklaring.GegevenZonderBron,
    privacyverklaring.BesluitZonderUitleg,
    privacyverklaring.VerstrekkingOntbreekt,
]


def _build() -> dict[str, type[Rule]]:
    registry: dict[str, type[Rule]] = {}
    for rule in _RULES:
        if rule.code in registry:
            raise RuntimeError(f"regelcode {rule.code} is twee keer geregistreerd")
        registry[rule.code] = rule
    return registry


REGISTRY: dict[str, type[Rule]] = _build()


def get(code: str) -> type[Rule]:
    rule = REGISTRY.get(code.upper())
    if rule is None:
        close = difflib.get_close_matches(code.upper(), list(REGISTRY), n=1)
        hint = f"; bedoelde u {close[0]}?" if close else "; zie 'avgctl rules' voor de lijst"
        raise UsageError(f"onbekende regel {code!r}{hint}")
    return rule


def select(select: list[str], ignore: list[str]) -> set[str]:
    """The codes to report: ``select`` (codes or prefixes such as AVG6) minus ``ignore``."""
    for code in (*select, *ignore):
        if not any(known.startswith(code.upper()) for known in REGISTRY):
            get(code)  # raises with a "did you mean"
    chosen = {c for c in REGISTRY if not select or any(c.startswith(s.upper()) for s in select)}
    return {c for c in chosen if not any(c.startswith(i.upper()) for i in ignore)}
