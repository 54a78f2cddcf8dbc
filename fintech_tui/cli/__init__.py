"""The command line: dispatching verbs, their arguments, output, serving, shutdown and progress."""

from fintech_tui.cli.dispatch import main

__all__ = ["main"]
