"""Pydantic models: the single definition of every register record, with Dutch field names.
May import only errors, findings and each other; knows no files and no clock."""

from avgctl.models.bewaartermijn import Bewaartermijn
from avgctl.models.datalek import Datalek
from avgctl.models.organisatie import Config, Organisatie
from avgctl.models.partij import Partij
from avgctl.models.verwerking import Gegeven, Verwerking

__all__ = ["Bewaartermijn", "Config", "Datalek", "Gegeven", "Organisatie", "Partij", "Verwerking"]
