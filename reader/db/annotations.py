"""The user's own work (tags, notes, corrections): the error a refused request raises."""

from __future__ import annotations


class AnnotationError(ValueError):
    """A request the library refuses, with a message for the user (unknown tag, bad range)."""
