"""The terminal UI: the Textual app, its screens and widgets, keys, palette, history, settings and live reload."""
