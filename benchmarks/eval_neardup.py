"""Precision and recall of the near-duplicate detector on pairs built at run time.

Originals are the seed issues' articles (and, when ``../shared/papers`` is there, the
人民日报 pages' articles; they are read, never copied into the project) plus two reports on
the same subject written for this test. From each original the builder makes an edited
copy (a few characters changed, inserted, deleted), a truncated copy (its first 30-70 %),
a re-wrapped copy (line breaks, spaces and punctuation moved), the original embedded in a
longer article, and a follow-up that quotes most of it; every one of those must pair with
its original. Every other pair of the pool (different articles on the same local news,
the two reports on the same subject) must not pair, unless the
source texts themselves share a passage (exact 3-gram containment ≥ 50 %: the real pages
hold a speech printed twice and reports written from one template), which is counted
apart.

The detector runs as the library runs it: signatures, LSH band keys, then the estimate
of the candidates that share most keys with a text.
Run: ``python -m benchmarks.eval_neardup [--papers]``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations, islice
from pathlib import Path

from reader.core import neardup
from reader.core.decode import read_file
from reader.core.parse import parse_decoded

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
PAPERS = Path(__file__).resolve().parent.parent.parent / "shared" / "papers" / "rmrb-2019-02"

SAME_SUBJECT = (
    "南开区召开招商引资工作推进会。会议通报了今年以来全区招商引资工作进展情况，各街道和有关部门"
    "负责同志逐一汇报了在谈项目和落地项目情况。会议指出，要坚持把招商引资作为经济工作的生命线，"
    "紧盯重点产业链条，围绕科技服务、数字经济和现代商贸开展精准招商，做好项目落地的全流程服务，"
    "对已签约项目实行专班推动，确保早开工、早投产、早见效。会议还对下一步楼宇经济提质增效作出部署。",
    "记者从南开区投资促进局获悉，三季度全区新引进内资项目四十二个，协议投资额同比增长一成以上。"
    "区里组织企业家座谈会，听取在区企业对营商环境的意见，现场协调解决用地、用工和融资等难题。"
    "投资促进局负责人表示，将用好驻外招商联络点，开展以商招商，推动总部企业在南开设立区域中心，"
    "并建立项目服务台账，跟踪每一个项目从洽谈到注册的各个环节，让企业安心扎根、放心发展。",
)
"""Two different reports on 南开区's 招商引资 (written for this test): must not pair."""


@dataclass
class Result:
    """What the detector found among the built pairs."""

    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    built: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    """The heads of two texts paired wrongly, the first with their exact containment."""
    reported: int = 0
    kinds: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0
    in_source: int = 0
    """Pairs of originals that share a passage in the source text itself (exact
    containment of the 3-grams ≥ ``neardup.OVERLAP``): related, not false."""

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.built.values()))

    @property
    def precision(self) -> float:
        return (self.reported - len(self.false_pairs)) / max(1, self.reported)


def originals(papers: bool = False) -> list[str]:
    """Article texts of at least 200 characters: the seeds' (and the 人民日报 pages')."""
    files = sorted(SAMPLES.glob("*.txt"))
    if papers and PAPERS.is_dir():
        files += sorted(PAPERS.glob("*.txt"))
    texts = []
    for path in files:
        for item in parse_decoded(read_file(path)).items:
            body = "\n".join(p.text for p in item.paragraphs)
            if item.kind == "article" and item.duplicate_of is None and len(body) >= 200:
                texts.append(body)
    return list(dict.fromkeys(texts)) + list(SAME_SUBJECT)


