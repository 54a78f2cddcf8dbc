"""The command line: dispatching verbs, their arguments, output, serving, shutdown and progress."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `fintech-tui` console script. Ctrl+C while the command line's modules
    are still being imported ends with the same one line as it does later, not a traceback."""
    try:
        from fintech_tui.cli.dispatch import main as dispatch
    except KeyboardInterrupt:
        sys.stderr.write("fintech-tui: interrupted\n")
        return 130
    return dispatch(argv)


__all__ = ["main"]
