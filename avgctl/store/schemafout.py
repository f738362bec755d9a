"""Turn Pydantic validation errors into Dutch messages with a "did you mean"."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from avgctl.findings import Path as DataPath
from avgctl.models.base import EERSTE_DAG, LAATSTE_DAG
from avgctl.models.verzoek import ONAFGESCHERMD, ONAFGESCHERMD_HINT, onafgeschermde_kopie


@dataclass(frozen=True)
class SchemaFout:
    path: DataPath
    message: str
    hint: str
    key: bool  # the problem is the key itself (an unknown field)


_TIJDSTIP = "schrijf een tijdstip als 2026-03-27T10:00:00+01:00"

_SIMPLE: dict[str, tuple[str, str]] = {
    "string_type": ("moet tekst zijn", "zet de waarde tussen aanhalingstekens, bijvoorbeeld "
                    "id: \"40.3\""),
    "int_type": ("moet een geheel getal zijn", ""),
    "int_parsing": ("moet een geheel getal zijn", ""),
    "int_from_float": ("moet een geheel getal zijn", ""),
    "bool_type": ("moet true of false zijn", ""),
    "bool_parsing": ("moet true of false zijn", ""),
    "list_type": ("moet een lijst zijn", "schrijf een lijst als [a, b] of met '- ' per regel"),
    "dict_type": ("moet een object met velden zijn", "schrijf velden als 'naam: waarde'"),
    "model_type": ("moet een object met velden zijn", "schrijf velden als 'naam: waarde'"),
    "model_attributes_type": ("moet een object met velden zijn", ""),
    "date_type": ("moet een datum zijn", "schrijf een datum als 2026-03-27"),
    "date_parsing": ("moet een datum zijn", "schrijf een datum als 2026-03-27"),
    "date_from_datetime_parsing": ("moet een datum zijn", "schrijf een datum als 2026-03-27"),
    "date_from_datetime_inexact": ("moet een datum zijn, zonder tijd",
                                   "schrijf een datum als 2026-03-27"),
    "datetime_type": ("moet een tijdstip zijn", _TIJDSTIP),
    "datetime_parsing": ("moet een tijdstip zijn", _TIJDSTIP),
    "datetime_from_date_parsing": ("moet een tijdstip zijn", _TIJDSTIP),
    "timezone_aware": ("tijdstip zonder tijdzone (UTC-afwijking)",
                       "voeg de afwijking toe: +01:00 in de wintertijd, +02:00 in de zomertijd, "
                       "bijvoorbeeld 2026-03-27T10:00:00+01:00"),
    "string_pattern_mismatch": ("heeft niet de juiste vorm", ""),
    "greater_than_equal": ("is te klein", ""),
    "string_too_short": ("mag niet leeg zijn", ""),
}

_PATTERN_HINTS: dict[str, str] = {
    "id": "een verwerkings-id volgt het procesmodel, bijvoorbeeld \"40.3.1\"; een partij-id "
    "bestaat uit kleine letters, cijfers en '-', bijvoorbeeld dossiersoft-bv",
    "land": "gebruik de landcode van twee letters, bijvoorbeeld NL, DE of US",
    "referentie": "gebruik letters, cijfers en '-', bijvoorbeeld DL-2026-007",
    "doelgroepen": "een doelgroep heet in kleine letters, cijfers, '-' en '_', bijvoorbeeld "
    "debiteuren; de naam komt in de bestandsnaam van haar privacyverklaring",
}


def translate(model: type[BaseModel], error: ErrorDetails, prefix: DataPath = ()) -> SchemaFout:
    loc = tuple(error["loc"])
    kind = error["type"]
    field = str(loc[-1]) if loc else ""
    path = prefix + loc
    if kind == "missing":
        return SchemaFout(path[:-1], f"verplicht veld '{field}' ontbreekt",
                          f"voeg '{field}:' toe", key=False)
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        hint = f"bedoelde u '{close[0]}'?" if close else (
            "toegestane velden: " + ", ".join(known) if known else "")
        return SchemaFout(path, f"onbekend veld '{field}'", hint, key=True)
    if kind == "literal_error" and field == "verificatie_wijze" and isinstance(
            error.get("input"), str) and onafgeschermde_kopie(str(error.get("input"))):
        return SchemaFout(path, f"ongeldige waarde {error.get('input')!r} voor "
                          f"'verificatie_wijze': {ONAFGESCHERMD}", ONAFGESCHERMD_HINT, key=False)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        options = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        given = str(error.get("input"))
        close = difflib.get_close_matches(given, options, n=1, cutoff=0.6)
        hint = f"bedoelde u '{close[0]}'?" if close else ""
        return SchemaFout(path, f"ongeldige waarde {given!r} voor '{_name(loc)}'; kies uit: "
                          + ", ".join(options), hint, key=False)
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return SchemaFout(path, f"'{_name(loc)}': {message}", "", key=False)
    given = error.get("input")
    if _geen_bestaande_datum(error):
        return SchemaFout(path, f"'{_name(loc)}': {given} is geen bestaande datum",
                          "controleer dag en maand", key=False)
    if buiten_kalender(error):
        shown = given.isoformat() if isinstance(given, dt.date) else str(given)
        return SchemaFout(path, f"'{_name(loc)}': {shown} ligt buiten de jaren "
                          f"{EERSTE_DAG.year}-{LAATSTE_DAG.year}; met zo'n datum rekent avgctl "
                          "geen termijn", "waarschijnlijk een tikfout in het jaar; verbeter de "
                          "datum", key=False)
    if loc and loc[-1] == "datetime" and kind.startswith("datetime"):
        # Only a field that takes a date or a moment names the tried member 'datetime'.
        return SchemaFout(path, f"'{_name(loc)}' moet een datum of een tijdstip zijn",
                          "schrijf een datum als 2026-03-27 of een tijdstip als "
                          "2026-03-27T10:00:00+01:00", key=False)
    if kind == "greater_than_equal":
        grens = error.get("ctx", {}).get("ge")
        return SchemaFout(path, f"'{_name(loc)}' moet minstens {grens} zijn", "", key=False)
    if kind in _SIMPLE:
        message, hint = _SIMPLE[kind]
        if kind == "string_pattern_mismatch":
            # a list item's own name is its index: the list's name says what it holds
            naam = next((str(part) for part in reversed(loc) if isinstance(part, str)), field)
            hint = _PATTERN_HINTS.get(field, _PATTERN_HINTS.get(naam, hint))
        return SchemaFout(path, f"'{_name(loc)}' {message}", hint, key=False)
    return SchemaFout(path, f"'{_name(loc)}' heeft een ongeldige waarde", "", key=False)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def translate_all(model: type[BaseModel], errors: list[ErrorDetails],
                  prefix: DataPath = ()) -> list[tuple[SchemaFout, ErrorDetails]]:
    """Every error of one validation, with the errors Pydantic gives per member of a union
    ("a date, or 'nvt'") said once for their field. Each message comes with the error it
    stands for."""
    groepen: dict[tuple[int | str, ...], list[ErrorDetails]] = {}
    for error in errors:
        groepen.setdefault(_veld(tuple(error["loc"])), []).append(error)
    uit: list[tuple[SchemaFout, ErrorDetails]] = []
    for groep in groepen.values():
        samen = _union(groep, prefix) if len(groep) > 1 else None
        bijna = _bestaat_niet(groep) if len(groep) > 1 else None
        if bijna is not None:
            uit.append((translate(model, bijna, prefix), bijna))
        elif samen is not None:
            uit.append((samen, groep[0]))
        else:
            uit += [(translate(model, error, prefix), error) for error in groep]
    return uit


def _veld(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The location without the union member Pydantic tried ('date', "literal['nvt']")."""
    return tuple(part for part in loc if isinstance(part, int) or _is_field(part))


