"""fintech-tui: a keyboard-first terminal explorer for one analytical article."""

__version__ = "0.1.0"
