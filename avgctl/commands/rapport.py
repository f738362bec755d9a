"""``avgctl rapport``: the FG's periodic report to the board, as Markdown, HTML or JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from avgctl.commands.common import check_format, dag_en_nu, lever, open_register
from avgctl.errors import EXIT_OK, AvgctlError, UsageError
from avgctl.rapport import inhoud
from avgctl.rapport.periode import Periode, PeriodeFout, lees, standaard
from avgctl.store.register import CONFIG_FILE, Register

FORMATEN = ("md", "html", "json")
# The FG's recommendations are a short text; a bigger file is a mistake (a wrong path).
MAX_BESLUITEN = 200_000
# What the changes section compares: the registers and the settings.
REGISTERBESTANDEN = ["registers", CONFIG_FILE]


def run(repo: Path | None, periode_tekst: str | None, fmt: str, uit: Path | None,
        dag: dt.date | None) -> int:
    check_format(fmt, FORMATEN)
    register = open_register(repo)
    today, now = dag_en_nu(dag, None, register)
    periode = kies_periode(periode_tekst, today)
    data = maak(register, periode, today, now)
    lever(document(register, data, fmt), uit)
    return EXIT_OK


def kies_periode(tekst: str | None, today: dt.date) -> Periode:
    if tekst is None:
        return standaard(today)
    try:
        periode = lees(tekst)
    except PeriodeFout as exc:
        raise UsageError(str(exc)) from None
    if periode.van > today:
        raise UsageError(f"periode {periode.code} begint pas op {periode.van.isoformat()}, na "
                         f"vandaag ({today.isoformat()}); kies een periode die al begonnen is")
    return periode


def maak(register: Register, periode: Periode, today: dt.date,
         now: dt.datetime) -> dict[str, Any]:
    """The report's content: the rules, the retention verdicts, the FG's file and git are
    read here; the domain counts."""
    from avgctl.overzicht import bewaren
    from avgctl.rules.run import run_checks
    from avgctl.store.register import Context

    zone = register.config.model.beleid.tijdzone if register.config is not None \
        else "Europe/Amsterdam"
    findings = run_checks(register, Context(today, now, zone))
    eigen = [e.stand for e in bewaren.standen(register, today)]
    return inhoud.rapport(register, periode, today, findings, eigen, besluiten(register),
                          wijzigingen(register, periode, today, zone))


def besluiten(register: Register) -> inhoud.Besluiten:
    """The Markdown file in which the FG writes the decisions asked of the board."""
    rel = (register.config.model.rapport.besluiten if register.config is not None
           else "rapport/besluiten.md")
    waar = f"{CONFIG_FILE} (rapport.besluiten)"
    if ".." in Path(rel).parts:
        raise AvgctlError(f"{waar}: {rel!r} wijst buiten de repository; geef een pad binnen "
                          "de repository, bijvoorbeeld rapport/besluiten.md")
    pad = register.root / rel
    try:
        if not pad.resolve().is_relative_to(register.root.resolve()):
            raise AvgctlError(f"{rel} wijst via een koppeling buiten de repository; zet het "
                              "bestand zelf in de repository")
        if not pad.is_file():
            return inhoud.Besluiten(rel, None)
        data = pad.read_bytes()
    except OSError as exc:
        raise AvgctlError(f"{rel} is niet te lezen: {exc.strerror or exc}") from None
    if len(data) > MAX_BESLUITEN:
        raise AvgctlError(f"{rel} is {len(data):,} bytes; de besluiten zijn een korte tekst "
                          f"van hoogstens {MAX_BESLUITEN:,} bytes. Klopt {waar}?"
                          .replace(",", "."))
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        regel = data[:exc.start].count(b"\n") + 1
        raise AvgctlError(f"{rel}:{regel}: geen UTF-8; sla het bestand op als UTF-8") from None
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n").strip()
    return inhoud.Besluiten(rel, tekst or None)


def wijzigingen(register: Register, periode: Periode, today: dt.date,
                zone: str) -> inhoud.Registerwijzigingen:
    """The changes to the registers in the period, from git: the registers as they were at
    the last commit before the period began, compared with those at the last commit within it
    (avgctl.wijzigingen, the comparison that ``avgctl diff`` shows a reviewer)."""
    from contextlib import ExitStack

    from avgctl.store import geschiedenis
    from avgctl.wijzigingen import vergelijk

    root = register.root
    if not geschiedenis.in_git(root):
        return inhoud.Registerwijzigingen(
            False, "De registers staan niet in git (of er is nog niets vastgelegd), dus er is "
            "geen geschiedenis om wijzigingen uit te halen.")
    eind = min(periode.tot, today) + dt.timedelta(days=1)
    tot = geschiedenis.revisie_voor(root, eind, zone)
    if tot is None:
        return inhoud.Registerwijzigingen(
            False, f"De git-geschiedenis begint na {periode.naam}; er is geen vastgelegde "
            "versie uit deze periode.")
    van = geschiedenis.revisie_voor(root, periode.van, zone)
    with ExitStack() as stack:
        nieuw = _stand(stack, root, tot.commit)
        if nieuw is None:
            return inhoud.Registerwijzigingen(
                False, f"In de laatste versie uit {periode.naam} (commit {tot.commit[:12]}) "
                "staat nog geen avgctl.yaml, dus er zijn geen registers om te vergelijken.")
        # Before the first commit, or before the registers came into git: everything in the
        # period's last version is new.
        oud = (_stand(stack, root, van.commit) if van else None) or Register(root=nieuw.root)
        lijst = [w for w in vergelijk(oud, nieuw) if w.register in inhoud.REGISTERWIJZIGINGEN]
    commits = geschiedenis.commits_tussen(root, van.commit if van else None, tot.commit,
                                          REGISTERBESTANDEN)
    return inhoud.Registerwijzigingen(
        True, "", van.commit[:12] if van else "", tot.commit[:12],
        tuple(inhoud.Wijziging(w.register, w.soort, w.zin) for w in lijst),
        tuple((c.datum, c.onderwerp) for c in commits))


def _stand(stack: Any, root: Path, commit: str) -> Register | None:
    """The registers at ``commit``, or None when that version has no avgctl.yaml (the
    registers came into git later)."""
    from avgctl.store import geschiedenis

    try:
        stand: Register = stack.enter_context(geschiedenis.stand(root, commit))
    except UsageError:
        return None
    return stand


def _json_waarde(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is geen JSON")


def document(register: Register, data: dict[str, Any], fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2, default=_json_waarde)
                + "\n").encode("utf-8")
    from avgctl.models.verzoek import ARTIKEL
    from avgctl.render import Markdown, render

    context = {**data, "artikel": ARTIKEL}
    tekst = data["besluiten"]["tekst"]
    if fmt == "html":
        from markupsafe import Markup

        from avgctl.rapport.besluiten import als_html
        from avgctl.rapport.grafieken import Grafiek, Reeks, svg

        context["svg"] = {
            g["id"]: Markup(svg(Grafiek(g["id"], g["titel"], g["beschrijving"],
                                        tuple(g["labels"]),
                                        tuple(Reeks(r["naam"], tuple(r["waarden"]))
                                              for r in g["reeksen"]), g["liggend"])))
            for g in data["grafieken"]}
        context["besluiten_html"] = als_html(tekst) if tekst else None
    else:
        from avgctl.rapport.besluiten import als_markdown

        context["besluiten_md"] = als_markdown(tekst) if tekst else None
        context["front"] = {"titel": Markdown(json.dumps(data["titel"], ensure_ascii=False)),
                            "periode": Markdown(json.dumps(data["periode"]["code"]))}
    return render(f"rapport/rapport.{fmt}.j2", context, register.root).encode("utf-8")