def _union(groep: list[ErrorDetails], prefix: DataPath) -> SchemaFout | None:
    given = groep[0].get("input")
    if any(error.get("input") != given for error in groep):
        return None
    keuzes: list[str] = []
    for error in groep:
        alternatief = _alternatief(error)
        if alternatief is None:
            return None
        keuzes += [k for k in alternatief if k not in keuzes]
    loc = _veld(tuple(groep[0]["loc"]))
    opsomming = keuzes[0] if len(keuzes) == 1 else ", ".join(keuzes[:-1]) + " of " + keuzes[-1]
    return SchemaFout(prefix + loc, f"'{_name(loc)}' moet {opsomming} zijn, niet {given!r}", "",
                      key=False)


def _bestaat_niet(groep: list[ErrorDetails]) -> ErrorDetails | None:
    """The error that says it best when the value was nearly right: a moment without its
    offset, a date that does not exist, or one outside the years avgctl computes in."""
    for error in groep:
        if error["type"] == "timezone_aware":
            return error
    for error in groep:
        if _geen_bestaande_datum(error) or buiten_kalender(error):
            return error  # a date outside the years of AVG003 is no 'nvt' mistyped either
    return None


def _geen_bestaande_datum(error: ErrorDetails) -> bool:
    """'2026-02-30': written as a date, but no day of the calendar."""
    given = error.get("input")
    return (error["type"] in ("date_parsing", "date_from_datetime_parsing", "datetime_parsing",
                              "datetime_from_date_parsing")
            and isinstance(given, str) and bool(_ISO_DATE.match(given)))


