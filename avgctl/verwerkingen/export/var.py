"""The register in the shape of the VNG VAR API (Verwerkingsactiviteitenregister).

Spec followed: repository VNG-Realisatie/gemma-verwerkingenlogging, file
``docs/api-write/oas-specification/var-api/openapi.yaml`` ("VAR API", ``info.version`` 0.1.0,
OpenAPI 3.0.0; read at commit 4c84e84c2d1540c1e2145d4c392c1acd7c555aa2). The repository
VNG-Realisatie/gemma-verwerkingsactiviteiten holds only project documentation, no spec.

The document is what ``GET /verwerkingsactiviteiten`` returns: the envelope ``count``,
``next``, ``previous`` and ``results``, with one ``Verwerkingsactiviteit`` per activity in
``results``, in process-model order. ``next`` and ``previous`` are null: the export is the
whole collection on one page.

Mapping (our field -> VAR field):

- uuid5(NAMESPACE, "<organisatie.naam>/<id>") -> ``id`` (the spec wants a UUID)
- ``naam`` -> ``naam``
- ``procesmodel[sectie]`` from avgctl.yaml -> ``categorie``
- ``organisatie.kvk`` -> ``verantwoordelijkeOrganisatie``, as the OIN derived from the KvK
  number under the OIN-stelsel (prefix 00000003, the 8 digits, suffix 0000). Only a valid
  OIN if the organisation has had it registered; null without an 8-digit KvK number.
- ``doel`` -> ``doel``
- ``grondslag`` -> ``grondslag``, in the spellings the spec lists
- article of the basis, ``grondslag_bron``, and per data type its own basis and
  ``wettelijke_basis`` -> ``toelichtingGrondslag``
- ``bewaartermijn`` ids of the activity and its data types, resolved through
  ``bewaartermijnen.yaml`` (duur/na or criterium), else ``bewaartermijn_criterium`` ->
  ``bewaartermijn`` (one text; per data type when they differ)
- ``gegevens[].bron`` -> ``herkomst``
- recipients (``ontvangers`` of the data types, else of the activity) resolved to party
  names: established outside the EEA -> ``afnemendeInternationaleDerden``, the others ->
  ``afnemendeCategorieOntvangers``
- ``gegevens[].betrokkene`` / ``gegevens[].type`` -> ``verwerktePersoonsgegevens[]``
  ``rolBetrokkene`` / ``naam``

Required by the spec but possibly missing here, then null: ``verantwoordelijkeOrganisatie``
(no KvK number), ``doel`` and ``grondslag`` (not filled in; the checks report that).

Optional fields of the spec that are left out: ``gebaseerdOp`` (we keep no link to a
catalogue of activities) and ``verantwoordelijkeBestuursorgaan`` (``eigenaar`` is a role,
not a governing body). ``categorie``, ``toelichtingGrondslag``, ``bewaartermijn``,
``herkomst`` and ``rolBetrokkene`` are left out when there is nothing to say: the spec does
not make them nullable.

Not in spec 0.1.0, so not exported: processors (``verwerkers``, including their transfers
outside the EEA), security measures, DPIA, special and criminal data, automated decisions,
balancing test, consent, owner, systems and the controllers of art. 30(2).
"""

from __future__ import annotations

import re
import uuid

from avgctl.models import Verwerking
from avgctl.models.base import GRONDSLAG_ARTIKEL
from avgctl.store.landen import landen
from avgctl.store.register import Register
from avgctl.verwerkingen.views import (
    bewaartermijn_tekst,
    bewaartermijn_van,
    gesorteerd,
    ontvangers_van,
    partij_naam,
)

# Fixed for good: changing it changes every exported id, and consumers key on those ids.
NAMESPACE = uuid.UUID("9cfce86c-ee47-454d-a156-d296dd863077")

# The spec's description of ``grondslag`` lists these spellings. It has none for vital
# interests (art. 6(1)(d)); the field is free text, so that one follows the same style.
GRONDSLAG_VAR: dict[str, str] = {
    "toestemming": "Toestemming betrokkene",
    "overeenkomst": "Uitvoering overeenkomst",
    "wettelijke_verplichting": "Wettelijke verplichting",
    "vitaal_belang": "Vitaal belang",
    "publieke_taak": "Publieke taak",
    "gerechtvaardigd_belang": "Gerechtvaardigd belang",
}

# OIN-stelsel (Logius): an OIN derived from a KvK number is prefix + number + suffix.
_OIN_KVK_PREFIX = "00000003"
_OIN_KVK_SUFFIX = "0000"
_KVK = re.compile(r"^\d{8}$")

# The spec's required properties: present even when we have no value (then null).
_VERPLICHT = frozenset({"id", "naam", "verantwoordelijkeOrganisatie", "doel", "grondslag"})


def var_document(register: Register, basis_url: str = "") -> dict[str, object]:
    """The response of ``GET /verwerkingsactiviteiten`` for the whole register.

    ``basis_url`` is accepted for callers that pass the API's address, but spec 0.1.0 has no
    self link on a ``Verwerkingsactiviteit`` and the single page needs no ``next``; it does
    not change the document.
    """
    config = register.config.model if register.config is not None else None
    organisatie = config.organisatie.naam if config is not None else None
    kvk = config.organisatie.kvk if config is not None else None
    procesmodel = config.procesmodel if config is not None else {}
    context = _Context(register, organisatie or "", oin_uit_kvk(kvk), procesmodel)
    results = [context.activiteit(bron.model) for bron in gesorteerd(register)]
    return {"count": len(results), "next": None, "previous": None, "results": results}


