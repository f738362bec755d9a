"""A restored backup: one entry of ``registers/herstel.yaml``.

Reference 002 (§7.2 and §7.3): backups are not cleaned when a person's data are erased or
corrected, so after a restore every erasure, correction or restriction done since the backup
must be done again, and that is recorded. ``avgctl verzoek herstel`` writes this file; per
request ``opnieuw_toegepast_op`` says that it was done again.
"""

from __future__ import annotations

from pydantic import Field

from avgctl.models.base import Datum, Model


class Herstel(Model):
    """Een teruggezette back-up."""

    backup: Datum = Field(description="De dag waarvan de teruggezette back-up is.")
    teruggezet_op: Datum = Field(description="De dag waarop de back-up is teruggezet.")
