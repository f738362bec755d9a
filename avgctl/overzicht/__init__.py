"""What needs attention across the registers: the status screen (status) and everything with a
clock (deadlines). Pure; may import the register packages, models and findings."""
