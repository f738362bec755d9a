"""One module per command group; each calls the domain and hands the result to output."""
