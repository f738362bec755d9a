"""Reading (and later writing) the compliance repository."""
