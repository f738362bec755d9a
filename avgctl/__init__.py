"""avgctl: de AVG-administratie van een organisatie als platte tekst in git."""

__version__ = "0.1.0"
