"""Shared test setup: Qt runs offscreen, sample issues are at hand."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
