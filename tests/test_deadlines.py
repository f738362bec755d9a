"""``avgctl deadlines``: every open deadline, late ones first, as text, JSON, CSV and iCalendar,
with exit codes for cron."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import BASIS, PROJECT, VOORBEELD_DAG, write_repo

DAG = VOORBEELD_DAG.isoformat()  # 2026-11-20
LATER = "2026-12-10"
EXAMPLE = ("--repo", str(PROJECT))

TEXT_DAG = """\
  referentie     wat                              wettelijk             eigen termijn
  AVG-2026-0071  wissing (art. 17 AVG)            2026-12-09  nog 19 d  2026-11-23     nog 3 d
  AVG-2026-0073  rectificatie (art. 16 AVG)       2026-12-16  nog 26 d  2026-11-30     nog 10 d
  AVG-2026-0069  inzage (art. 15 AVG)             2026-12-02  nog 12 d  2026-12-02     nog 12 d
  AVG-2026-0059  inzage (art. 15 AVG), verlengd   2026-12-14  nog 24 d  2026-12-14     nog 24 d
  AVG-2026-0072  bezwaar (art. 21 AVG)            2026-12-14  nog 24 d  2026-12-14     nog 24 d
  AVG-2026-0074  inzage (art. 15 AVG)             2026-12-21  nog 31 d  2026-12-21     nog 31 d
  AVG-2026-0063  bezwaar (art. 21 AVG), verlengd  2027-01-07  nog 48 d  2027-01-07     nog 48 d
7 open termijnen, 0 te laat
"""

TEXT_LATER = """\
                       referentie     wat                              wettelijk                eigen termijn
TE LAAT                AVG-2026-0069  inzage (art. 15 AVG)             2026-12-02  8 d te laat  2026-12-02     8 d te laat
TE LAAT                AVG-2026-0071  wissing (art. 17 AVG)            2026-12-09  1 d te laat  2026-11-23     17 d te laat
eigen termijn voorbij  AVG-2026-0073  rectificatie (art. 16 AVG)       2026-12-16  nog 6 d      2026-11-30     10 d te laat
                       AVG-2026-0059  inzage (art. 15 AVG), verlengd   2026-12-14  nog 4 d      2026-12-14     nog 4 d
                       AVG-2026-0072  bezwaar (art. 21 AVG)            2026-12-14  nog 4 d      2026-12-14     nog 4 d
                       AVG-2026-0074  inzage (art. 15 AVG)             2026-12-21  nog 11 d     2026-12-21     nog 11 d
                       AVG-2026-0063  bezwaar (art. 21 AVG), verlengd  2027-01-07  nog 28 d     2027-01-07     nog 28 d
7 open termijnen, 2 te laat
"""  # noqa: E501


def _json(cli: Any, *args: str) -> list[dict[str, Any]]:
    result = cli("deadlines", "--format", "json", *args)
    assert (result.exit_code, result.err) == (0, ""), result.err
    items: list[dict[str, Any]] = json.loads(result.out)
    return items


def _ics(cli: Any, *args: str) -> tuple[bytes, icalendar.Calendar]:
    result = cli("deadlines", "--format", "ics", *args)
    assert (result.exit_code, result.err) == (0, ""), result.err
    raw = result.out.encode("utf-8")
    return raw, icalendar.Calendar.from_ical(raw)


def _events(calendar: icalendar.Calendar) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in events, f"dubbele UID {uid}"
        events[uid] = {"start": event["DTSTART"].dt, "end": event["DTEND"].dt,
                       "summary": str(event["SUMMARY"])}
    return events


def _copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


# --- text ------------------------------------------------------------------------------------

def test_text_on_the_example_day(cli: Any) -> None:
    result = cli("deadlines", "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == TEXT_DAG


def test_text_later_late_ones_first(cli: Any) -> None:
    result = cli("deadlines", "--vandaag", LATER, *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == TEXT_LATER


# Received on purpose out of order; on 2026-06-15 (a Monday):
#   0001 legal 2026-06-11, 4 days late      0002 legal 2026-06-01, 14 days late
#   0003 legal 2026-06-15, due today        0004 erasure: own target 2026-06-08 passed, legal ok
#   0005 legal 2026-06-22                   0006 answered: not listed
#   0007 extended, legal 2026-06-10, 5 days late
LAAT_CSV = """\
referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,verlengd_op,\
verlenging_reden,afgehandeld_op,besluit,verwerkingen
AVG-2026-0001,2026-05-11,K-1,email,inzage,open,positief,2026-05-12,,,,,20.1.1
AVG-2026-0002,2026-04-30,K-2,email,inzage,in_behandeling,positief,2026-05-04,,,,,20.1.1
AVG-2026-0003,2026-05-13,K-3,brief,inzage,open,positief,2026-05-14,,,,,20.1.1
AVG-2026-0004,2026-05-25,K-4,email,wissing,in_behandeling,positief,2026-05-26,,,,,20.1.1
AVG-2026-0005,2026-05-20,K-5,portaal,inzage,open,positief,2026-05-21,,,,,20.1.1
AVG-2026-0006,2026-05-06,K-6,email,inzage,afgehandeld,positief,2026-05-07,,,2026-05-29,\
toegewezen,20.1.1
AVG-2026-0007,2026-03-10,K-7,email,inzage,in_behandeling,positief,2026-03-11,2026-03-20,\
veel dossiers,,,20.1.1
"""
BELEID = """\
beleid:
  verzoeken:
    per_type:
      wissing: {termijn: 2 weken, verlenging: 2 weken}
