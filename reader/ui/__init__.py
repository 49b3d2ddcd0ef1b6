"""The only layer that imports PySide6: widgets, Qt models and background tasks."""
