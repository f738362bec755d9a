"""AVG601-AVG604: direct identifiers of people in the register files themselves.

Privacy by design applies to the registers too (art. 25 AVG, DOMAIN.md §9): they live in git,
and git history is hard to erase. The scan reads the raw text of every file, comments
included, so a BSN in a comment is found as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.models.verzoek import GESTRUCTUREERD
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import CONFIG_FILE, Document
from avgctl.store.yamlfile import YamlDocument

# Nine digits, or 1234.56.782; not part of a longer number, a decimal or an amount.
# The two patterns that start with a digit or a phone number's first character say so with
# that character itself, and test what stood before it behind it: Python's regular
# expressions then skip every other character in one quick loop, where a pattern that starts
# with a lookahead or lookbehind is tried at every position (DESIGN.md §5). The match is the
# same (tests/test_identificatie.py compares them with the plain way of writing them).
_BSN = re.compile(r"\d(?<![\w.,/-]\d)(?:\d{8}|\d{3}\.\d{2}\.\d{3})(?![\w/-]|[.,]\d)")
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})(?![A-Za-z0-9])")
# The same, found by its two check digits (digits are rarer than letters in a register): the
# country code before them is tested behind them, and the match starts two characters earlier.
_IBAN_CIJFERS = re.compile(
    r"\d\d(?<=[A-Za-z]{2}\d\d)(?<![A-Za-z0-9][A-Za-z]{2}\d\d)(?: ?[A-Za-z0-9]){11,30}"
    r"(?![A-Za-z0-9])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Dutch numbers (+31, 0031 or 0, then nine digits), an area code in brackets, or another
# country's +code; by the character they start with.
_PHONE = re.compile(
    r"[+0(](?<![\w+][+0(])(?:"
    r"(?<=\+)(?:31[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){8}(?![\w])"
    r"|(?!31)[1-9]\d{0,2}(?:[ -]?\d){7,12}(?![\w]))"
    r"|(?<=0)(?:031[ -]?(?:\(0\)[ -]?)?|)[1-9](?:[ -]?\d){8}(?![\w])"
    r"|(?<=\()0[1-9]\d{0,2}\)[ -]?\d(?:[ -]?\d){4,7}(?![\w]))"
)


def elfproef(digits: str) -> bool:
    """The BSN 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not (digits.isascii() and digits.isdigit()) or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def iban_geldig(text: str) -> bool:
    """ISO 13616 check: move the first four characters to the end; mod 97 must be 1."""
    compact = text.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34 and compact.isascii() and compact.isalnum()
            and compact[:2].isalpha() and compact[2:4].isdigit()):
        return False
    moved = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1
    except ValueError:
        return False


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Scan(Rule):
    pattern: re.Pattern[str]
    voor = 0  # characters of a match that stand before where ``pattern`` matches
    soort: str
    hint = ("haal het gegeven uit het register; verwijs naar een persoon met een zaak- of "
            "klantnummer, nooit met een naam, e-mailadres, telefoonnummer, BSN of IBAN")

    def valid(self, match: str) -> bool:
        return True

    def allowed(self) -> set[str]:
        """The organisation's own contact details, which may appear anywhere.

        Read from the raw file, so that a schema error elsewhere in avgctl.yaml does not turn
        the organisation's own addresses into findings as well.
        """
        doc = self.register.documents.get(CONFIG_FILE)
        data = doc.data if isinstance(doc, YamlDocument) else None
        org = data.get("organisatie") if isinstance(data, dict) else None
        values: list[object] = []
        for part in ("contact", "fg", "vertegenwoordiger", "rechten"):
            section = org.get(part) if isinstance(org, dict) else None
            if isinstance(section, dict):
                values += [section.get("email"), section.get("telefoon")]
        return {_normal(v) for v in values if isinstance(v, str) and v}

    def check(self) -> Iterator[PendingFinding]:
        allowed = self.allowed()
        for doc in self.register.documents.values():
            yield from self.scan(doc, allowed)

    def excluded(self, text: str) -> list[tuple[int, int]]:
        """Spans of the text this scan leaves to another one."""
        return []

    def scan(self, doc: Document, allowed: set[str]) -> Iterator[PendingFinding]:
        if isinstance(doc, CsvDocument):
            yield from self.scan_csv(doc, allowed)
            return
        for offset, found in self.matches(doc.text, allowed):
            line, column = _position(doc.text, offset)
            yield self.report(doc.rel, found, line, column)

    def matches(self, text: str, allowed: set[str]) -> Iterator[tuple[int, str]]:
        excluded: list[tuple[int, int]] | None = None
        for match in self.pattern.finditer(text):
            begin = match.start() - self.voor
            found = text[begin:match.end()]
            if _normal(found) in allowed or not self.valid(found):
                continue
            if excluded is None:
                excluded = self.excluded(text)
            if any(start <= begin < end for start, end in excluded):
                continue
            yield begin, found

    def scan_csv(self, doc: CsvDocument, allowed: set[str]) -> Iterator[PendingFinding]:
        """Only the cells that can hold free text: dates, choices and ids are validated by
        the model, and betrokkene_ref has a rule of its own (AVG710). On 100,000 requests
        this is a fraction of scanning the whole file."""
        hits = {cell: matches for cell in vrije_tekst(doc)
                if (matches := list(self.matches(cell, allowed)))}
        for cell, places in plaatsen(doc, set(hits)).items():
            for index, column in places:
                for offset, found in hits[cell]:
                    line, start = doc.locate((index, doc.header[column]))
                    yield self.report(doc.rel, found, line, start + offset)

    def report(self, rel: str, found: str, line: int, column: int) -> PendingFinding:
        finding = self.finding(rel, (), f"mogelijk {self.soort} in het register: "
                               f"{_mask(found)}", self.hint)
        finding.line, finding.column = line, column
        return finding




