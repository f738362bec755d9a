"""The days and moments avgctl computes with, without pydantic (see models/base.py).

Python's dates end at 9999-12-31, so a day of receipt such as 9999-12-31 has no deadline at
all; a register kept under the AVG has no date before 1900 or after 2999 either, so such a date
is a typo (AVG003), not something to compute with. Within this window every deadline avgctl
computes stays inside the calendar: at most a policy of 10 years and a pause of the whole
window on top of the last day.
"""

from __future__ import annotations

import datetime as dt

EERSTE_DAG = dt.date(1900, 1, 1)
LAATSTE_DAG = dt.date(2999, 12, 31)
EERSTE_MOMENT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LAATSTE_MOMENT = dt.datetime(2999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
