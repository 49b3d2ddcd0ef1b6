"""Score entities on a public news NER file (BIO): the analysis, the rules alone, jieba.posseg.

Strict span match: a mention counts only if its type and its character offsets agree with the
gold. Each sentence of the file is analysed as one text with ``analyze_text`` (the code path
of ``baokan analyze``). ``rules`` is the previous analysis (the model switched off);
``posseg`` is plain ``jieba.posseg.cut`` (HMM on) with nr/nrfg/nrt → person, ns → place,
nt → org.

Usage: ``python benchmarks/eval_ner.py [BIO_FILE] [--systems analysis,rules,posseg]
[--errors N] [--unseen TRAIN_FILE]``; by default ../shared/ner/pd_dev.bio. ``--unseen``
keeps only the sentences that share no 20-character stretch with the training file (pd_dev
and the MSRA train split are both 1998 news; 188 of pd_dev's 2,310 sentences overlap).
Never run it on a public test split while choosing features or rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.analyze import analyze_text  # noqa: E402
from reader.core.analyze.tagger import Tagger  # noqa: E402

DEFAULT_FILE = ROOT.parent / "shared" / "ner" / "pd_dev.bio"
GOLD_TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
POSSEG_TYPES = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}
TYPES = ("person", "place", "org")
Mention = tuple[str, int, int]


def read_bio(path: Path) -> Iterator[tuple[str, set[Mention]]]:
    """(text, gold mentions) of every sentence of a BIO file."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            char, _, tag = line.partition("\t")
            chars.append(char[:1] or " ")
            tags.append(tag.strip() or "O")
        elif chars:
            yield "".join(chars), _bio_mentions(tags)
            chars, tags = [], []


def _bio_mentions(tags: list[str]) -> set[Mention]:
    found: set[Mention] = set()
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            found.add((GOLD_TYPES[kind], start, index))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = index, tag[2:]
    return found


def unseen(sentences: list[tuple[str, set[Mention]]], train: Path,
           size: int = 20) -> list[tuple[str, set[Mention]]]:
    """The sentences sharing no ``size``-character stretch with any sentence of ``train``."""
    seen = set()
    for text, _ in read_bio(train):
        seen.update(hash(text[i:i + size]) for i in range(len(text) - size + 1))
    return [(text, gold) for text, gold in sentences
            if not any(hash(text[i:i + size]) in seen for i in range(len(text) - size + 1))]


def analysis(tagger: Tagger | None) -> Callable[[str], set[Mention]]:
    """The analysis with the given tagger (None: the shipped model)."""
    def run(text: str) -> set[Mention]:
        return {(e.type, e.start, e.end) for e in analyze_text(text, tagger=tagger).entities}
    return run


def posseg(text: str) -> set[Mention]:
    """Plain jieba.posseg.cut with its name tags mapped to our types."""
    import jieba.posseg

    found, offset = set(), 0
    for word, flag in jieba.posseg.cut(text):
        if flag in POSSEG_TYPES:
            found.add((POSSEG_TYPES[flag], offset, offset + len(word)))
        offset += len(word)
    return found


def score(sentences: list[tuple[str, set[Mention]]], system: Callable[[str], set[Mention]],
          errors: list[str]) -> dict[str, Counter[str]]:
    """tp/fp/fn per type of one system over all sentences."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    for text, want in sentences:
        got = system(text)
        for mention in want | got:
            key = "tp" if mention in want and mention in got else "fp" if mention in got else "fn"
            counts[mention[0]][key] += 1
            if key != "tp":
                errors.append(f"{key.upper()} {mention[0]:<7}{text[mention[1]:mention[2]]}"
                              f"  …{text[max(0, mention[1] - 8):mention[2] + 8]}…")
    return counts


def prf(c: Counter[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of one count."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    """Print P/R/F1 per type and micro for each system."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--systems", default="analysis,rules,posseg")
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the analysis")
    parser.add_argument("--model", type=Path, help="another model file than the shipped one")
    parser.add_argument("--unseen", type=Path, metavar="TRAIN_FILE",
                        help="score only sentences sharing no 20 characters with this file")
    args = parser.parse_args(argv)
    sentences = list(read_bio(args.file))
    if args.unseen:
        sentences = unseen(sentences, args.unseen)
    systems = {"analysis": analysis(Tagger(args.model) if args.model else None),
               "rules": analysis(Tagger(Path("no-model"))), "posseg": posseg}
    print(f"{args.file.name}: {len(sentences)} sentences, "
          f"{sum(len(t) for t, _ in sentences)} characters")
    print(f"  {'system':<10}{'type':<8}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name in args.systems.split(","):
        errors: list[str] = []
        began = time.perf_counter()
        counts = score(sentences, systems[name], errors)
        seconds = time.perf_counter() - began
        total: Counter[str] = sum(counts.values(), Counter())
        for kind, c in [*counts.items(), ("micro", total)]:
            p, r, f = prf(c)
            print(f"  {name:<10}{kind:<8}{c['tp'] + c['fn']:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
        print(f"  {name:<10}({seconds:.1f} s)")
        if name == "analysis" and args.errors:
            print("\n".join(sorted(errors)[: args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