"""


@pytest.fixture
def laat(tmp_path: Path) -> Path:
    files = dict(BASIS)
    files["avgctl.yaml"] = BASIS["avgctl.yaml"] + BELEID
    files["registers/verzoeken.csv"] = LAAT_CSV
    return write_repo(tmp_path / "laat", files)


def test_most_overdue_first(cli: Any, laat: Path) -> None:
    items = _json(cli, "--vandaag", "2026-06-15", "--repo", str(laat))
    assert [(t["referentie"], t["dagen_wettelijk"], t["dagen_intern"], t["te_laat"])
            for t in items] == [
        ("AVG-2026-0002", -14, -14, True),
        ("AVG-2026-0007", -5, -5, True),
        ("AVG-2026-0001", -4, -4, True),
        ("AVG-2026-0004", 10, -7, False),
        ("AVG-2026-0003", 0, 0, False),
        ("AVG-2026-0005", 7, 7, False),
    ]
    result = cli("deadlines", "--vandaag", "2026-06-15", "--repo", str(laat))
    assert result.out == """\
                       referentie     wat                             wettelijk                 eigen termijn
TE LAAT                AVG-2026-0002  inzage (art. 15 AVG)            2026-06-01  14 d te laat  2026-06-01     14 d te laat
TE LAAT                AVG-2026-0007  inzage (art. 15 AVG), verlengd  2026-06-10  5 d te laat   2026-06-10     5 d te laat
TE LAAT                AVG-2026-0001  inzage (art. 15 AVG)            2026-06-11  4 d te laat   2026-06-11     4 d te laat
eigen termijn voorbij  AVG-2026-0004  wissing (art. 17 AVG)           2026-06-25  nog 10 d      2026-06-08     7 d te laat
                       AVG-2026-0003  inzage (art. 15 AVG)            2026-06-15  vandaag       2026-06-15     vandaag
                       AVG-2026-0005  inzage (art. 15 AVG)            2026-06-22  nog 7 d       2026-06-22     nog 7 d
6 open termijnen, 3 te laat
"""  # noqa: E501


def test_nothing_open(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path / "leeg", BASIS)
    result = cli("deadlines", "--vandaag", DAG, "--repo", str(root))
    assert (result.exit_code, result.out) == (0, "Geen open termijnen.\n")
    assert cli("deadlines", "--vandaag", DAG, "--fail-on", "soon",
               "--repo", str(root)).exit_code == 0


# --- --binnen --------------------------------------------------------------------------------

def test_binnen(cli: Any) -> None:
    result = cli("deadlines", "--binnen", "3d", "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == """\
  referentie     wat                    wettelijk             eigen termijn
  AVG-2026-0071  wissing (art. 17 AVG)  2026-12-09  nog 19 d  2026-11-23     nog 3 d
