"""The stamp of the entity analysis: which features, rules and model found a library's mentions."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from reader.core.analyze.tagger import FEATURE_VERSION, MODEL_PATH
from reader.core.resources import resources_dir

RULES_VERSION = 1
"""Bump when the rules change what they find (candidates, resolve, spread, combine, the
dictionaries): every library then refreshes the mentions of the issues it holds."""
RULES_ONLY = "rules-only"
"""The model part of a stamp when the shipped model is missing (the rules alone vote)."""
SHA_CHARS = 16
"""Hex digits of the model's SHA-256 kept in a stamp (enough to tell two models apart)."""


def analysis_stamp(model: Path | None = None) -> str:
    """``features 3, rules 1, model a5c9dc9a43b45e32``: what the analysis of this app
    finds, to store beside each issue's mentions. Cheap: the model is not opened; its
    SHA-256 is read from its record (``entities.json`` beside it)."""
    path = model or resources_dir().joinpath(*MODEL_PATH)
    return _stamp(path, FEATURE_VERSION, RULES_VERSION)


@lru_cache(maxsize=8)
def _stamp(model: Path, features: int, rules: int) -> str:
    return f"features {features}, rules {rules}, model {model_sha(model)}"


def model_sha(model: Path) -> str:
    """The model's SHA-256 (shortened) as its record gives it; ``RULES_ONLY`` without a
    model file; the hash of the file itself when its record is missing or unreadable."""
    if not model.is_file():
        return RULES_ONLY
    try:
        record = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
        sha = str(record["model_sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        sha = hashlib.sha256(model.read_bytes()).hexdigest()
    return sha[:SHA_CHARS]
