"""Shared helpers for the analysis tests: one warm segmenter, spans by text."""

from __future__ import annotations

import pytest

from reader.core.analyze import Analysis, analyze_text, warm_up
from reader.core.model import Entity, Figure


@pytest.fixture(scope="session", autouse=True)
def _loaded() -> None:
    warm_up()


def entity(analysis: Analysis, text: str) -> Entity:
    """The entity whose text is ``text`` (fails the test if there is none)."""
    found = [e for e in analysis.entities if e.text == text]
    assert found, f"no entity {text!r} in {[e.text for e in analysis.entities]}"
    return found[0]


def figure(analysis: Analysis, text: str) -> Figure:
    """The figure whose text is ``text`` (fails the test if there is none)."""
    found = [f for f in analysis.figures if f.text == text]
    assert found, f"no figure {text!r} in {[f.text for f in analysis.figures]}"
    return found[0]


def spans(text: str) -> set[tuple[str, str]]:
    """(type, text) of every entity of ``text``."""
    return {(e.type, e.text) for e in analyze_text(text).entities}
