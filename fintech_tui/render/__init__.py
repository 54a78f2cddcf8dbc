"""Model → Rich renderables: pure functions with no Textual import, easy to test."""
