"""A library: many packs opened as one map, through an SQLite index in the user's cache folder.

Below the TUI and above the queries: nothing here imports Rich or Textual. `catalog.Library`
is the one object the screens and the CLI use; the other modules each do one job for it.
Nothing is imported here, so naming the package costs nothing.
"""
