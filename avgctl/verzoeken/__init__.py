"""Data-subject requests: their state and deadlines (views) and the letter contexts (brieven).
Pure: may import models, termijnen, render helpers and the loaded register; no I/O."""
