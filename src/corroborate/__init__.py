"""corroborate: who claims what, who denies it, who merely repeats it."""

__version__ = "0.1.0"
