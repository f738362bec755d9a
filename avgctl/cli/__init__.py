"""The command line: the Typer app, its shared options, one module per command group, and the
one error boundary. May import commands/, errors and output/; nothing imports it."""
