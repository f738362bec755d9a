"""Data that changes with the law (adequacy decisions, the EEA), kept out of the code.
Read by store/; holds no code."""
