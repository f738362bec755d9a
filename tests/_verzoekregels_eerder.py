"""The request rules as they were written before they skipped work (DESIGN.md §5): one
request at a time, every test on every request. tests/test_regels_snel.py holds the rules
of avgctl.rules.verzoeken to these, finding for finding."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding
from avgctl.models.verzoek import ARTIKEL, MELDEN_AAN_ONTVANGERS, Verzoek
from avgctl.rules import verzoeken
from avgctl.store.register import VERWERKINGEN_DIR, Bron
from avgctl.verzoeken.views import datumfouten, is_open, lijkt_identiteit, termijnen

_VERTEGENWOORDIGER = verzoeken._VERTEGENWOORDIGER


class DubbeleReferentie(verzoeken.DubbeleReferentie):
    def check(self) -> Iterator[PendingFinding]:
        seen: dict[str, Bron[Verzoek]] = {}
        for bron in self.register.verzoeken:
            first = seen.setdefault(bron.model.referentie, bron)
            if first is not bron:
                line, _ = first.doc.locate(first.path)
                yield self.finding(bron, ("referentie",), f"referentie {bron.model.referentie} "
                                   f"staat ook op {first.file}:{line}",
                                   "geef dit verzoek een nieuwe referentie")


class DatumsInVerkeerdeVolgorde(verzoeken.DatumsInVerkeerdeVolgorde):
    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron in self.register.verzoeken:
            for field, message in datumfouten(bron.model, vandaag):
                yield self.finding(bron, (field,), message, "verbeter de datum")


class VerlengingOngeldig(verzoeken.VerlengingOngeldig):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if v.verlengd_op is None:
                continue
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


class BesluitOnvolledig(verzoeken.BesluitOnvolledig):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if v.besluit is not None and v.afgehandeld_op is None:
                yield self.finding(bron, ("besluit",), f"besluit op {v.referentie} zonder "
                                   "datum", "vul 'afgehandeld_op' in")
            if v.status == "afgehandeld" and v.besluit is None:
                yield self.finding(bron, ("status",), f"{v.referentie} is afgehandeld zonder "
                                   "besluit", "vul 'besluit' in")
            if v.besluit in ("afgewezen", "gedeeltelijk_toegewezen", "niet_in_behandeling") \
                    and v.afwijzingsgrond is None:
                yield self.finding(bron, ("besluit",), f"{v.referentie}: afwijzing zonder "
                                   "grond", "vul 'afwijzingsgrond' in")


class WettelijkeTermijnVerstreken(verzoeken.WettelijkeTermijnVerstreken):
    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron in self.register.verzoeken:
            v = bron.model
            if not is_open(v):
                continue
            einde = termijnen(self.register, v).geldend_wettelijk
            if einde < vandaag:
                yield self.finding(bron, ("referentie",), f"{v.referentie} ({v.type}) is nog "
                                   f"open; de wettelijke termijn verliep op {einde.isoformat()}",
                                   "beantwoord het verzoek direct")


class EigenTermijnVerstreken(verzoeken.EigenTermijnVerstreken):
    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron in self.register.verzoeken:
            v = bron.model
            if not is_open(v):
                continue
            t = termijnen(self.register, v)
            if t.geldend_intern < vandaag <= t.geldend_wettelijk:
                yield self.finding(bron, ("referentie",), f"{v.referentie} ({v.type}): de eigen "
                                   f"termijn verliep op {t.geldend_intern.isoformat()} "
                                   f"(wettelijk: {t.geldend_wettelijk.isoformat()})",
                                   "handel het verzoek af")


class HerhaaldVerzoek(verzoeken.HerhaaldVerzoek):
    def check(self) -> Iterator[PendingFinding]:
        from avgctl.termijnen.periode import plus_maanden

        # The latest earlier request per person and type. Keyed by the person's reference
        # alone (a string that already exists), with a dict per type only for the few people
        # with requests of several types: small on 100,000 requests (DESIGN.md §5).
        vorige: dict[str, Verzoek | dict[str, Verzoek]] = {}
        for bron in sorted(self.register.verzoeken, key=lambda b: b.model.ontvangen):
            v = bron.model
            if v.geanonimiseerd_op is not None:  # no longer says who asked
                continue
            slot = vorige.get(v.betrokkene_ref)
            if slot is None or (isinstance(slot, Verzoek) and slot.type == v.type):
                eerder, vorige[v.betrokkene_ref] = slot, v
            elif isinstance(slot, dict):
                eerder, slot[v.type] = slot.get(v.type), v
            else:
                eerder, vorige[v.betrokkene_ref] = None, {slot.type: slot, v.type: v}
            if eerder is not None and v.ontvangen <= plus_maanden(eerder.ontvangen, 3):
                yield self.finding(bron, ("referentie",), f"{v.referentie}: dezelfde "
                                   f"betrokkene vroeg op {eerder.ontvangen.isoformat()} al om "
                                   f"{v.type} ({eerder.referentie})",
                                   "een herhaald verzoek binnen drie maanden mag worden "
                                   "geweigerd (art. 12 lid 5)")


class VerificatieTeLaat(verzoeken.VerificatieTeLaat):
    def check(self) -> Iterator[PendingFinding]:
        vandaag = self.context.vandaag
        for bron in self.register.verzoeken:
            v = bron.model
            uiterlijk = termijnen(self.register, v).verificatie
            if v.verificatie_op is not None:
                if v.verificatie_op > uiterlijk:
                    yield self.finding(bron, ("verificatie_op",), f"{v.referentie}: identiteit "
                                       f"gecontroleerd op {v.verificatie_op.isoformat()}, na "
                                       f"{uiterlijk.isoformat()}", "controleer sneller")
            elif is_open(v) and v.verificatie == "open" and vandaag > uiterlijk:
                yield self.finding(bron, ("verificatie",), f"{v.referentie}: identiteit nog niet "
                                   f"gecontroleerd; dat moest uiterlijk {uiterlijk.isoformat()}",
                                   "controleer de identiteit")


class OntvangersNietGeinformeerd(verzoeken.OntvangersNietGeinformeerd):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if (v.type in MELDEN_AAN_ONTVANGERS and v.status == "afgehandeld"
                    and v.besluit in ("toegewezen", "gedeeltelijk_toegewezen")
                    and v.ontvangers_geinformeerd is None):
                yield self.finding(bron, ("referentie",), f"{v.referentie}: na {v.type} "
                                   f"({ARTIKEL[v.type]}) is niet vastgelegd dat de ontvangers "
                                   "zijn ingelicht", "vul 'ontvangers_geinformeerd' in (datum "
                                   "of nvt)")


class BetrokkeneHerleidbaar(verzoeken.BetrokkeneHerleidbaar):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            soort = lijkt_identiteit(bron.model.betrokkene_ref)
            if soort:
                yield self.finding(bron, ("betrokkene_ref",), f"{bron.model.referentie}: "
                                   f"betrokkene_ref lijkt {soort}",
                                   "gebruik een zaak- of klantnummer")


class PauzeZonderReden(verzoeken.PauzeZonderReden):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if (v.gepauzeerd_van or v.gepauzeerd_tot) and not v.pauze_reden \
                    and v.geanonimiseerd_op is None:
                yield self.finding(bron, ("gepauzeerd_van",), f"{v.referentie}: pauze zonder "
                                   "reden", "vul 'pauze_reden' in")


class OnbekendeVerwerking(verzoeken.OnbekendeVerwerking):
    def check(self) -> Iterator[PendingFinding]:
        ids = {b.model.id for b in self.register.verwerkingen}
        for bron in self.register.verzoeken:
            for ref in bron.model.verwerkingen:
                # An activity that did not validate, or a file that could not be read, may be
                # the one referred to: its own finding says what is wrong.
                if ref not in ids and not self.register.unverifiable(VERWERKINGEN_DIR, ref):
                    yield self.finding(bron, ("verwerkingen",), f"{bron.model.referentie}: "
                                       f"onbekende verwerking '{ref}'",
                                       "zie 'avgctl verwerkingen list'")


class GrondBijToewijzing(verzoeken.GrondBijToewijzing):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if v.besluit == "toegewezen" and v.afwijzingsgrond is not None:
                yield self.finding(bron, ("afwijzingsgrond",), f"{v.referentie} is toegewezen, "
                                   f"maar heeft afwijzingsgrond '{v.afwijzingsgrond}'",
                                   "maak de grond leeg, of leg het besluit vast als "
                                   "gedeeltelijk_toegewezen of afgewezen")


class ToelichtingOntbreekt(verzoeken.ToelichtingOntbreekt):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            # An anonymised record no longer has its free texts (DOMAIN.md §9).
            if (v.afwijzingsgrond == "overig" and v.besluit not in (None, "toegewezen")
                    and not v.afwijzing_toelichting and v.geanonimiseerd_op is None):
                yield self.finding(bron, ("afwijzingsgrond",), f"{v.referentie}: afwijzing "
                                   "met grond 'overig' zonder uitleg voor de betrokkene",
                                   "vul 'afwijzing_toelichting' in; de opmerking is intern en "
                                   "komt niet in de brief")


class MachtigingOntbreekt(verzoeken.MachtigingOntbreekt):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
            v = bron.model
            if v.verzoeker not in _VERTEGENWOORDIGER or v.machtiging is not None:
                continue
            if v.status == "ingetrokken" or v.geanonimiseerd_op is not None or (
                    v.afwijzingsgrond == "identiteit_niet_vastgesteld"
                    and v.besluit in ("afgewezen", "niet_in_behandeling")):
                continue
            yield self.finding(bron, ("verzoeker",), f"{v.referentie}: verzoek door "
                               f"{v.verzoeker.replace('_', ' ')} zonder vastgelegd bewijs van "
                               "machtiging", "vul 'machtiging' in, of wijs het verzoek af op "
                               "identiteit_niet_vastgesteld")


class FgAdviesVerzoek(verzoeken.FgAdviesVerzoek):
    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verzoeken:
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


PER_VERZOEK = {cls.code: cls for cls in (
    DubbeleReferentie, DatumsInVerkeerdeVolgorde, VerlengingOngeldig, BesluitOnvolledig,
    WettelijkeTermijnVerstreken, EigenTermijnVerstreken, HerhaaldVerzoek, VerificatieTeLaat,
    OntvangersNietGeinformeerd, BetrokkeneHerleidbaar, PauzeZonderReden, OnbekendeVerwerking,
    GrondBijToewijzing, ToelichtingOntbreekt, MachtigingOntbreekt, FgAdviesVerzoek,
)}