def activiteit_id(organisatie: str, verwerking_id: str) -> str:
    """The same organisation and activity number give the same UUID, run after run."""
    return str(uuid.uuid5(NAMESPACE, f"{organisatie}/{verwerking_id}"))


def oin_uit_kvk(kvk: str | None) -> str | None:
    if kvk is None or not _KVK.match(kvk):
        return None
    return f"{_OIN_KVK_PREFIX}{kvk}{_OIN_KVK_SUFFIX}"


class _Context:
    """What every activity shares: the register for lookups and the organisation."""

    def __init__(
        self, register: Register, organisatie: str, oin: str | None, procesmodel: dict[str, str]
    ) -> None:
        self.register = register
        self.organisatie = organisatie
        self.oin = oin
        self.procesmodel = procesmodel
        self.eer = landen().eer

    def activiteit(self, v: Verwerking) -> dict[str, object]:
        binnen, buiten = self.ontvangers(v)
        # Keys in the order of the spec's properties, so the file reads like the spec.
        item: dict[str, object] = {
            "id": activiteit_id(self.organisatie, v.id),
            "naam": v.naam,
            "categorie": self.procesmodel.get(v.sectie),
            "verantwoordelijkeOrganisatie": self.oin,
            "doel": v.doel,
            "grondslag": GRONDSLAG_VAR[v.grondslag] if v.grondslag else None,
            "toelichtingGrondslag": toelichting_grondslag(v),
            "bewaartermijn": self.bewaartermijn(v),
            "herkomst": herkomst(v),
            "afnemendeInternationaleDerden": buiten,
            "afnemendeCategorieOntvangers": binnen,
            "verwerktePersoonsgegevens": persoonsgegevens(v),
        }
        return {k: val for k, val in item.items() if val is not None or k in _VERPLICHT}

    def ontvangers(self, v: Verwerking) -> tuple[list[str], list[str]]:
        """Recipient names within the EEA and outside it, each once, in order of mention."""
        ids: list[str] = list(v.ontvangers or []) if not v.gegevens else []
        for index in range(len(v.gegevens)):
            ids += ontvangers_van(v, index) or []
        binnen: list[str] = []
        buiten: list[str] = []
        for partij_id in dict.fromkeys(ids):
            bron = self.register.partij(partij_id)
            # An unknown party is reported by the checks; here it keeps its id as its name and,
            # with no country to go on, counts as within the EEA; so does a party without a
            # country (AVG210 asks for it).
            doel = buiten if bron is not None and bron.model.land is not None \
                and bron.model.land not in self.eer else binnen
            doel.append(partij_naam(self.register, partij_id))
        return binnen, buiten

    def bewaartermijn(self, v: Verwerking) -> str | None:
        """One text; when the data types differ, each period with the types it covers."""
        if not v.gegevens:
            return bewaartermijn_tekst(self.register, v.bewaartermijn) or (
                v.bewaartermijn_criterium or None
            )
        per_tekst: dict[str, list[str]] = {}
        for index, gegeven in enumerate(v.gegevens):
            tekst = bewaartermijn_tekst(self.register, bewaartermijn_van(v, index))
            tekst = tekst or v.bewaartermijn_criterium or ""
            per_tekst.setdefault(tekst, []).append(gegeven.type)
        if list(per_tekst) == [""]:
            return None
        if len(per_tekst) == 1:
            return next(iter(per_tekst))
        # The spec's own example is of this kind: "5 jaar bij toekenning, 1 jaar bij afwijzing".
        return "; ".join(
            f"{', '.join(types)}: {tekst or 'geen termijn vastgelegd'}"
            for tekst, types in per_tekst.items()
        )



def toelichting_grondslag(v: Verwerking) -> str | None:
    """The article and the law behind the basis, then any data type with a basis of its own."""
    delen: list[str] = []
    if v.grondslag:
        delen.append("; ".join(filter(None, [GRONDSLAG_ARTIKEL[v.grondslag], v.grondslag_bron])))
    elif v.grondslag_bron:
        delen.append(v.grondslag_bron)
    for gegeven in v.gegevens:
        eigen = gegeven.grondslag if gegeven.grondslag != v.grondslag else None
        bronnen = [GRONDSLAG_ARTIKEL[eigen] if eigen else None, gegeven.wettelijke_basis]
        if any(bronnen):
            delen.append(f"Voor {gegeven.type}: {'; '.join(filter(None, bronnen))}")
    return ". ".join(delen) or None


def herkomst(v: Verwerking) -> str | None:
    """The sources of the data types, each once; "kantoor; BRP" counts as two."""
    bronnen = [
        deel.strip() for g in v.gegevens if g.bron for deel in g.bron.split(";") if deel.strip()
    ]
    return ", ".join(dict.fromkeys(bronnen)) or None


def persoonsgegevens(v: Verwerking) -> list[dict[str, str]]:
    result: list[dict[str, str]] = []
    for gegeven in v.gegevens:
        item = {"rolBetrokkene": gegeven.betrokkene} if gegeven.betrokkene else {}
        result.append({**item, "naam": gegeven.type})
    return result
