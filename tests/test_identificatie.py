"""AVG601-AVG604: the check-digit functions and the raw-text scan for identifiers."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from avgctl.findings import Finding
from avgctl.rules.identificatie import (
    _BSN,
    _IBAN,
    _IBAN_CIJFERS,
    _PHONE,
    elfproef,
    iban_geldig,
)
from tests.conftest import check_repo

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True)

V = "registers/verwerkingen/20.1.1-intake.yaml"
C = "avgctl.yaml"
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)

# --- elfproef ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("111222333", True),  # 9+8+7+12+10+8+9+6-3 = 66 = 6*11
        ("123456782", True),  # 9+16+21+24+25+24+21+16-2 = 154 = 14*11
        ("999999990", True),  # 9*44 = 396 = 36*11
        ("100000009", True),  # 9-9 = 0, but the number itself is not 0
        ("123456789", False),  # 161 = 14*11 + 7
        ("111222334", False),
        ("000000000", False),  # passes the sum, but is not a number anyone has
        ("11122233", False),  # 8 digits
        ("1112223330", False),  # 10 digits
        ("", False),
        ("11122233a", False),
        ("111 222 333", False),
        ("1112.22.333", False),  # the scan removes the dots before calling elfproef
    ],
)
def test_elfproef_table(digits: str, valid: bool) -> None:
    assert elfproef(digits) is valid


def test_elfproef_superscript_digits_are_not_a_bsn() -> None:
    assert elfproef("²" * 9) is False


def _check_digit(prefix: str) -> int:
    """The ninth digit that makes ``prefix`` pass the 11-test (10 means: none does)."""
    return sum(int(d) * w for d, w in zip(prefix, WEIGHTS, strict=True)) % 11


VALID_BSN = (
    st.text(string.digits, min_size=8, max_size=8)
    .filter(lambda prefix: _check_digit(prefix) < 10)
    .map(lambda prefix: prefix + str(_check_digit(prefix)))
    .filter(lambda bsn: int(bsn) != 0)
)


@SETTINGS
@given(VALID_BSN)
def test_generated_bsn_is_valid(bsn: str) -> None:
    assert elfproef(bsn)


@SETTINGS
@given(VALID_BSN, st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_of_a_bsn_invalidates_it(bsn: str, position: int, delta: int) -> None:
    # A single-digit change alters the sum by weight*delta; 11 is prime and no weight or delta
    # is a multiple of 11, so the sum can no longer be a multiple of 11.
    digit = (int(bsn[position]) + delta) % 10
    changed = bsn[:position] + str(digit) + bsn[position + 1:]
    assert changed != bsn
    assert not elfproef(changed)


# --- iban_geldig --------------------------------------------------------------------------

KNOWN_IBANS = ["NL91ABNA0417164300", "DE89370400440532013000", "GB82WEST12345698765432"]


def _spaced(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


@pytest.mark.parametrize("iban", KNOWN_IBANS)
def test_known_ibans_are_valid_in_every_notation(iban: str) -> None:
    assert iban_geldig(iban)
    assert iban_geldig(_spaced(iban))
    assert iban_geldig(iban.lower())
    assert iban_geldig(_spaced(iban).lower())


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164301",  # last digit changed
        "NL19ABNA0417164300",  # check digits swapped
        "NL91ABNA0417164",  # a digit missing
        "DE89370400440532013001",
        "GB82WEST12345698765433",
        "GB82WEST1234569876543",  # a digit missing
        "NL91ABNA04171643",
        "NL91ABNA041716430",
        "NL91-ABNA-0417-1643-00",  # dashes are not part of an IBAN
        "NL91ABNA041716430!",
        "NL",
        "",
        "X" * 35,  # longer than any IBAN
    ],
)
def test_mutated_ibans_are_invalid(iban: str) -> None:
    assert not iban_geldig(iban)


def test_iban_check_digits_must_be_digits() -> None:
    assert not iban_geldig("DET9370400440532013000")


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{country}{98 - number % 97:02d}{bban}"


ALNUM = string.digits + string.ascii_uppercase
VALID_IBAN = st.builds(
    _iban_check,
    st.text(string.ascii_uppercase, min_size=2, max_size=2),
    st.text(ALNUM, min_size=11, max_size=30),
)


@SETTINGS
@given(VALID_IBAN)
def test_generated_iban_is_valid(iban: str) -> None:
    assert iban_geldig(iban)
    assert iban_geldig(_spaced(iban).lower())


@SETTINGS
@given(VALID_IBAN, st.data())
def test_changing_one_character_of_an_iban_invalidates_it(iban: str, data: st.DataObject) -> None:
    # MOD 97-10 catches every substitution that keeps the character's kind: a digit for another
    # digit, or a letter for another letter. (A letter for a digit changes the length of the
    # number that is divided by 97 and can, rarely, collide; that is the algorithm, not a bug.)
    position = data.draw(st.integers(0, len(iban) - 1))
    old = iban[position]
    alphabet = string.digits if old.isdigit() else string.ascii_uppercase
    new = data.draw(st.sampled_from(alphabet).filter(lambda ch: ch != old))
    changed = iban[:position] + new + iban[position + 1:]
    assume(changed != iban)
    assert not iban_geldig(changed)


# --- the scan through check_repo ---------------------------------------------------------


def _append(repo: Path, text: str, rel: str = V) -> None:
    path = repo / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _scan(repo: Path) -> list[Finding]:
    return [f for f in check_repo(repo) if f.code.startswith("AVG60")]


def _codes(repo: Path) -> list[str]:
    return [f.code for f in _scan(repo)]


def _lines(rel: str, repo: Path) -> int:
    return (repo / rel).read_text(encoding="utf-8").count("\n")


def test_clean_repo_has_no_identifiers(repo: Path) -> None:
    assert _scan(repo) == []


def test_bsn_in_a_comment_is_found_at_its_line_and_column(repo: Path) -> None:
    line = _lines(V, repo) + 1
    _append(repo, "# dossier BSN 111222333\n")
    [finding] = _scan(repo)
    assert finding.code == "AVG601"
    assert finding.location.file == V
    assert (finding.location.line, finding.location.column) == (line, 15)
    assert "111222333" not in finding.message
    assert finding.message == "mogelijk BSN in het register: 11*****33"


def test_bsn_in_a_value_is_found_at_its_column(repo: Path) -> None:
    line = _lines(V, repo) + 1
    _append(repo, "opmerking: BSN 123456782 gezien\n")
    [finding] = _scan(repo)
    assert (finding.code, finding.location.line, finding.location.column) == ("AVG601", line, 16)


def test_bsn_with_dots_is_found(repo: Path) -> None:
    _append(repo, "# 1112.22.333\n")
    assert _codes(repo) == ["AVG601"]


def test_bsn_in_the_middle_of_a_file_keeps_later_lines_right(repo: Path) -> None:
    path = repo / V
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "# betreft 111222333\n")
    path.write_text("".join(lines), encoding="utf-8")
    [finding] = _scan(repo)
    assert (finding.location.line, finding.location.column) == (3, 11)


@pytest.mark.parametrize(
    "text",
    [
        "# 123456789\n",  # nine digits, fails the 11-test
        "# 111222334\n",
        "# 000000000\n",
        "# vastgesteld 2026-03-27\n",
        "# zie verwerking 40.3.1\n",
        "# kenmerk DPIA-2025-01\n",
        "# dossier 2026-0042\n",
        "# bedrag 111222333,50\n",  # an amount, not a BSN
        "# versie v1.111222333\n",
        "# 1112223331\n",  # ten digits
    ],
)
def test_no_finding_for_numbers_that_are_not_identifiers(repo: Path, text: str) -> None:
    _append(repo, text)
    assert _scan(repo) == []


@pytest.mark.parametrize(
    "text",
    ["# BSN 111222333, zaak 4711\n", "# bsns: [111222333, 4711]\n"],
)
def test_bsn_followed_by_a_comma_is_found(repo: Path, text: str) -> None:
    _append(repo, text)
    assert _codes(repo) == ["AVG601"]


ORG_MET_TELEFOON = """\
organisatie:
  naam: Kantoor Voorbeeld
  overheid: false
  contact:
    adres: Dorpsstraat 1, 1234 AB Ergens
    email: privacy@kantoor.example
    telefoon: 020-5550100
  fg:
    naam: Functionaris gegevensbescherming
    email: fg@kantoor.example
    telefoon: +31 20 555 0199