def _alternatief(error: ErrorDetails) -> list[str] | None:
    """What one member of a union would have taken, in words."""
    kind = error["type"]
    if kind.startswith("datetime") or kind == "timezone_aware":
        return ["een tijdstip (2026-03-27T10:00:00+01:00)"]
    if kind.startswith("date"):
        return ["een datum (2026-03-27)"]
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        return [part.strip(" '") for part in expected.replace(" or ", ",").split(",")
                if part.strip(" '")]
    woorden = {"int_parsing": "een geheel getal", "int_type": "een geheel getal",
               "float_parsing": "een getal", "bool_parsing": "true of false",
               "bool_type": "true of false", "string_type": "tekst", "list_type": "een lijst"}
    return [woorden[kind]] if kind in woorden else None

_GRENZEN = {"greater_than_equal": ("ge", "moet minstens {} zijn"),
            "greater_than": ("gt", "moet groter zijn dan {}"),
            "less_than_equal": ("le", "mag hoogstens {} zijn"),
            "less_than": ("lt", "moet kleiner zijn dan {}")}
_MEER: dict[str, tuple[str, str]] = {
    "float_parsing": ("moet een getal zijn", "schrijf een punt voor decimalen, bijvoorbeeld 2.5"),
    "float_type": ("moet een getal zijn", ""),
    "int_parsing_size": ("is te groot", ""),
    "string_too_long": ("is te lang", ""),
    "too_short": ("heeft te weinig waarden", ""),
    "too_long": ("heeft te veel waarden", ""),
    "enum": ("is geen van de mogelijke waarden", ""),
    "path_type": ("moet een pad naar een bestand of map zijn", ""),
}


def waardefout(error: ErrorDetails) -> tuple[str, str]:
    """One Pydantic error about a single value (an option on the command line), in Dutch:
    the message names the value, the hint says what to write instead."""
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx", {})
    waarde = repr(given) if isinstance(given, str) else str(given)
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        opties = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        return f"{waarde} kan niet; kies uit: {', '.join(o for o in opties if o)}", ""
    if kind in _GRENZEN:
        sleutel, tekst = _GRENZEN[kind]
        return f"{waarde} {tekst.format(ctx.get(sleutel))}", ""
    if kind == "value_error":
        oorzaak = str(ctx.get("error", ""))
        match = re.match(r"^'?(.*?)'? is not one of (.*?)\.?$", oorzaak)
        if match:
            return f"{waarde} kan niet; kies uit: {match.group(2)}", ""
        return f"{waarde} is geen geldige waarde", ""
    if kind.startswith("date") and isinstance(given, str) and _ISO_DATE.match(given):
        return f"{given} is geen bestaande datum", "controleer dag en maand"
    if kind in _SIMPLE or kind in _MEER:
        message, hint = _SIMPLE.get(kind) or _MEER[kind]
        return f"{waarde} {message}", hint
    return f"{waarde} is geen geldige waarde", ""


def buiten_kalender(error: ErrorDetails) -> bool:
    """Whether the error is a date outside the calendar avgctl computes in (AVG003)."""
    if error["type"] not in ("greater_than_equal", "less_than_equal"):
        return False
    grens = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("le"))
    return isinstance(grens, dt.date) or bool(isinstance(grens, str) and _ISO_DATE.match(grens))


def _name(loc: tuple[int | str, ...]) -> str:
    names = [str(part) for part in loc if isinstance(part, str) and _is_field(part)]
    return names[-1] if names else "waarde"


def _is_field(part: str) -> bool:
    # Pydantic adds the tried union member ("datetime", "function-after[...]") to the location.
    return part.isidentifier() and part not in ("date", "datetime", "str", "int", "bool")


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _inner(current)
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner(fields[part].annotation)
    fields = getattr(_inner(current), "model_fields", None)
    return list(fields) if fields else []


def _inner(annotation: Any) -> Any:
    """The model inside Optional[...] / list[...] / dict[str, ...], if any."""
    for _ in range(4):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin in (list, typing.Union, types.UnionType, dict) and args:
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[-1]
        else:
            return annotation
    return annotation
