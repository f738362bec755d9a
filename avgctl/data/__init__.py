"""Data that changes with the law, kept out of the code."""
