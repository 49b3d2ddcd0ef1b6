"""Serialize a parsed issue to the ``baokan.issue/1`` JSON document (docs/formats.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reader.core.model import Entity, Figure, Issue, Item, Paragraph, Source

FORMAT = "baokan.issue/1"


def issue_to_json(issue: Issue) -> dict[str, Any]:
    """Return the JSON-ready dict of ``issue``."""
    return {
        "format": FORMAT,
        "source": asdict(issue.source),
        "issue": {"title": issue.title, "date": issue.date, "edition": issue.edition,
                  "number": issue.number, "read_from": dict(issue.read_from)},
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


def issue_from_json(document: dict[str, Any]) -> Issue:
    """The Issue of a ``baokan.issue/1`` document (entities and figures included)."""
    if document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    head = document["issue"]
    issue = Issue(head["title"], head["date"], Source(**document["source"]),
                  warnings=list(document.get("warnings", [])), edition=head.get("edition"),
                  number=head.get("number"), read_from=dict(head.get("read_from", {})))
    issue.items = [item_from_json(item) for item in document["articles"]]
    return issue


def item_from_json(data: dict[str, Any]) -> Item:
    """The Item of one article of a ``baokan.issue/1`` document."""
    return Item(
        data["index"], data["kind"], list(data["title_lines"]), list(data["bylines"]),
        data["byline"], data["credit"],
        [Paragraph(p["kind"], p["text"]) for p in data["paragraphs"]], data["duplicate_of"],
        [Entity(**e) for e in data.get("entities", [])],
        [Figure(**f) for f in data.get("figures", [])])
