"""Data breaches: their clock and assessment (views), the AP notification content (apmelding)
and the letter to the people affected (brief). Pure; may import models, termijnen and verzoeken."""
