"""The analysis keeps its quality targets on the gold articles (docs/analysis.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_analysis import evaluate, load_gold  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
HELDOUT = ROOT / "tests" / "data" / "gold_heldout"
F1_TARGET = {"person": 0.90, "place": 0.90, "org": 0.90, "figure": 0.97}
PRECISION_TARGET = 0.85


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(load_gold(GOLD))


def test_gold_set_is_large_enough() -> None:
    docs = load_gold(GOLD)
    articles = [d for d in docs if "photo" not in d["kind"]]
    assert len(articles) >= 8
    assert len(load_gold(HELDOUT)) >= 4


@pytest.mark.parametrize("kind", list(F1_TARGET))
def test_f1_and_precision_targets(report, kind: str) -> None:  # type: ignore[no-untyped-def]
    score = report.scores[kind]
    assert score.f1 >= F1_TARGET[kind], (kind, score)
    assert score.precision >= PRECISION_TARGET, (kind, score)


def test_figure_values_are_right(report) -> None:  # type: ignore[no-untyped-def]
    assert report.values_right == report.values_checked, report.errors