def _vrije_kolommen(doc: CsvDocument) -> list[int]:
    return [i for i, name in enumerate(doc.header) if name not in GESTRUCTUREERD]


def vrije_tekst(doc: CsvDocument) -> list[str]:
    """Each distinct free-text cell, gathered once for the four scans: on 100,000 requests
    the same few texts come back again and again."""
    cached = doc.__dict__.get("_vrije_tekst")
    if cached is None and doc.vrije_tekst is not None:  # gathered while loading
        cached = doc.__dict__["_vrije_tekst"] = list(doc.vrije_tekst)
    if cached is None:
        found: dict[str, None] = {}
        columns = _vrije_kolommen(doc)
        for block, _ in doc.blokken():
            for row in block:
                for column in columns:
                    if column < len(row) and (cell := row[column]):
                        found[cell] = None
        cached = doc.__dict__["_vrije_tekst"] = list(found)
    return cached


def plaatsen(doc: CsvDocument, cells: set[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each of ``cells`` stands (row, column): read again, only when a scan hit."""
    found: dict[str, list[tuple[int, int]]] = {}
    if not cells:
        return found
    columns = _vrije_kolommen(doc)
    for block, start in doc.blokken():
        for index, row in enumerate(block, start):
            for column in columns:
                if column < len(row) and row[column] in cells:
                    found.setdefault(row[column], []).append((index, column))
    return found


def _normal(value: str) -> str:
    """A comparable form: +31 20 555 0100, 0031205550100 and 020-5550100 are the same number."""
    compact = re.sub(r"[\s().-]", "", value).lower()
    return re.sub(r"^(?:\+31|0031)0?", "0", compact)


def _mask(value: str) -> str:
    """Show enough to find it, not enough to repeat the identifier in logs."""
    if "@" in value:
        name, _, domain = value.partition("@")
        return f"{name[:1]}***@{domain}"
    keep = 2
    return value[:keep] + "*" * max(len(value) - keep * 2, 3) + value[-keep:]


class BsnInRegister(_Scan):
    """Een getal van negen cijfers dat de elfproef doorstaat: waarschijnlijk een BSN.

    Waarom: een register hoort geen gegevens van betrokkenen te bevatten. Het BSN is een
    bijzonder beschermd nummer (art. 46 UAVG) en git bewaart elke versie van een bestand
    (privacy by design, art. 25 AVG).

    Oplossing: verwijder het nummer en gebruik een zaak- of dossiernummer. Staat het al in de
    git-geschiedenis, overleg dan met de FG over het opschonen daarvan.
    """

    code = "AVG601"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "BSN in een registerbestand"
    artikel = "art. 25 AVG; art. 46 UAVG"
    pattern = _BSN
    soort = "BSN"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Inzageverzoek\nopmerking: betreft BSN 111222333\n',
        goed='id: "10.1.1"\nnaam: Inzageverzoek\nopmerking: betreft dossier 2026-0042\n',
    )

    def valid(self, match: str) -> bool:
        return elfproef(match.replace(".", ""))


class IbanInRegister(_Scan):
    """Een rekeningnummer (IBAN) met een kloppend controlegetal.

    Waarom: een bankrekeningnummer herleidt direct naar een persoon en hoort niet in een
    register in git (art. 25 AVG, dataminimalisatie art. 5 lid 1 sub c AVG).

    Oplossing: verwijder het nummer en verwijs naar het dossier waarin het staat.
    """

    code = "AVG602"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "IBAN in een registerbestand"
    artikel = "art. 25 AVG"
    pattern = _IBAN_CIJFERS
    voor = 2
    soort = "IBAN"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Betalingsregeling\n'
        "opmerking: terugbetalen op NL91ABNA0417164300\n",
        goed='id: "10.1.1"\nnaam: Betalingsregeling\nopmerking: terugbetalen volgens dossier\n',
    )

    def valid(self, match: str) -> bool:
        return iban_geldig(match)


class EmailInRegister(_Scan):
    """Een e-mailadres buiten de eigen contactgegevens van de organisatie.

    Waarom: een e-mailadres in een register is meestal dat van een betrokkene, en git bewaart
    het voorgoed (art. 25 AVG). Alleen de contactgegevens van de organisatie, de FG en de
    adressen voor verzoeken (organisatie.rechten) in avgctl.yaml horen erin.

    Oplossing: verwijder het adres; verwijs naar de persoon met een zaak- of klantnummer.
    """

    code = "AVG603"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "E-mailadres in een registerbestand"
    artikel = "art. 25 AVG"
    pattern = _EMAIL
    soort = "e-mailadres"

    def matches(self, text: str, allowed: set[str]) -> Iterator[tuple[int, str]]:
        if "@" not in text:  # nearly always: a substring test instead of a regex scan
            return iter(())
        return super().matches(text, allowed)
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Klacht\nopmerking: gemeld door j.jansen@voorbeeld.nl\n',
        goed='id: "10.1.1"\nnaam: Klacht\nopmerking: gemeld door klant 4711\n',
    )


class TelefoonInRegister(_Scan):
    """Een telefoonnummer buiten de eigen contactgegevens van de organisatie.

    Waarom: een telefoonnummer herleidt direct naar een persoon; in git blijft het bewaard
    (art. 25 AVG).

    Oplossing: verwijder het nummer; verwijs naar de persoon met een zaak- of klantnummer.
    """

    code = "AVG604"
    severity = Severity.FOUT
    bij_schrijven = True
    title = "Telefoonnummer in een registerbestand"
    artikel = "art. 25 AVG"
    pattern = _PHONE
    soort = "telefoonnummer"

    def valid(self, match: str) -> bool:
        digits = re.sub(r"\D", "", match)
        return len(digits) == 10 if match.startswith("(") else True

    def excluded(self, text: str) -> list[tuple[int, int]]:
        # The digits of a bank account number often look like a phone number.
        return [match.span() for match in _IBAN.finditer(text)]
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Terugbelverzoek\nopmerking: bellen op 06-12345678\n',
        goed='id: "10.1.1"\nnaam: Terugbelverzoek\nopmerking: bellen volgens dossier\n',
    )
