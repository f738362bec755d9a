"""``avgctl render privacyverklaring``: statements per target group, written or checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from avgctl.commands.common import REGISTER, check_format, niet_gevonden, open_register, vandaag
from avgctl.errors import EXIT_FINDINGS, EXIT_OK, AvgctlError, UsageError
from avgctl.privacyverklaring import inhoud as domein
from avgctl.privacyverklaring.teksten import TALEN, Taal
from avgctl.store.register import Register

FORMATEN = ("md", "html", "json")


def bestandsnaam(doelgroep: str, taal: str, fmt: str) -> str:
    return f"privacyverklaring-{doelgroep}.{taal}.{fmt}"


def run(repo: Path | None, doelgroepen: list[str], taal: str | None, fmt: str | None,
        uit: Path | None, check: Path | None, dag: dt.date | None) -> int:
    if taal is not None and taal not in TALEN:
        raise UsageError(f"onbekende taal {taal!r}; kies uit: {', '.join(TALEN)}")
    if fmt is not None:
        check_format(fmt, FORMATEN)
    if uit is not None and check is not None:
        raise UsageError("kies --uit (schrijven) of --check (vergelijken), niet allebei")
    register = open_register(repo, REGISTER, waarschuw=False)
    if register.load_findings:
        # A statement that silently leaves out an activity it could not read would be
        # published as if it were complete (art. 12(1) AVG asks for complete information).
        eerste = register.load_findings[0]
        aantal = len(register.load_findings)
        raise AvgctlError(f"de privacyverklaringen worden niet gemaakt: {aantal} "
                          f"{'fout' if aantal == 1 else 'fouten'} in het register, de eerste in "
                          f"{eerste.location}: {eerste.message}; zonder die gegevens zou een "
                          "verklaring onvolledig zijn. Zie 'avgctl check'")
    bekend = domein.doelgroepen(register)
    if not bekend:
        raise AvgctlError("geen enkele verwerking noemt een doelgroep, dus er is geen "
                          "privacyverklaring te maken; zet bij de verwerkingen bijvoorbeeld "
                          "'doelgroepen: [debiteuren]'")
    for groep in doelgroepen:
        if groep not in bekend:
            raise niet_gevonden("doelgroep", groep, bekend, "avgctl render privacyverklaring "
                                "--help")
    gekozen = list(dict.fromkeys(doelgroepen)) or bekend
    if uit is None and check is None:
        if len(gekozen) != 1:
            raise UsageError("naar het scherm gaat één verklaring: geef één --doelgroep, of "
                             f"schrijf ze allemaal met --uit MAP (doelgroepen: "
                             f"{', '.join(bekend)})")
        talen: list[str] = [taal or "nl"]
        formaten = [fmt or "md"]
    else:
        talen = [taal] if taal else list(TALEN)
        formaten = [fmt] if fmt else list(FORMATEN)
    today = vandaag(dag, register)
    bestanden = render_alles(register, gekozen, talen, formaten, today)

    from avgctl.output import privacyverklaring as output

    if uit is None and check is None:
        output.scherm(next(iter(bestanden.values())))
        return EXIT_OK
    if uit is not None:
        output.geschreven(schrijf(uit, bestanden), uit, len(bestanden))
        return EXIT_OK
    assert check is not None
    verschillen = vergelijk(check, bestanden, talen, formaten, alle_groepen=not doelgroepen)
    output.gecontroleerd(check, verschillen, len(bestanden))
    return EXIT_FINDINGS if verschillen else EXIT_OK


def render_alles(register: Register, groepen: list[str], talen: list[str],
                 formaten: list[str], today: dt.date) -> dict[str, bytes]:
    """Every statement asked for, as file name -> bytes, in a fixed order."""
    from avgctl.store.geschiedenis import geschiedenis

    result: dict[str, bytes] = {}
    teksten: dict[tuple[str, str], str] = {}

    def bewaar(register: Register, termijn_id: str, taal: Taal) -> str:
        if (termijn_id, taal) not in teksten:  # thousands of activities share a few rules
            teksten[termijn_id, taal] = bewaartekst(register, termijn_id, taal)
        return teksten[termijn_id, taal]

    for groep in groepen:
        rels = domein.invoer(register, groep)
        hist = geschiedenis(register.root, rels)
        historie = domein.Historie(
            laatst=(hist.laatst if hist is not None else None) or today,
            wijzigingen=tuple((w.datum, w.onderwerp) for w in hist.wijzigingen)
            if hist is not None else (),
            versies=hist.aantal if hist is not None else 0)
        hash_ = domein.versie(register, rels)
        for taal in talen:
            inhoud = domein.verklaring(register, groep, taal,  # type: ignore[arg-type]
                                       historie, bewaar, hash_)
            for fmt in formaten:
                result[bestandsnaam(groep, taal, fmt)] = _document(register, inhoud, fmt)
    return result


def bewaartekst(register: Register, termijn_id: str, taal: Taal) -> str:
    """The retention rule in words, as the retention package derives it."""
    from avgctl.bewaartermijnen.tekst import beschrijving

    bron = register.bewaartermijnen.get(termijn_id)
    if bron is None:
        return termijn_id
    return beschrijving(bron.model, taal) or termijn_id


def _document(register: Register, inhoud: dict[str, Any], fmt: str) -> bytes:
    if fmt == "json":
        from avgctl.privacyverklaring.tilt import tilt

        data = tilt(register, inhoud)
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    from avgctl.render import Markdown, render

    context = inhoud
    if fmt == "md":
        # Front matter as JSON strings: valid YAML whatever the register text holds. The
        # Markdown templates escape every value they print; these are built here, not taken
        # from the register as they are, so they are marked as ready.
        context = {**inhoud, "front": {
            "titel": Markdown(json.dumps(inhoud["titel"], ensure_ascii=False)),
            "doelgroep": Markdown(json.dumps(inhoud["doelgroep"]["id"])),
            "versie": Markdown(json.dumps(inhoud["versie"])),
            "datum": Markdown(json.dumps(inhoud["datum"])),
        }}
    template = f"privacyverklaring/{inhoud['taal']}.{fmt}.j2"
    return render(template, context, register.root).encode("utf-8")


def schrijf(uit: Path, bestanden: dict[str, bytes]) -> list[Path]:
    """Write the files that differ; an unchanged file keeps its date (and its cache)."""
    from avgctl.store.schrijven import atomic_write

    geschreven = []
    for naam, data in bestanden.items():
        pad = uit / naam
        try:
            if pad.read_bytes() == data:
                continue
        except OSError:
            pass
        atomic_write(pad, data)
        geschreven.append(pad)
    return geschreven


def vergelijk(map_: Path, bestanden: dict[str, bytes], talen: list[str], formaten: list[str],
              alle_groepen: bool) -> list[tuple[str, str]]:
    """(file, what is wrong) for each file that is missing, out of date or left over."""
    if not map_.is_dir():
        raise UsageError(f"map {map_} bestaat niet; maak de verklaringen eerst met --uit {map_}")
    verschillen = []
    for naam, data in bestanden.items():
        pad = map_ / naam
        try:
            huidig = pad.read_bytes()
        except FileNotFoundError:
            verschillen.append((naam, "ontbreekt"))
            continue
        except OSError as exc:
            raise AvgctlError(f"{pad} is niet te lezen: {exc.strerror or exc}") from exc
        if huidig != data:
            verschillen.append((naam, "verouderd"))
    if alle_groepen:  # a statement for a group that no activity names any more
        for pad in sorted(map_.glob("privacyverklaring-*.*.*")):
            deel = pad.name.split(".")
            if (len(deel) == 3 and deel[1] in talen and deel[2] in formaten
                    and pad.name not in bestanden):
                verschillen.append((pad.name, "overbodig"))
    return verschillen
