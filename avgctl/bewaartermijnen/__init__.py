"""Retention periods: parsing and (later) evaluating them. Pure functions, no I/O."""