1 open termijn, 0 te laat
"""
    assert [t["referentie"] for t in _json(cli, "--binnen", "2d", "--vandaag", DAG,
                                           *EXAMPLE)] == []
    two_weeks = [t["referentie"] for t in _json(cli, "--binnen", "2w", "--vandaag", DAG,
                                                *EXAMPLE)]
    assert two_weeks == ["AVG-2026-0071", "AVG-2026-0073", "AVG-2026-0069"]
    assert [t["referentie"] for t in _json(cli, "--binnen", "14", "--vandaag", DAG,
                                           *EXAMPLE)] == two_weeks


def test_binnen_keeps_late_ones(cli: Any, laat: Path) -> None:
    items = _json(cli, "--binnen", "0d", "--vandaag", "2026-06-15", "--repo", str(laat))
    assert [t["referentie"] for t in items] == [
        "AVG-2026-0002", "AVG-2026-0007", "AVG-2026-0001", "AVG-2026-0004", "AVG-2026-0003"]


@pytest.mark.parametrize("value", ["xyz", "3x", "-3d", "d"])
def test_binnen_not_understood(cli: Any, value: str) -> None:
    result = cli("deadlines", "--binnen", value, "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == (f"fout: --binnen {value!r} begrijp ik niet; schrijf bijvoorbeeld 14d "
                          "of 2w\n")


# --- json and csv ----------------------------------------------------------------------------

def test_json_and_csv_agree_with_the_text(cli: Any) -> None:
    items = _json(cli, "--vandaag", DAG, *EXAMPLE)
    order = [line.split()[0] for line in TEXT_DAG.splitlines()[1:-1]]
    assert [t["referentie"] for t in items] == order
    first = items[0]
    assert first == {
        "soort": "verzoek", "referentie": "AVG-2026-0071", "omschrijving": "wissing (art. 17 AVG)",
        "wettelijk": "2026-12-09", "dagen_wettelijk": 19, "intern": "2026-11-23",
        "dagen_intern": 3, "te_laat": False, "bestand": "registers/verzoeken.csv",
        "regel": first["regel"]}
    lines = (PROJECT / "registers/verzoeken.csv").read_text(encoding="utf-8").splitlines()
    for t in items:
        assert lines[t["regel"] - 1].startswith(t["referentie"] + ",")

    result = cli("deadlines", "--format", "csv", "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert list(rows[0]) == ["soort", "referentie", "omschrijving", "wettelijk",
                             "dagen_wettelijk", "intern", "dagen_intern", "te_laat", "bestand",
                             "regel"]
    assert [(r["referentie"], r["omschrijving"], r["wettelijk"], int(r["dagen_wettelijk"]),
             r["intern"], int(r["dagen_intern"]), int(r["regel"])) for r in rows] == [
        (t["referentie"], t["omschrijving"], t["wettelijk"], t["dagen_wettelijk"], t["intern"],
         t["dagen_intern"], t["regel"]) for t in items]


def test_csv_with_nothing_open_has_a_header(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path / "leeg", BASIS)
    result = cli("deadlines", "--format", "csv", "--vandaag", DAG, "--repo", str(root))
    assert result.out == ("soort,referentie,omschrijving,wettelijk,dagen_wettelijk,intern,"
                          "dagen_intern,te_laat,bestand,regel\r\n")


# --- ics -------------------------------------------------------------------------------------

def test_ics_one_event_per_deadline(cli: Any) -> None:
    items = _json(cli, "--vandaag", DAG, *EXAMPLE)
    raw, calendar = _ics(cli, "--vandaag", DAG, *EXAMPLE)
    events = _events(calendar)
    expected: dict[str, dt.date] = {}
    for t in items:
        expected[f"verzoek-{t['referentie']}-wettelijk@avgctl"] = dt.date.fromisoformat(
            t["wettelijk"])
        if t["intern"] != t["wettelijk"]:
            expected[f"verzoek-{t['referentie']}-eigen@avgctl"] = dt.date.fromisoformat(
                t["intern"])
    assert len(events) == len(expected) == 9
    assert {uid: e["start"] for uid, e in events.items()} == expected
    for event in events.values():
        assert type(event["start"]) is dt.date  # all-day, not a datetime
        assert event["end"] == event["start"] + dt.timedelta(days=1)
    assert events["verzoek-AVG-2026-0059-wettelijk@avgctl"]["summary"] == (
        "AVG-2026-0059: wettelijke termijn inzage (art. 15 AVG), verlengd")
    assert events["verzoek-AVG-2026-0071-eigen@avgctl"]["summary"] == (
        "AVG-2026-0071: eigen termijn wissing (art. 17 AVG)")
    assert str(calendar["X-WR-CALNAME"]) == (
        "AVG-termijnen Gerechtsdeurwaarderskantoor Van Dijk & Bakker")
    # the same input gives the same bytes (DTSTAMP comes from --vandaag, not the clock)
    assert _ics(cli, "--vandaag", DAG, *EXAMPLE)[0] == raw
    assert b"DTSTAMP:20261120T000000Z\r\n" in raw


def _physical_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    return lines


def test_ics_lines_are_folded_at_75_octets(cli: Any, tmp_path: Path) -> None:
    root = _copy_example(tmp_path)
    naam = ("Coöperatie Zorg & Welzijn Noördelijk; afdeling privacy, gegevensbescherming "
            "en informatiebeveiliging — ëéèêïöü " + "ö" * 40)
    config = root / "avgctl.yaml"
    text = config.read_text(encoding="utf-8")
    old = "naam: Gerechtsdeurwaarderskantoor Van Dijk & Bakker"
    assert old in text
    config.write_text(text.replace(old, f"naam: {json.dumps(naam, ensure_ascii=False)}"),
                      encoding="utf-8")
    raw, calendar = _ics(cli, "--vandaag", DAG, "--repo", str(root))
    lines = _physical_lines(raw)
    assert max(len(line) for line in lines) == 75
    assert sum(line.startswith(b" ") for line in lines) >= 3  # the name took several lines
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # never folded inside a UTF-8 character
    unfolded = raw.replace(b"\r\n ", b"")
    assert ("X-WR-CALNAME:AVG-termijnen " + naam.replace(";", "\\;").replace(",", "\\,")
            ).encode() + b"\r\n" in unfolded
    # icalendar does not know X-WR-CALNAME as TEXT, so it leaves the escapes in
    assert str(calendar["X-WR-CALNAME"]).replace("\\;", ";").replace("\\,", ",") == (
        "AVG-termijnen " + naam)


def test_ics_lines_on_the_example_are_short_enough(cli: Any) -> None:
    raw, _ = _ics(cli, "--vandaag", LATER, *EXAMPLE)
    assert all(len(line) <= 75 for line in _physical_lines(raw))


def test_ics_uids_are_stable(cli: Any, tmp_path: Path) -> None:
    root = _copy_example(tmp_path)
    repo = ("--repo", str(root))
    first = _events(_ics(cli, "--vandaag", DAG, *repo)[1])
    # another day: the same events
    later = _events(_ics(cli, "--vandaag", LATER, *repo)[1])
    assert {u: e["start"] for u, e in later.items()} == {u: e["start"] for u, e in first.items()}
    # after adding a request: the old events keep their UIDs, the new one gets its own
    result = cli("verzoek", "add", "--type", "wissing", "--betrokkene-ref", "K-20391",
                 "--kanaal", "email", "--ontvangen", DAG, "--vandaag", DAG, *repo)
    assert result.exit_code == 0, result.err
    after = _events(_ics(cli, "--vandaag", DAG, *repo)[1])
    assert {u: after[u]["start"] for u in first} == {u: e["start"] for u, e in first.items()}
    assert sorted(set(after) - set(first)) == ["verzoek-AVG-2026-0075-eigen@avgctl",
                                               "verzoek-AVG-2026-0075-wettelijk@avgctl"]
    assert after["verzoek-AVG-2026-0075-eigen@avgctl"]["start"] == dt.date(2026, 12, 4)
    assert after["verzoek-AVG-2026-0075-wettelijk@avgctl"]["start"] == dt.date(2026, 12, 21)


# --- exit codes for cron ---------------------------------------------------------------------

@pytest.mark.parametrize(("args", "code"), [
    (("--fail-on", "overdue", "--vandaag", DAG), 0),
    (("--fail-on", "overdue", "--vandaag", LATER), 1),
    (("--fail-on", "overdue", "--binnen", "0d", "--vandaag", LATER), 1),
    (("--fail-on", "soon", "--vandaag", DAG), 1),  # 0071's own target is in 3 days (< 7)
    (("--fail-on", "soon", "--binnen", "3d", "--vandaag", DAG), 1),
    (("--fail-on", "soon", "--binnen", "2d", "--vandaag", DAG), 0),
    (("--fail-on", "soon", "--binnen", "2d", "--vandaag", LATER), 1),  # late counts as soon
    (("--vandaag", LATER), 0),
])
def test_fail_on(cli: Any, args: tuple[str, ...], code: int) -> None:
    result = cli("deadlines", *args, *EXAMPLE)
    assert (result.exit_code, result.err) == (code, "")
    assert result.out.endswith((" te laat\n", "Geen open termijnen.\n", " open).\n"))


def test_fail_on_soon_uses_the_policy_window(cli: Any, laat: Path) -> None:
    # On 2026-05-01 the earliest deadline (0007's legal one) is 2026-06-10: not within 7 days.
    root = laat
    csv_path = root / "registers/verzoeken.csv"
    csv_path.write_text(LAAT_CSV.split("AVG-2026-0001")[0] + LAAT_CSV.splitlines()[-1] + "\n",
                        encoding="utf-8")
    assert cli("deadlines", "--fail-on", "soon", "--vandaag", "2026-05-01",
               "--repo", str(root)).exit_code == 0
    assert cli("deadlines", "--fail-on", "soon", "--vandaag", "2026-06-03",
               "--repo", str(root)).exit_code == 1


def test_fail_on_bogus(cli: Any) -> None:
    result = cli("deadlines", "--fail-on", "bogus", "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == "fout: --fail-on 'bogus': kies overdue of soon\n"


def test_unknown_format(cli: Any) -> None:
    result = cli("deadlines", "--format", "xml", "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == "fout: onbekend formaat 'xml'; kies uit: text, json, ics, csv\n"
