"""What ``avgctl init`` reports."""

from __future__ import annotations

from pathlib import Path

_VUL_IN = ("Vul in de workflow bij AVGCTL_BRON in waar avgctl vandaan komt (nu staat er een "
           "voorbeeldadres), of maak hem opnieuw met --bron.")


def created(directory: Path, files: list[str], voorbeeld: bool, vul_in: bool = False) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    soort = "met het voorbeeld" if voorbeeld else "om in te vullen"
    console.print(f"Nieuwe compliance-repository {soort} in {escape(str(directory))}:")
    for rel in files:
        console.print(f"  {escape(rel)}")
    console.print()
    console.print("Volgende stap: vul avgctl.yaml in en draai 'avgctl check' in deze map.")
    if vul_in:
        console.print(_VUL_IN)


def workflow(directory: Path, files: list[str], vul_in: bool) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    console.print(f"CI-workflow geschreven in {escape(str(directory))}:")
    for rel in files:
        console.print(f"  {escape(rel)}")
    console.print()
    if vul_in:
        console.print(_VUL_IN)
    console.print("Zet de workflow in git; hij draait bij de volgende push.")
