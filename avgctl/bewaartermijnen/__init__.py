"""Retention periods (DOMAIN §5): parsing them and computing when a record must go.
Pure functions, no I/O and no clock; may import models and termijnen, never store/ or output/."""
