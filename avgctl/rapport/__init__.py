"""The FG's periodic report (periode, cijfers, inhoud, grafieken) and the yearly breach trend.
Pure; may import the other domain packages, models and the loaded register."""
