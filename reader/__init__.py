"""Baokan Reader (报刊阅读器): read, search and annotate Chinese newspaper issues."""

__version__ = "0.1.0"
