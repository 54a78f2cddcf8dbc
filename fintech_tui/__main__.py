"""`python -m fintech_tui` does what the `fintech-tui` command does."""

import sys

try:
    from fintech_tui.cli import main
except KeyboardInterrupt:  # ctrl+c in the first instant: the same one line as later, not a traceback
    sys.stderr.write("fintech-tui: interrupted\n")
    raise SystemExit(130) from None

raise SystemExit(main())
