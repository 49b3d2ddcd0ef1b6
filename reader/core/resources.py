"""Locate bundled resources (samples, dictionaries, icons) in a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Return the folder holding the resources, wherever the app was installed from.

    Looked up in this order: a PyInstaller bundle (``sys._MEIPASS/resources``), a wheel
    (``reader/_resources``), a source checkout (``resources/`` beside ``reader/``).
    """
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    raise FileNotFoundError(
        "Baokan Reader's resources were not found; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def sample_issues() -> list[Path]:
    """Return the sample issue files shipped with the app, in name order."""
    return sorted((resources_dir() / "samples").glob("*.txt"))
