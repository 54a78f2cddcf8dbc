"""Questions of a loaded pack: its index (ids, backlinks, search), --goto, the analyses and the summary."""
