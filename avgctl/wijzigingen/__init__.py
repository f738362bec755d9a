"""What changed between two loaded register snapshots, as typed records with a Dutch sentence.
Pure; may import models, findings, the loaded register and the register packages' words."""

from avgctl.wijzigingen.plekken import Gewijzigd, gewijzigd
from avgctl.wijzigingen.vergelijk import REGISTERS, Wijziging, vergelijk

__all__ = ["REGISTERS", "Gewijzigd", "Wijziging", "gewijzigd", "vergelijk"]
