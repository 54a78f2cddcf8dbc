"""Textual widgets: navigation panes, the detail view and its links."""