"""


def test_own_contact_details_are_not_reported_anywhere(repo: Path) -> None:
    (repo / C).write_text(ORG_MET_TELEFOON, encoding="utf-8")
    own = "privacy@kantoor.example, FG@Kantoor.Example, 020-5550100, +31 20 555 0199"
    _append(repo, f"# vragen: {own}\n")
    _append(repo, f"# contact: {own}\n", "registers/partijen.yaml")
    _append(repo, f"# {own}\n", "registers/bewaartermijnen.yaml")
    _append(repo, f"  # {own}\n", C)
    assert _scan(repo) == []


def test_another_email_is_reported(repo: Path) -> None:
    line = _lines(V, repo) + 1
    _append(repo, "opmerking: gemeld door j.jansen@voorbeeld.nl en privacy@kantoor.example\n")
    [finding] = _scan(repo)
    assert finding.code == "AVG603"
    assert (finding.location.line, finding.location.column) == (line, 24)
    assert "j.jansen@voorbeeld.nl" not in finding.message
    assert finding.message == "mogelijk e-mailadres in het register: j***@voorbeeld.nl"


def test_email_in_the_config_is_reported_unless_it_is_the_contact(repo: Path) -> None:
    _append(repo, "  # was: jan@voorbeeld.nl\n", C)
    [finding] = _scan(repo)
    assert (finding.code, finding.location.file) == ("AVG603", C)


def test_a_similar_address_of_the_own_domain_is_still_reported(repo: Path) -> None:
    _append(repo, "# jan.privacy@kantoor.example\n")
    assert _codes(repo) == ["AVG603"]


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("06-12345678", "06*******78"),
        ("020 555 0100", "02********00"),
        ("+31 6 1234 5678", "+3***********78"),
        ("0031201234567", "00*********67"),
        ("0612345678", "06******78"),
        ("+31 (0)20 555 0100", "+3**************00"),
        ("+32 2 123 45 67", "+3***********67"),
    ],
)
def test_phone_numbers_are_found(repo: Path, phone: str, masked: str) -> None:
    line = _lines(V, repo) + 1
    _append(repo, f"# terugbellen op {phone} graag\n")
    [finding] = _scan(repo)
    assert finding.code == "AVG604"
    assert (finding.location.line, finding.location.column) == (line, 18)
    assert phone not in finding.message
    assert finding.message == f"mogelijk telefoonnummer in het register: {masked}"


@pytest.mark.parametrize(
    "iban",
    ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "DE89370400440532013000",
     "GB82WEST12345698765432"],
)
def test_iban_is_found_once_and_its_digits_are_not_a_phone_number(repo: Path, iban: str) -> None:
    line = _lines(V, repo) + 1
    _append(repo, f"opmerking: terugbetalen op {iban}\n")
    [finding] = _scan(repo)
    assert finding.code == "AVG602"
    assert (finding.location.line, finding.location.column) == (line, 28)
    assert iban not in finding.message
    assert iban.replace(" ", "") not in finding.message.replace(" ", "")


def test_iban_with_wrong_check_digits_is_not_reported_at_all(repo: Path) -> None:
    # Not an IBAN, and its digits (0417164301) are still not taken for a phone number.
    _append(repo, "# NL91ABNA0417164301\n")
    assert _scan(repo) == []


def test_every_identifier_on_one_line_is_found_in_order(repo: Path) -> None:
    _append(repo, "# 111222333 jan@voorbeeld.nl 06-12345678 NL91ABNA0417164300\n")
    findings = _scan(repo)
    assert [f.code for f in findings] == ["AVG601", "AVG603", "AVG604", "AVG602"]
    assert [f.location.column for f in findings] == [3, 13, 30, 42]


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("# 111222333\n", "111222333"),
        ("# 1112.22.333\n", "1112.22.333"),
        ("# NL91ABNA0417164300\n", "NL91ABNA0417164300"),
        ("# jan@voorbeeld.nl\n", "jan@voorbeeld.nl"),
        ("# 06-12345678\n", "06-12345678"),
        ("# +31 6 1234 5678\n", "+31 6 1234 5678"),
    ],
)
def test_message_masks_the_identifier(repo: Path, text: str, full: str) -> None:
    _append(repo, text)
    [finding] = _scan(repo)
    assert full not in finding.message
    assert "*" in finding.message
    assert full not in finding.hint


@pytest.mark.parametrize("phone", ["(020) 555 0101", "(06) 12345678", "(0570) 12 34 56"])
def test_phone_numbers_with_an_area_code_in_brackets_are_found(repo: Path, phone: str) -> None:
    _append(repo, f"# terugbellen op {phone}\n")
    assert _codes(repo) == ["AVG604"]


def test_own_number_in_another_notation_is_not_reported(repo: Path) -> None:
    config = repo / C
    config.write_text(config.read_text() + "  # telefoon: +31 20 555 0100\n")
    config.write_text(config.read_text().replace(
        "    email: privacy@kantoor.example\n",
        "    email: privacy@kantoor.example\n    telefoon: +31 20 555 0100\n"))
    _append(repo, "# bel de balie: 020-5550100 of 0031 (0)20 555 0100\n")
    assert _codes(repo) == []


def test_lowercase_iban_is_found(repo: Path) -> None:
    _append(repo, "# rekening nl91abna0417164300\n")
    assert _codes(repo) == ["AVG602"]


# --- the scan patterns, written for speed, match as the plain patterns do --------------------

# The patterns as they read most plainly: what stands before the match is tested first.
_BSN_PLAIN = re.compile(r"(?<![\w.,/-])(\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w/-]|[.,]\d)")
_PHONE_PLAIN = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|0)[1-9](?:[ -]?\d){8}(?![\w])"
    r"|(?<![\w+])\(0[1-9]\d{0,2}\)[ -]?\d(?:[ -]?\d){4,7}(?![\w])"
    r"|(?<![\w+])\+(?!31)[1-9]\d{0,2}(?:[ -]?\d){7,12}(?![\w])"
)
# Pieces that make matches, near-matches and their edges likely: digits, the separators of
# numbers, brackets, country codes, letters and word characters around them.
_STUKKEN = st.sampled_from([
    *"0123456789", "+", "(", ")", "-", " ", ".", ",", "/", "_", "a", "Z", "é", "\n", "٣",
    "+31", "0031", "(0)", "(020)", "06", "111222333", "1112.22.333", "123456782", "+49",
    "NL", "nl", "91", "ABNA", "0417", "1643", "DE89", "3704 0044",
])


# Texts shaped like the numbers themselves, so that long matches and their edges come up too.
_NUMMERACHTIG = st.tuples(
    st.sampled_from(["", "a", " ", "+", "x(", "_", ".", "1"]),
    st.sampled_from(["+31", "0031", "0", "(0", "(02", "+4", "+", ""]),
    st.sampled_from(["", "(0)", " (0) ", "-", " ", ")", ") "]),
    st.lists(st.sampled_from([*"0123456789", " ", "-", "."]), min_size=6, max_size=16),
    st.sampled_from(["", "a", ".", ",5", "/", " ", "-", "1"]),
).map(lambda parts: parts[0] + parts[1] + parts[2] + "".join(parts[3]) + parts[4])


def _treffers(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def _iban_treffers(text: str) -> list[tuple[int, str]]:
    """What AVG602 finds: its pattern matches from the check digits, two characters in."""
    return [(begin, text[begin:end]) for begin, end in
            ((m.start() - 2, m.end()) for m in _IBAN_CIJFERS.finditer(text))]


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(_STUKKEN, max_size=24).map("".join) | _NUMMERACHTIG)
def test_scan_patterns_match_as_the_plain_patterns(text: str) -> None:
    assert _treffers(_BSN, text) == _treffers(_BSN_PLAIN, text)
    assert _treffers(_PHONE, text) == _treffers(_PHONE_PLAIN, text)
    assert _iban_treffers(text) == _treffers(_IBAN, text)


_BEKEND = ["111222333", "a111222333", "x 1112.22.333.", "BSN: 111222333, ok", "1111222333",
           "06-12345678", "+31 6 12345678", "0031 (0)6 12345678", "(020) 555 0100",
           "+49 30 1234567", "+31612345678", "a06-12345678", "+0612345678",
           "tel:(0)20 5550100", "020-5550100x", "NL91ABNA0417164300", "xNL91ABNA0417164300",
           "NL91 ABNA 0417 1643 00.", "rekening DE89370400440532013000, ok", "NL91ABNA04"]


@pytest.mark.parametrize("text", _BEKEND)
def test_scan_patterns_on_known_texts(text: str) -> None:
    assert _treffers(_BSN, text) == _treffers(_BSN_PLAIN, text)
    assert _treffers(_PHONE, text) == _treffers(_PHONE_PLAIN, text)
    assert _iban_treffers(text) == _treffers(_IBAN, text)


def test_the_known_texts_hold_matches_and_near_misses() -> None:
    for pattern, hits in ((_BSN_PLAIN, 3), (_PHONE_PLAIN, 7), (_IBAN, 3)):
        assert sum(bool(_treffers(pattern, text)) for text in _BEKEND) == hits
