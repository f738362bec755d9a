"""One module per command group: each takes parsed options, calls the domain and hands the
result to output/, returning an exit code. Imports domain, store, models and output; not cli/."""
