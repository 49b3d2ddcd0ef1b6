"""Serialize a parsed issue to the ``baokan.issue/1`` JSON document (docs/formats.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reader.core.model import Issue, Item

FORMAT = "baokan.issue/1"


def issue_to_json(issue: Issue) -> dict[str, Any]:
    """Return the JSON-ready dict of ``issue``."""
    return {
        "format": FORMAT,
        "source": asdict(issue.source),
        "issue": {"title": issue.title, "date": issue.date},
        "articles": [item_to_json(item) for item in issue.items],
        "warnings": list(issue.warnings),
    }


def item_to_json(item: Item) -> dict[str, Any]:
    """Return the JSON-ready dict of one item."""
    return {
        "index": item.index,
        "kind": item.kind,
        "title_lines": list(item.title_lines),
        "title": item.title,
        "bylines": list(item.bylines),
        "byline": item.byline,
        "credit": item.credit,
        "duplicate_of": item.duplicate_of,
        "paragraphs": [{"kind": p.kind, "text": p.text} for p in item.paragraphs],
        "entities": [asdict(e) for e in item.entities],
        "figures": [asdict(f) for f in item.figures],
    }
