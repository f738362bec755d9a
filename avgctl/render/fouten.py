"""Template errors in plain Dutch, with the template and the line they are about.

Jinja and Python word their errors in English and for programmers ("'x' is undefined",
"Range too big"). A privacy officer who edits a letter in ``templates/`` needs to know
which file, which line, what is wrong there and what to do about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from jinja2 import TemplateNotFound, TemplatesNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateRuntimeError

from avgctl.render.sandbox import LimitExceeded

# Python's names of the kinds of value, as a template writer sees them.
SOORTEN = {
    "str": "tekst", "int": "geheel getal", "float": "getal", "bool": "ja/nee-waarde",
    "list": "lijst", "tuple": "lijst", "dict": "tabel", "NoneType": "lege waarde (None)",
    "date": "datum", "datetime": "tijdstip", "Markup": "tekst", "Markdown": "tekst",
    "Undefined": "onbekende waarde", "StrictUndefined": "onbekende waarde",
    "Macro": "macro", "Namespace": "namespace", "range": "reeks getallen",
    "method": "functie", "function": "functie", "builtin_function_or_method": "functie",
}


def _soort(name: str) -> str:
    return SOORTEN.get(name, f"waarde van het type {name}")


def _waarde(text: str) -> str:
    """'dict object' -> 'de tabel'; 'str object' -> 'de tekst'."""
    name = text.strip("'").removesuffix(" object").rsplit(".", 1)[-1]
    if name == "None":
        return "een lege waarde (None)"
    return f"de {_soort(name)}" if name in SOORTEN else f"'{name}'"


_TOKENS: dict[str, str] = {
    "end of print statement": "'}}'", "end of statement block": "'%}'",
    "end of template": "het einde van het sjabloon", "name": "een naam",
    "begin of print statement": "'{{'", "begin of statement block": "'{%'",
    "end of comment": "'#}'", "integer": "een getal", "string": "een tekst",
}

_Vertaling = Callable[[re.Match[str]], str]

# (pattern on the English message, the Dutch sentence). The first that matches wins.
UNDEFINED: list[tuple[str, _Vertaling]] = [
    (r"'(?P<n>[^']+)' is undefined",
     lambda m: f"'{m['n']}' bestaat niet in dit sjabloon (een tikfout, of een gegeven dat "
               "dit document niet heeft)"),
    (r"(?P<o>.+?) has no attribute '(?P<a>[^']+)'",
     lambda m: f"{_waarde(m['o'])} heeft geen veld '{m['a']}'"),
    (r"(?P<o>.+?) has no element (?P<e>.+)",
     lambda m: f"{_waarde(m['o'])} heeft geen element {m['e']}"),
    (r"access to attribute '(?P<a>[^']+)' of '(?P<t>[^']+)' object is unsafe\.?",
     lambda m: f"'{m['a']}' van een {_soort(m['t'])} is in een sjabloon afgeschermd: een "
               "sjabloon mag alleen gegevens tonen, niet in Python rondkijken"),
    (r"the inline if-expression on (?P<w>.+) evaluated to false and no else section was "
     r"defined\.",
     lambda m: "een inline if zonder else kwam op onwaar uit; geef een else-waarde"),
]
SYNTAX: list[tuple[str, _Vertaling]] = [
    (r"Unexpected end of template\. Jinja was looking for the following tags: (?P<t>.+?)\. "
     r"The innermost block that needs to be closed is '(?P<b>[^']+)'\.",
     lambda m: f"het sjabloon houdt op terwijl het blok '{m['b']}' nog open is; sluit het "
               f"af (verwacht: {_tags(m['t'])})"),
    (r"Encountered unknown tag '(?P<t>[^']+)'\.(?: Jinja was looking for the following tags: "
     r"(?P<l>.+?)\. The innermost block that needs to be closed is '(?P<b>[^']+)'\.)?",
     lambda m: f"onbekende opdracht '{{% {m['t']} %}}'" + (
         f"; het blok '{m['b']}' is nog open (verwacht: {_tags(m['l'])})" if m["b"] else "")),
    (r"unexpected end of template, expected '(?P<e>[^']+)'\.?",
     lambda m: f"het sjabloon houdt midden in een opdracht op (verwacht: {_token(m['e'])})"),
    (r"expected token '(?P<e>[^']+)', got '(?P<g>[^']+)'",
     lambda m: f"hier hoort {_token(m['e'])}, maar er staat '{m['g']}'"),
    (r"Expected an expression, got '(?P<g>[^']+)'",
     lambda m: f"hier hoort een waarde of naam, maar er staat {_token(m['g'])}"),
    (r"unexpected '(?P<g>[^']+)'",
     lambda m: f"{_token(m['g'])} komt te vroeg: er ontbreekt iets ervoor"
     if m["g"] in _TOKENS else f"'{m['g']}' hoort hier niet"),
    (r"unexpected char '(?P<c>.+)' at (?P<p>\d+)",
     lambda m: f"het teken '{m['c']}' hoort hier niet"),
    (r"No filter named '(?P<f>[^']+)'\.?(?: found\.)?",
     lambda m: f"er is geen filter '{m['f']}'"),
    (r"No test named '(?P<f>[^']+)'\.?(?: found\.)?",
     lambda m: f"er is geen test '{m['f']}'"),
    (r"tag name expected",
     lambda m: "na '{%' hoort de naam van een opdracht, zoals if, for of set"),
    (r"block '(?P<b>[^']+)' defined twice",
     lambda m: f"het blok '{m['b']}' staat twee keer in het sjabloon"),
    (r"unexpected end of (?:string|comment)|Missing end of (?:raw directive|comment tag)|"
     r"unclosed comment",
     lambda m: "een tekst, commentaar of raw-blok is niet afgesloten"),
]
PYTHON: list[tuple[type[BaseException], str, _Vertaling]] = [
    (ZeroDivisionError, r".*", lambda m: "deling door nul"),
    (TypeError, r"unsupported operand type\(s\) for (?P<op>\S+): '(?P<a>[^']+)' and "
     r"'(?P<b>[^']+)'",
     lambda m: f"'{m['op']}' kan niet met een {_soort(m['a'])} en een {_soort(m['b'])}"),
    (TypeError, r'can only concatenate str \(not "(?P<b>[^"]+)"\) to str',
     lambda m: f"een {_soort(m['b'])} kan niet met + aan tekst vast; gebruik ~"),
    (TypeError, r"can only concatenate (?P<a>\w+) \(not \"(?P<b>[^\"]+)\"\) to \w+",
     lambda m: f"een {_soort(m['b'])} kan niet met + aan een {_soort(m['a'])} vast"),
    (TypeError, r"not all arguments converted during string formatting",
     lambda m: "bij de %-opmaak zijn er meer waarden dan plaatsen in de tekst"),
    (TypeError, r"not enough arguments for format string",
     lambda m: "bij de %-opmaak zijn er minder waarden dan plaatsen in de tekst"),
    (TypeError, r"'(?P<t>[^']+)' object is not iterable",
     lambda m: f"een {_soort(m['t'])} kan niet in een for-lus worden doorlopen"),
    (TypeError, r"'(?P<t>[^']+)' object is not callable",
     lambda m: f"een {_soort(m['t'])} kan niet worden aangeroepen met ()"),
    (TypeError, r"'(?P<op>[<>=!]+)' not supported between instances of '(?P<a>[^']+)' and "
     r"'(?P<b>[^']+)'",
     lambda m: f"een {_soort(m['a'])} en een {_soort(m['b'])} kunnen niet met "
               f"'{m['op']}' worden vergeleken"),
    (TypeError, r"(?P<f>[\w.]+)\(\) takes (?P<n>.+?) but (?P<g>\d+) (?:was|were) given",
     lambda m: f"{m['f']}() krijgt het verkeerde aantal waarden ({m['g']})"),
    (TypeError, r"(?P<f>[\w.]+)\(\) got an unexpected keyword argument '(?P<a>[^']+)'",
     lambda m: f"{m['f']}() kent geen argument '{m['a']}'"),
    (OverflowError, r".*", lambda m: "een getal wordt te groot"),
    (RecursionError, r".*",
     lambda m: "het sjabloon roept zichzelf te vaak aan (een macro of include die zichzelf "
               "steeds opnieuw aanroept)"),
    (MemoryError, r".*", lambda m: "het sjabloon gebruikt te veel geheugen"),
    (ValueError, r"invalid literal for int\(\) with base \d+: (?P<v>.+)",
     lambda m: f"{m['v']} is geen geheel getal"),
    (ValueError, r"Exceeds the limit \(\d+ digits\) for integer string conversion.*",
     lambda m: "een getal heeft te veel cijfers om als tekst te tonen"),
    (KeyError, r"(?P<k>.+)", lambda m: f"de sleutel {m['k']} bestaat niet"),
    (IndexError, r".*", lambda m: "een lijst heeft geen element op die plaats"),
]



def _token(name: str) -> str:
    return _TOKENS.get(name, f"'{name}'")


def _tags(text: str) -> str:
    return ", ".join(f"{{% {t} %}}" for t in re.findall(r"'([^']+)'", text))


def _match(patterns: Iterable[tuple[str, _Vertaling]], message: str) -> str | None:
    for pattern, dutch in patterns:
        found = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if found:
            return dutch(found)
    return None


def reason(exc: BaseException) -> str:
    """The Dutch sentence for what went wrong, without the place."""
    message = str(exc.message if isinstance(exc, TemplateSyntaxError) and exc.message
                  else exc)
    if isinstance(exc, LimitExceeded):
        return message
    if isinstance(exc, TemplatesNotFound):
        return "geen van de sjablonen " + ", ".join(f"'{n}'" for n in exc.templates) + \
            " bestaat"
    if isinstance(exc, TemplateNotFound):
        return f"het sjabloon '{exc.name}' bestaat niet (in templates/ noch ingebouwd)"
    if isinstance(exc, TemplateSyntaxError):
        return _match(SYNTAX, message) or \
            f"de opbouw van het sjabloon klopt hier niet (Jinja meldt: {message})"
    if isinstance(exc, (UndefinedError, SecurityError)):
        return _match(UNDEFINED, message) or (
            f"een gegeven is hier niet beschikbaar (Jinja meldt: {message})")
    if isinstance(exc, TemplateRuntimeError):
        if "non-namespace" in message:
            return "een veld kan alleen worden gezet op een namespace(); maak die eerst"
        return f"het sjabloon kan hier niet verder (Jinja meldt: {message})"
    for kind, pattern, dutch in PYTHON:
        if isinstance(exc, kind):
            found = re.fullmatch(pattern, message.strip(), re.DOTALL)
            if found:
                return dutch(found)
    return f"een berekening in het sjabloon mislukt ({type(exc).__name__}: {message})"


def where(exc: BaseException, files: dict[str, str]) -> tuple[str | None, str | None, int | None]:
    """(template name, file name, line) of the innermost template line in the error."""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.name, exc.filename, exc.lineno
    found: tuple[str | None, str | None, int | None] = (None, None, None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in files:
            found = (files[filename], filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def display(name: str, filename: str | None, repo: Path | None) -> str:
    """templates/brieven/x.md.j2 for a repository template, the bare name for a built-in."""
    if filename and repo is not None:
        try:
            return Path(filename).resolve().relative_to(repo.resolve()).as_posix()
        except ValueError:
            pass
    return f"{name} (ingebouwd)"


def message(exc: BaseException, template: str, files: dict[str, str],
            repo: Path | None, names: Iterable[str] = (),
            builtin: Callable[[str], bool] = lambda name: False) -> str:
    """The whole message: which template, which line, what is wrong, what to do."""
    name, filename, line = where(exc, files)
    if name is None:
        name = template
        filename = next((f for f, n in files.items() if n == template), None)
    text = reason(exc)
    if isinstance(exc, UndefinedError) and "is undefined" in str(exc) and names:
        text += f"; beschikbaar zijn: {', '.join(sorted(names))}"
    place = display(name, filename, repo) + (f":{line}" if line else "")
    via = f" (opgenomen vanuit {template})" if name != template else ""
    if isinstance(exc, (LimitExceeded, MemoryError, RecursionError)):
        advice = "Maak het sjabloon eenvoudiger"
    else:
        advice = "Verbeter het sjabloon" + (" op die regel" if line else "")
    if "(ingebouwd)" not in place and builtin(name):
        advice += ", of haal het weg uit templates/ om het ingebouwde sjabloon te gebruiken"
    return f"sjabloon {place}{via} kan niet worden gemaakt: {text}. {advice}."