def edited(text: str, rng: random.Random, per: int = 60) -> str:
    """A copy with about one character in ``per`` changed, inserted or deleted."""
    chars = list(text)
    for _ in range(max(1, len(chars) // per)):
        at = rng.randrange(len(chars))
        action = rng.choice("cid")
        if action == "c":
            chars[at] = rng.choice("的一是在不了有和人这中大为上个国我以要他")
        elif action == "i":
            chars.insert(at, rng.choice("，的了又也"))
        elif len(chars) > 1:
            del chars[at]
    return "".join(chars)


def truncated(text: str, rng: random.Random) -> str:
    return text[: int(len(text) * rng.uniform(0.3, 0.7))]


def rewrapped(text: str, rng: random.Random) -> str:
    """Line breaks and spaces moved, punctuation half-width, digits full-width."""
    flat = text.replace("\n", "").replace("，", ",").replace("。", ". ")
    flat = flat.translate({ord(d): chr(ord(d) + 0xFEE0) for d in "0123456789"})
    width = rng.randint(18, 30)
    return "\n".join(flat[i:i + width] + ("  " if rng.random() < 0.3 else "")
                     for i in range(0, len(flat), width))


def embedded(text: str, other: str, rng: random.Random) -> str:
    """``text`` whole inside a longer article (new text around it)."""
    cut = rng.randrange(len(other))
    return other[:cut] + "\n" + text + "\n" + other[cut:]


def follow_up(text: str, other: str, rng: random.Random) -> str:
    """A later report quoting 60-80 % of ``text`` after new text of its own (``filler``)."""
    quoted = text[: int(len(text) * rng.uniform(0.6, 0.8))]
    return other[: len(quoted) // 2] + "\n" + quoted


def filler(text: str) -> str:
    """New text of the same vocabulary that shares no passage with any text of the pool:
    another article with each sentence's characters in reverse order."""
    return "。".join(part[::-1] for part in text.split("。"))


BUILDERS = ("edited", "truncated", "rewrapped", "embedded", "follow-up")


def build(texts: list[str], seed: int = 15) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The pool (originals, then variants) and the related pairs (i, j, how built)."""
    rng = random.Random(seed)
    pool = list(texts)
    related: list[tuple[int, int, str]] = []
    for n, text in enumerate(texts):
        other = filler(texts[(n + 1) % len(texts)])  # each filler serves one original
        variants = {
            "edited": edited(text, rng), "truncated": truncated(text, rng),
            "rewrapped": rewrapped(text, rng), "embedded": embedded(text, other, rng),
            "follow-up": follow_up(text, other, rng)}
        for how, variant in variants.items():
            related.append((n, len(pool), how))
            pool.append(variant)
    return pool, related


def detect(pool: list[str]) -> dict[tuple[int, int], neardup.Kind]:
    """Every pair of the pool the detector reports, as the library finds them: each text
    looks up the texts sharing its band keys, compares the ``neardup.CANDIDATES`` that
    share most; a pair counts when either of its texts finds it."""
    sigs = [neardup.signature(text) for text in pool]
    buckets: dict[int, list[int]] = defaultdict(list)
    for n, sig in enumerate(sigs):
        for key in neardup.band_keys(sig) if sig is not None else ():
            buckets[key].append(n)
    found: dict[tuple[int, int], neardup.Kind] = {}
    for n, sig in enumerate(sigs):
        if sig is None:
            continue
        ranked = neardup.ranked([buckets[key] for key in neardup.band_keys(sig)], n)
        candidates = [(m, sigs[m]) for m in islice(ranked, neardup.CANDIDATES)]
        for other, _, _, kind in neardup.relate(
                sig, [(m, s) for m, s in candidates if s is not None]):
            found[(min(n, other), max(n, other))] = kind
    return found


def overlapping(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of texts whose exact 3-gram containment reaches ``neardup.OVERLAP``."""
    sets = [neardup.shingles(neardup.normalise(text)) for text in texts]
    return [(i, j) for i, j in combinations(range(len(texts)), 2)
            if len(sets[i] & sets[j]) >= neardup.OVERLAP * min(len(sets[i]), len(sets[j]))]


def evaluate(texts: list[str], seed: int = 15) -> Result:
    pool, related = build(texts, seed)
    start = time.perf_counter()
    found = detect(pool)
    result = Result(seconds=time.perf_counter() - start, reported=len(found))
    truth = {(i, j): how for i, j, how in related}
    family = {j: i for i, j, _ in related}  # each text's original, then unions of them

    def root(n: int) -> int:
        while family.get(n, n) != n:
            n = family[n]
        return n

    for i, j in overlapping(texts):  # originals that already share a passage
        result.in_source += 1
        family[root(j)] = root(i)
    for i, j, how in related:
        result.built[how] += 1
        if (i, j) in found:
            result.found[how] += 1
            result.kinds[(how, found[(i, j)])] += 1
    for i, j in found:
        if (i, j) in truth:
            continue
        if root(i) == root(j):  # variants of one original, or of two that share a passage
            result.reported -= 1
            continue
        shared = neardup.exact(pool[i], pool[j])[1]
        result.false_pairs.append((f"{shared:.2f} {pool[i][:24]}", pool[j][:24]))
    return result


def report(result: Result, texts: int) -> None:
    print(f"{texts} originals; built pairs: {sum(result.built.values())}; "
          f"detection {result.seconds:.2f} s")
    for how in BUILDERS:
        kinds = ", ".join(f"{k} {c}" for (h, k), c in sorted(result.kinds.items()) if h == how)
        print(f"  {how:10} recall {result.found[how]}/{result.built[how]} ({kinds})")
    print(f"recall {result.recall:.3f}; precision {result.precision:.3f} "
          f"({len(result.false_pairs)} false of {result.reported} reported "
          f"among {sum(1 for _ in combinations(range(texts), 2)):,} originals' pairs, "
          f"{result.in_source} of which share a passage in the source)")
    for a, b in result.false_pairs[:10]:
        print("  false:", a, "|", b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--papers", action="store_true",
                        help="add the 人民日报 pages of ../shared/papers (when present)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if args.papers and not PAPERS.is_dir():
        print(f"no pages at {PAPERS}: the seeds only")
    texts = originals(args.papers)
    report(evaluate(texts, args.seed), len(texts))


if __name__ == "__main__":
    main()
