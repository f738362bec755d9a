"""What ``avgctl init`` reports."""

from __future__ import annotations

from pathlib import Path


def created(directory: Path, files: list[str], voorbeeld: bool) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    soort = "met het voorbeeld" if voorbeeld else "om in te vullen"
    console.print(f"Nieuwe compliance-repository {soort} in {escape(str(directory))}:")
    for rel in files:
        console.print(f"  {escape(rel)}")
    console.print()
    console.print("Volgende stap: vul avgctl.yaml in en draai 'avgctl check' in deze map.")
