"""The FG's periodic report (periode, cijfers, inhoud, grafieken, besluiten); the breach trend.
Pure; may import the other domain packages, models and the loaded register."""
