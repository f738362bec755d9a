"""Everything that prints: text (rich), json, csv, ics, github and sarif. Only this package writes
to the terminal or imports rich; may import the domain's result types and models; not commands/."""
