"""``verzoek show`` validates only the rows with its reference (DESIGN.md §5), and shows
exactly what reading the whole register would show: the request, or the real cause why it
cannot, or another reference to try."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from avgctl.store import repo as repo_module
from tests.test_valideren import DAG, OPEN, SLOT, F, _zet_rij, voorbeeld  # noqa: F401

ANDER = "AVG-2026-0073"
LET_OP = ("let op: 1 fout(en) in registers/verzoeken.csv; wat daar staat, ontbreekt "
          "hieronder. Zie 'avgctl check'\n")


def _show(cli: Any, root: Path, referentie: str) -> tuple[int, str, str]:
    result = cli("verzoek", "show", referentie, "--vandaag", DAG, "--repo", str(root))
    return result.exit_code, result.out, result.err


@pytest.fixture
def gevalideerd(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many request rows the model validated, per load."""
    from avgctl.store.rijen import Rijen

    counts: list[int] = []
    original = Rijen.valideer

    def counting(self: Any, rows: list[list[str]], *args: Any) -> Any:
        counts.append(len(rows))
        return original(self, rows, *args)

    monkeypatch.setattr(Rijen, "valideer", counting)
    return counts


def test_one_request_validates_one_row(cli: Any, voorbeeld: Path,  # noqa: F811
                                       gevalideerd: list[int]) -> None:
    code, out, err = _show(cli, voorbeeld, OPEN)
    assert (code, err) == (0, "")
    assert out.startswith(f"{OPEN}  inzage (art. 15 AVG)  {F}\n")
    assert sum(gevalideerd) == 1


def test_an_error_in_another_row_is_not_on_its_screen(cli: Any, voorbeeld: Path,  # noqa: F811
                                                      ) -> None:
    schoon = _show(cli, voorbeeld, OPEN)
    _zet_rij(voorbeeld, ANDER, ontvangen="2026-11-31")
    assert _show(cli, voorbeeld, OPEN) == schoon
    # The request with the error itself: its cause, as when every row was read.
    assert _show(cli, voorbeeld, ANDER) == (1, "", LET_OP + (
        f"fout: {ANDER} in registers/verzoeken.csv bevat een fout\n"
        "  registers/verzoeken.csv:83:15: 'ontvangen': 2026-11-31 is geen bestaande datum\n"
        "    → controleer dag en maand\n" + SLOT))


def test_an_unknown_reference_is_answered_from_every_row(cli: Any, voorbeeld: Path,  # noqa: F811
                                                         ) -> None:
    _zet_rij(voorbeeld, ANDER, ontvangen="2026-11-31")
    code, out, err = _show(cli, voorbeeld, "AVG-2026-00074")
    assert (code, out) == (1, "")
    assert err == LET_OP + "fout: geen verzoek met referentie 'AVG-2026-00074'; bedoelde u " \
        f"{OPEN}?\n"


def test_the_first_valid_row_of_a_reference_is_shown(cli: Any, voorbeeld: Path,  # noqa: F811
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two rows with one reference (AVG701 reports it): the first that validates is shown,
    as when every row was read; the first one's error is mentioned."""
    text = (voorbeeld / F).read_text(encoding="utf-8")
    rij = next(line for line in text.splitlines() if line.startswith(OPEN + ","))
    fout = rij.replace(",2026-11-19,", ",2026-11-31,", 1)
    assert fout != rij
    (voorbeeld / F).write_text(text.replace(rij + "\n", f"{fout}\n{rij}\n"), encoding="utf-8")
    snel = _show(cli, voorbeeld, OPEN)
    # The same through the whole register, as show read it before.
    echt = repo_module.load_register

    def alles(*args: Any, **kwargs: Any) -> Any:
        kwargs.pop("referentie", None)
        return echt(*args, **kwargs)

    monkeypatch.setattr(repo_module, "load_register", alles)
    assert _show(cli, voorbeeld, OPEN) == snel
    assert snel[0] == 0 and snel[1].startswith(OPEN)
    assert snel[2] == LET_OP
