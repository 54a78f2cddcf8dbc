"""Leaves: small helpers that import nothing of fintech-tui's (text neutralising, safe file writes, hashing)."""
