"""Screens: the main explorer, the source view, search and help."""
