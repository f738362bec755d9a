"""The report's charts: what each shows as plain data, and the same data as an SVG.

Every chart is a table first (the numbers, shown beside the chart so that a reader with a
screen reader or a printed copy has them too), then an SVG drawn by pygal. The SVG has no
script (pygal's tooltips are JavaScript, left out), a <title> and a <desc>, and the same
bytes for the same numbers: no random id, no date of drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Colours that stay apart for common colour blindness (the Okabe-Ito palette) and print well.
KLEUREN = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: tuple[int, ...]


@dataclass(frozen=True)
class Grafiek:
    """A bar chart: one group of bars per label, one bar per series."""

    id: str  # also the SVG's id: unique within a report
    titel: str
    beschrijving: str  # the <desc>: what the chart shows, in one or two sentences
    labels: tuple[str, ...]
    reeksen: tuple[Reeks, ...] = field(default_factory=tuple)
    liggend: bool = False  # horizontal bars: long category names stay readable

    def rijen(self) -> list[tuple[str, tuple[int, ...]]]:
        """The table beside the chart: per label the value of each series."""
        return [(label, tuple(r.waarden[i] for r in self.reeksen))
                for i, label in enumerate(self.labels)]

    def als_dict(self) -> dict[str, Any]:
        return {"id": self.id, "titel": self.titel, "beschrijving": self.beschrijving,
                "labels": list(self.labels),
                "reeksen": [{"naam": r.naam, "waarden": list(r.waarden)} for r in self.reeksen],
                "liggend": self.liggend}


def vergelijking(id_: str, titel: str, wat: str, huidig: dict[str, int], vorig: dict[str, int],
                 namen: tuple[str, str], label: Any = str) -> Grafiek:
    """This period beside the previous one, for every key either of them has."""
    sleutels = sorted(set(huidig) | set(vorig))
    labels = tuple(label(s) for s in sleutels)
    beschrijving = (f"Staafdiagram van {wat}: per categorie {namen[0]} naast {namen[1]}. "
                    + "; ".join(f"{lab}: {huidig.get(s, 0)} tegen {vorig.get(s, 0)}"
                                for s, lab in zip(sleutels, labels, strict=True))
                    + "." if sleutels else f"Geen {wat} in beide perioden.")
    return Grafiek(id_, titel, beschrijving, labels, (
        Reeks(namen[0], tuple(huidig.get(s, 0) for s in sleutels)),
        Reeks(namen[1], tuple(vorig.get(s, 0) for s in sleutels))), liggend=True)


def svg(grafiek: Grafiek) -> str:
    """The chart as an SVG element to place inline in HTML. Imports pygal: call it only
    from the command that makes a report (DESIGN.md §3, heavy libraries)."""
    import xml.etree.ElementTree as ET

    import pygal
    from pygal.style import Style

    stijl = Style(background="white", plot_background="white", foreground="#1a1a1a",
                  foreground_strong="#1a1a1a", foreground_subtle="#6b6b6b",
                  font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                  label_font_size=14, major_label_font_size=14, legend_font_size=15,
                  title_font_size=17, value_font_size=13, colors=KLEUREN)
    soort = pygal.HorizontalBar if grafiek.liggend else pygal.Bar
    hoogte = max(320, 90 + 26 * len(grafiek.labels) * max(len(grafiek.reeksen), 1)) \
        if grafiek.liggend else 400
    chart = soort(
        js=[], disable_xml_declaration=True, width=640, height=hoogte, explicit_size=False,
        title=grafiek.titel, style=stijl, legend_at_bottom=True, print_values=True,
        legend_at_bottom_columns=len(grafiek.reeksen), margin=12, spacing=8,
        truncate_label=-1,
        min_scale=1, max_scale=8, order_min=0, no_data_text="geen gegevens",
        classes=["rapport-grafiek"], show_y_guides=True)
    chart.uuid = grafiek.id  # the id pygal would draw at random
    # pygal draws horizontal bars from the bottom up; reversed, they read as the table does.
    volgorde = slice(None, None, -1) if grafiek.liggend else slice(None)
    chart.x_labels = list(grafiek.labels)[volgorde]
    for reeks in grafiek.reeksen:
        chart.add(reeks.naam, list(reeks.waarden)[volgorde])

    def schoon(root: Any) -> Any:
        # No comments (pygal writes the day of drawing into one), no script, and the title
        # and description first, named by aria-labelledby (SVG 2 §5.9, WAI-ARIA graphics).
        for parent in root.iter():
            for kind in list(parent):
                if kind.tag is ET.Comment or str(kind.tag).endswith("script"):
                    parent.remove(kind)
        for oud in [k for k in root if str(k.tag).endswith("title")]:
            root.remove(oud)
        titel = ET.Element("title", {"id": f"{grafiek.id}-titel"})
        titel.text = grafiek.titel
        desc = ET.Element("desc", {"id": f"{grafiek.id}-desc"})
        desc.text = grafiek.beschrijving
        root.insert(0, desc)
        root.insert(0, titel)
        root.set("role", "img")
        root.set("aria-labelledby", f"{grafiek.id}-titel {grafiek.id}-desc")
        return root

    chart.add_xml_filter(schoon)
    tekst: str = chart.render()
    return tekst
