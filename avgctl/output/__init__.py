"""Everything that prints. Only this package writes to the terminal or imports rich."""
