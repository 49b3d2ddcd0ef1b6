"""Build the gold JSON of the analysis evaluation from its annotation source (``*.ann``).

An ``.ann`` file holds documents::

    === doc_id | source file (or "written") | what kind of article
    T paragraph text, exactly as in the source
    A 南开区/place 11.07亿元/money:1107000000:元 2024年/date:2024 ~跳过

Each ``A`` line lists the mentions of the paragraph above it, left to right: an entity
``TEXT/TYPE`` (person, place, org) or a figure ``TEXT/KIND:VALUE[:UNIT]`` (VALUE is a
number, ``LOW..HIGH`` for a range, or the normalized form of a date or period).
``~TEXT`` moves past an occurrence without annotating it. Each mention is searched from
the end of the previous one, so offsets never depend on guessing.

Usage: ``python benchmarks/gold_tool.py build SRC.ann OUTDIR [--seeds DIR]`` writes one
JSON file per document (and checks that seed paragraphs really occur in the seed file);
``python benchmarks/gold_tool.py show OUTDIR`` prints the documents with inline markup.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ENTITY_TYPES = {"person", "place", "org"}
FIGURE_KINDS = {"money", "percent", "ppt", "count", "area", "measure", "duration", "date",
                "period", "number"}
TEXT_KINDS = {"date", "period"}


def parse_ann(text: str) -> list[dict[str, Any]]:
    """Parse an annotation source into document dicts (paragraphs with mentions)."""
    docs: list[dict[str, Any]] = []
    for line in text.splitlines():
        if line.startswith("=== "):
            doc_id, source, kind = (part.strip() for part in line[4:].split("|"))
            docs.append({"id": doc_id, "source": source, "kind": kind, "paragraphs": []})
        elif line.startswith("T "):
            docs[-1]["paragraphs"].append({"text": line[2:], "entities": [], "figures": []})
        elif line.startswith("A"):
            _annotate(docs[-1]["id"], docs[-1]["paragraphs"][-1], line[1:].split())
    return docs


def _annotate(doc_id: str, paragraph: dict[str, Any], tokens: list[str]) -> None:
    text, cursor = paragraph["text"], 0
    for token in tokens:
        surface, label = (token[1:], "") if token.startswith("~") else _split_label(token)
        start = text.find(surface, cursor)
        if start < 0:
            raise ValueError(f"{doc_id}: {surface!r} not found after offset {cursor}")
        end = start + len(surface)
        cursor = end
        if label:
            _add_mention(paragraph, surface, label, start, end)


def _split_label(token: str) -> tuple[str, str]:
    """``420瓦时/千克/measure:420:瓦时/千克`` splits at the slash before the label."""
    for kind in sorted(ENTITY_TYPES | FIGURE_KINDS, key=len, reverse=True):
        for marker in (f"/{kind}:", f"/{kind}"):
            index = token.find(marker)
            if index > 0 and (marker.endswith(":") or token.endswith(marker)):
                return token[:index], token[index + 1:]
    raise ValueError(f"no label in {token!r}")


def _add_mention(paragraph: dict[str, Any], surface: str, label: str, start: int,
                 end: int) -> None:
    if label in ENTITY_TYPES:
        paragraph["entities"].append({"type": label, "text": surface, "start": start,
                                      "end": end})
        return
    kind, _, rest = label.partition(":")
    if kind not in FIGURE_KINDS:
        raise ValueError(f"unknown label {label!r}")
    raw_value, _, unit = rest.partition(":")
    figure: dict[str, Any] = {"kind": kind, "text": surface, "start": start, "end": end}
    if kind in TEXT_KINDS:
        figure.update(value=None, unit="", norm=raw_value)
    else:
        low, _, high = raw_value.partition("..")
        figure.update(value=_number(low), unit=unit, norm="")
        if high:
            figure["upper"] = _number(high)
    paragraph["figures"].append(figure)


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def check_sources(docs: list[dict[str, Any]], seeds: Path) -> None:
    """Every paragraph of a seed document must occur in its seed file (breaks removed)."""
    for doc in docs:
        if doc["source"] == "written":
            continue
        flat = (seeds / doc["source"]).read_text(encoding="utf-8").replace("\n", "")
        for paragraph in doc["paragraphs"]:
            if paragraph["text"] not in flat:
                raise ValueError(f"{doc['id']}: paragraph not in {doc['source']}: "
                                 f"{paragraph['text'][:30]}…")


def markup(paragraph: dict[str, Any]) -> str:
    """The paragraph with each mention shown as ``[text]{label}``."""
    spans = [(e["start"], e["end"], e["type"]) for e in paragraph["entities"]]
    spans += [(f["start"], f["end"], _figure_label(f)) for f in paragraph["figures"]]
    text, out, cursor = paragraph["text"], [], 0
    for start, end, label in sorted(spans):
        out += [text[cursor:start], f"[{text[start:end]}]{{{label}}}"]
        cursor = end
    return "".join([*out, text[cursor:]])


def _figure_label(figure: dict[str, Any]) -> str:
    if figure["kind"] in TEXT_KINDS:
        return f"{figure['kind']} {figure['norm']}"
    upper = f"..{figure['upper']}" if "upper" in figure else ""
    return f"{figure['kind']} {figure['value']}{upper} {figure['unit']}"


def build(source: Path, outdir: Path, seeds: Path) -> None:
    """Write one JSON file per document of ``source`` into ``outdir``."""
    docs = parse_ann(source.read_text(encoding="utf-8"))
    check_sources(docs, seeds)
    outdir.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        path = outdir / f"{doc['id']}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    mentions = sum(len(p["entities"]) + len(p["figures"]) for d in docs for p in d["paragraphs"])
    print(f"{len(docs)} documents, {mentions} mentions -> {outdir}")


def show(outdir: Path) -> None:
    """Print every document of a gold folder with inline markup."""
    for path in sorted(outdir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        print(f"=== {doc['id']} ({doc['kind']})")
        for paragraph in doc["paragraphs"]:
            print(markup(paragraph))


def main(argv: list[str] | None = None) -> int:
    """Command line: ``build`` or ``show``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("source", type=Path)
    b.add_argument("outdir", type=Path)
    b.add_argument("--seeds", type=Path,
                   default=Path(__file__).resolve().parent.parent / "resources" / "samples")
    s = sub.add_parser("show")
    s.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.source, args.outdir, args.seeds)
    else:
        show(args.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
