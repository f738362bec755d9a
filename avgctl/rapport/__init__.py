"""Reports over a period for the FG and the board, such as the yearly breach trend (trend).
Pure; may import the register packages, models and the loaded register."""
