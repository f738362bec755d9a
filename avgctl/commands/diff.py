"""``avgctl diff``: what changed in the registers between two revisions, in words."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from avgctl.commands.common import check_format, cwd
from avgctl.errors import EXIT_OK, UsageError
from avgctl.output import wijzigingen as output
from avgctl.store.geschiedenis import stand
from avgctl.store.register import Register
from avgctl.store.repo import find_repo, load_register
from avgctl.wijzigingen import vergelijk

# At most this many damaged places named in the message; the rest is counted.
MAX_GENOEMD = 5


def run(repo: Path | None, basis: str, doel: str | None, fmt: str) -> int:
    fmt = check_format(fmt, output.FORMATS)
    root = find_repo(repo, cwd())
    with ExitStack() as stack:
        oud = stack.enter_context(stand(root, basis))
        nieuw = stack.enter_context(stand(root, doel)) if doel is not None else \
            load_register(root)
        heel(oud, f"revisie '{basis}'")
        heel(nieuw, f"revisie '{doel}'" if doel is not None else "de werkmap")
        changes = vergelijk(oud, nieuw)
    output.write(output.Verslag(basis, doel, changes), fmt)
    return EXIT_OK


def heel(register: Register, waar: str) -> None:
    """Refuse to compare a register that could not be read whole (exit 2).

    A record left out at one side would show as ended or as new: a review that trusts the
    words would be misled. So every file or record that could not be read is named instead.
    """
    if not register.overgeslagen:
        return
    plekken = [f"  {item.file}:{item.line}:{item.column}: {item.reden}"
               for item in register.overgeslagen[:MAX_GENOEMD]]
    rest = len(register.overgeslagen) - MAX_GENOEMD
    if rest > 0:
        plekken.append(f"  en nog {rest} {'plek' if rest == 1 else 'plekken'}")
    wat = ("herstel ze (avgctl check zegt hoe)" if waar == "de werkmap"
           else "kies een andere revisie, of vergelijk met de werkmap na herstel")
    raise UsageError(f"de registers in {waar} zijn niet helemaal te lezen, dus een vergelijking "
                     "zou onvolledig zijn:\n" + "\n".join(plekken) + f"\n{wat}")
