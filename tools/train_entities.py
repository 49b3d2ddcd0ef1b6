"""Train the entity tagger (resources/models/entities.crfsuite) from the MSRA NER train split.

Reads only the training file given (BIO, one ``character<TAB>tag`` a line, blank line between
sentences), segments each sentence with the analysis segmenter (our dictionaries, no user
word list), turns BIO into BIOES, and trains a linear-chain CRF with python-crfsuite
(L-BFGS, one thread, sentences in file order: the run is deterministic). Writes the model and
``entities.json`` beside it: the data's source and sha256, the settings, the versions and the
model's own sha256, so a rebuild can be checked against the shipped file.

    pip install -e '.[test]'   # python-crfsuite is a runtime dependency
    python tools/train_entities.py DATA/msra_train.bio
    python tools/train_entities.py DATA/msra_train.bio --check   # rebuild, compare

``--dev FILE`` scores the new model on a development file after training (strict spans,
BIO tags, model alone); ``--limit N`` trains on the first N sentences (for quick trials).
Never pass a public test split to either.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.analyze.segmenter import Segmenter  # noqa: E402
from reader.core.analyze.tagger import FEATURE_VERSION, MODEL_PATH, features, spans_of  # noqa: E402

SOURCES = {
    "msra_train.bio": "MSRA NER train split (SIGHAN 2006 bakeoff, simplified Chinese news of "
                      "1998) as published in github zhooufeng/Data (MSRA.zip, commit 5336c796); "
                      "sentences that occur in, or share a 20-character stretch with, a public "
                      "test split removed",
}
SETTINGS = {"algorithm": "lbfgs", "c1": 0.05, "c2": 0.01, "max_iterations": 150,
            "feature.minfreq": 1, "feature.possible_transitions": True}
Sentence = tuple[str, list[str]]


def read_bio(path: Path) -> Iterator[Sentence]:
    """(text, tags) of every sentence of a BIO file."""
    chars: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), tags
                chars, tags = [], []
                continue
            char, _, tag = line.partition("\t")
            chars.append(char[:1] or " ")
            tags.append(tag.strip() or "O")
    if chars:
        yield "".join(chars), tags


def bioes(tags: list[str]) -> list[str]:
    """BIO tags rewritten as BIOES (single-character mentions S-, last characters E-)."""
    out = []
    for index, tag in enumerate(tags):
        nxt = tags[index + 1] if index + 1 < len(tags) else "O"
        continues = nxt == "I-" + tag[2:]
        if tag.startswith("B-"):
            out.append(tag if continues else "S-" + tag[2:])
        elif tag.startswith("I-"):
            out.append(tag if continues else "E-" + tag[2:])
        else:
            out.append("O")
    return out


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def clean_segmenter() -> Segmenter:
    """The analysis segmenter with our dictionaries only (never the user's word list)."""
    scratch = Path(tempfile.mkdtemp(prefix="baokan-train-"))
    return Segmenter(cache_dir=scratch, user_dict=scratch / "no-user-dict.txt")


def train(data: Path, out: Path, settings: dict[str, object], limit: int | None) -> int:
    """Train on ``data`` and write the model to ``out``; return the sentences used."""
    import pycrfsuite

    seg = clean_segmenter()
    params = dict(settings)
    trainer = pycrfsuite.Trainer(algorithm=str(params.pop("algorithm")), verbose=False)
    used = 0
    for text, tags in read_bio(data):
        if limit is not None and used >= limit:
            break
        trainer.append(features(text, seg.tokens(text)), bioes(tags))
        used += 1
    trainer.set_params(params)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return used


def evaluate(model: Path, dev: Path) -> dict[str, dict[str, float]]:
    """Strict span P/R/F1 per type and micro of the model alone on a BIO file."""
    import pycrfsuite

    seg = clean_segmenter()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts: dict[str, list[int]] = {}
    for text, tags in read_bio(dev):
        want = set(spans_of(bioes(tags)))
        got = set(spans_of(tagger.tag(features(text, seg.tokens(text)))))
        for kind in {m[0] for m in want | got} | {"micro"}:
            row = counts.setdefault(kind, [0, 0, 0])
            for slot, mentions in enumerate((want & got, got, want)):
                row[slot] += sum(1 for m in mentions if kind in ("micro", m[0]))
    return {kind: _prf(*row) for kind, row in sorted(counts.items())}


def _prf(tp: int, found: int, gold: int) -> dict[str, float]:
    p = tp / found if found else 1.0
    r = tp / gold if gold else 1.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r), 4) if p + r
            else 0.0, "gold": gold}


def provenance(data: Path, model: Path, settings: dict[str, object], used: int,
               seconds: float) -> dict[str, object]:
    """What the model was built from, to check a rebuild against."""
    import jieba
    import pycrfsuite

    dict_dir = ROOT / "resources" / "dict"
    return {
        "model": model.name, "model_sha256": sha256(model), "model_bytes": model.stat().st_size,
        "feature_version": FEATURE_VERSION,
        "data": {"file": data.name, "sha256": sha256(data), "sentences": used,
                 "source": SOURCES.get(data.name, "unknown")},
        "settings": settings,
        "dictionaries_sha256": {p.name: sha256(p) for p in sorted(dict_dir.glob("*.txt"))},
        "versions": {"python": platform.python_version(), "jieba": jieba.__version__,
                     "python-crfsuite": getattr(pycrfsuite, "__version__", "?"),
                     "platform": platform.platform(terse=True)},
        "train_seconds": round(seconds),
    }


def main(argv: list[str] | None = None) -> int:
    """Train, record provenance, optionally score on a dev file or compare to the shipped model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="msra_train.bio")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / Path(*MODEL_PATH))
    parser.add_argument("--dev", type=Path, help="BIO development file to score on")
    parser.add_argument("--limit", type=int, help="train on the first N sentences only")
    parser.add_argument("--iterations", type=int, default=SETTINGS["max_iterations"])
    parser.add_argument("--c1", type=float, default=SETTINGS["c1"])
    parser.add_argument("--c2", type=float, default=SETTINGS["c2"])
    parser.add_argument("--check", action="store_true",
                        help="train into a temporary file and compare with the shipped model")
    args = parser.parse_args(argv)
    settings = {**SETTINGS, "max_iterations": args.iterations, "c1": args.c1, "c2": args.c2}
    out = Path(tempfile.mkdtemp()) / args.out.name if args.check else args.out
    print(f"data {args.data} sha256 {sha256(args.data)}", flush=True)
    began = time.perf_counter()
    used = train(args.data, out, settings, args.limit)
    seconds = time.perf_counter() - began
    record = provenance(args.data, out, settings, used, seconds)
    print(f"trained on {used} sentences in {seconds:.0f} s: {out} "
          f"({record['model_bytes']} bytes, sha256 {record['model_sha256']})", flush=True)
    if args.dev:
        record["dev"] = {"file": args.dev.name, "sha256": sha256(args.dev),
                         "scores": evaluate(out, args.dev)}
        print(json.dumps(record["dev"], ensure_ascii=False, indent=1))
    if args.check:
        shipped = json.loads(args.out.with_suffix(".json").read_text(encoding="utf-8"))
        same = shipped["model_sha256"] == record["model_sha256"]
        print("rebuild is bit-for-bit identical" if same else
              f"rebuild differs from the shipped model ({shipped['model_sha256']})")
        return 0 if same else 1
    out.with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
