"""Composition root of the desktop app: QApplication, settings, translators, main window."""
