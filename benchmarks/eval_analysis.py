"""Score the analysis against the gold annotations: precision, recall and F1 per type.

Matching is strict: a mention counts only if its type (entities) or kind (figures) and its
exact character span agree with the gold. Figures matched on span and kind are also checked
for their normalized value (value and unit, or the normalized date/period).

Usage: ``python benchmarks/eval_analysis.py [GOLD_DIR ...] [--errors] [--system S]``; by
default both tests/data/gold (seed articles) and tests/data/gold_heldout (passages written
elsewhere). ``--system rules`` scores the analysis with the model switched off (the
previous analysis), ``--system posseg`` plain ``jieba.posseg.cut`` (entities only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.analyze import Analysis, Tagger, analyze_texts  # noqa: E402
from reader.core.model import Entity  # noqa: E402

DEFAULT_DIRS = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "gold_heldout"]
ENTITY_TYPES = ("person", "place", "org")

Mention = tuple[int, str, int, int]
"""(paragraph, type or kind, start, end)."""


@dataclass
class Score:
    """Counts for one type and the derived precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per entity type, for figures overall and per kind, and the errors seen."""

    scores: dict[str, Score] = field(default_factory=dict)
    figure_kinds: dict[str, Score] = field(default_factory=dict)
    values_right: int = 0
    values_checked: int = 0
    errors: list[str] = field(default_factory=list)
    documents: int = 0

    def score(self, key: str) -> Score:
        return self.scores.setdefault(key, Score())


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """The gold documents of one folder, in name order."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


POSSEG_TYPES = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}


def run_system(texts: list[str], system: str) -> list[Analysis]:
    """The analyses of one document's paragraphs by ``system``."""
    if system == "rules":
        return analyze_texts(texts, tagger=Tagger(Path("no-model")))
    if system == "posseg":
        import jieba.posseg

        results = []
        for index, text in enumerate(texts):
            entities, offset = [], 0
            for word, flag in jieba.posseg.cut(text):
                if flag in POSSEG_TYPES:
                    entities.append(Entity(POSSEG_TYPES[flag], word, index, offset,  # type: ignore[arg-type]
                                           offset + len(word), word))
                offset += len(word)
            results.append(Analysis(entities, []))
        return results
    return analyze_texts(texts)


def evaluate(docs: list[dict[str, Any]], system: str = "analysis") -> Report:
    """Run the analysis (or ``system``) on every gold document and compare."""
    report = Report(documents=len(docs))
    for doc in docs:
        texts = [p["text"] for p in doc["paragraphs"]]
        analyses = run_system(texts, system)
        for index, (paragraph, analysis) in enumerate(
                zip(doc["paragraphs"], analyses, strict=True)):
            _compare_entities(report, doc["id"], index, paragraph, analysis)
            _compare_figures(report, doc["id"], index, paragraph, analysis)
    return report


def _compare_entities(report: Report, doc: str, index: int, gold: dict[str, Any],
                      analysis: Any) -> None:
    want = {(index, e["type"], e["start"], e["end"]) for e in gold["entities"]}
    got = {(index, e.type, e.start, e.end) for e in analysis.entities}
    _count(report, doc, gold["text"], want, got, report.score)


def _compare_figures(report: Report, doc: str, index: int, gold: dict[str, Any],
                     analysis: Any) -> None:
    want = {(index, f["kind"], f["start"], f["end"]) for f in gold["figures"]}
    got = {(index, f.kind, f.start, f.end) for f in analysis.figures}
    _count(report, doc, gold["text"], want, got,
           lambda key: report.figure_kinds.setdefault(key, Score()))
    overall = report.score("figure")
    overall.tp += len(want & got)
    overall.fp += len(got - want)
    overall.fn += len(want - got)
    found = {(f.start, f.end, f.kind): f for f in analysis.figures}
    for g in gold["figures"]:
        f = found.get((g["start"], g["end"], g["kind"]))
        if f is None:
            continue
        report.values_checked += 1
        if _same_value(g, f):
            report.values_right += 1
        else:
            report.errors.append(f"VALUE {doc}#{index} {g['text']}: gold "
                                 f"{g.get('value')} {g.get('unit')} {g.get('norm')} / got "
                                 f"{f.value} {f.unit} {f.norm}")


def _same_value(gold: dict[str, Any], figure: Any) -> bool:
    if gold["kind"] in ("date", "period"):
        return bool(gold["norm"] == figure.norm)
    if gold.get("upper") is not None and gold["upper"] != figure.upper:
        return False
    return bool(gold["value"] == figure.value and gold["unit"] == figure.unit)


def _count(report: Report, doc: str, text: str, want: set[Mention], got: set[Mention],
           bucket: Any) -> None:
    for mention in want | got:
        score = bucket(mention[1])
        if mention in want and mention in got:
            score.tp += 1
        elif mention in got:
            score.fp += 1
            report.errors.append(f"FP {mention[1]:<8} {doc}#{mention[0]} "
                                 f"{text[mention[2]:mention[3]]!r}  …{_around(text, mention)}…")
        else:
            score.fn += 1
            report.errors.append(f"FN {mention[1]:<8} {doc}#{mention[0]} "
                                 f"{text[mention[2]:mention[3]]!r}  …{_around(text, mention)}…")


def _around(text: str, mention: Mention) -> str:
    return text[max(0, mention[2] - 8):mention[3] + 8]


def format_report(name: str, report: Report) -> str:
    """The table printed for one gold folder."""
    lines = [f"{name}: {report.documents} documents",
             f"  {'type':<10}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for key in (*ENTITY_TYPES, "figure"):
        s = report.scores.get(key, Score())
        lines.append(f"  {key:<10}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.precision:>8.3f}"
                     f"{s.recall:>8.3f}{s.f1:>8.3f}")
    kinds = Counter({k: v.tp + v.fn for k, v in report.figure_kinds.items()})
    lines.append("  figures by kind: " + ", ".join(
        f"{k} {report.figure_kinds[k].f1:.2f} ({n})" for k, n in kinds.most_common()))
    if report.values_checked:
        lines.append(f"  figure values right: {report.values_right}/{report.values_checked}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores of each gold folder (and the errors with ``--errors``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--system", choices=("analysis", "rules", "posseg"), default="analysis")
    args = parser.parse_args(argv)
    for folder in args.folders or DEFAULT_DIRS:
        report = evaluate(load_gold(folder), args.system)
        print(format_report(folder.name, report))
        if args.errors:
            print("\n".join(sorted(report.errors)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
