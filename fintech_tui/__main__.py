"""`python -m fintech_tui` does what the `fintech-tui` command does."""

from fintech_tui.cli import main

raise SystemExit(main())
