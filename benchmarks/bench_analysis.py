"""Throughput of analyze_text against plain jieba.posseg.cut, side by side, and load time.

Both run in this process on the same paragraphs of the seed issues (resources/samples),
repeated until each measurement lasts a while; the best of ``--rounds`` rounds counts.
``jieba.posseg.cut`` runs with its defaults (HMM on), after its dictionary is loaded.
The load time of the analysis tokenizer and model is measured in fresh interpreters with
the cache already warm (the first run fills it).

Then ``baokan analyze`` as a whole process (``python -m reader analyze`` < text: interpreter
start, dictionary and model load included) on the seed text repeated ``--process-repeat``
times, against ``jieba.posseg.cut`` of the same text in this process (dictionary already
loaded: the strict yardstick) and as a whole process of its own, the three interleaved in
each of ``--process-rounds`` rounds (medians; wall clock and CPU); and the time of a first
analysis in a fresh process. Run it with bytecode allowed (``PYTHONDONTWRITEBYTECODE``
unset), as an installed copy runs.

Usage: ``python benchmarks/bench_analysis.py [--rounds N] [--repeat N]``
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.analyze import analyze_text, warm_up  # noqa: E402
from reader.core.analyze.segmenter import default_segmenter  # noqa: E402
from reader.core.analyze.tagger import default_tagger  # noqa: E402
from reader.core.resources import sample_issues  # noqa: E402

LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); "
    "from reader.core.analyze import warm_up; loaded = warm_up(); "
    "print(loaded, time.perf_counter() - t)"
)
FIRST_SNIPPET = (
    "from reader.core.analyze import analyze_text; "
    "analyze_text('南开区投资促进局局长李明轩在天津市南开区人民政府介绍了情况。')"
)
POSSEG_SNIPPET = (
    "import sys, jieba, jieba.posseg; jieba.setLogLevel(60); "
    "list(jieba.posseg.cut(sys.stdin.buffer.read().decode('utf-8')))"
)


def seed_paragraphs() -> list[str]:
    """Every non-empty line of the seed issues: the paragraphs the analysis sees."""
    lines = []
    for path in sample_issues():
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def best_rate(run: Callable[[], None], chars: int, rounds: int) -> float:
    """Characters per second of the fastest round."""
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return chars / best


def measure_throughput(paragraphs: list[str],
                       rounds: int) -> tuple[float, float, float, float, int]:
    """(analysis chars/s, posseg chars/s, model alone chars/s, segmenter alone chars/s,
    chars per round). The model alone is ``Tagger.spans`` given the segmenter's tokens
    (feature building, crfsuite, reading the labels): a ceiling for the whole analysis."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(jieba.posseg.cut("预热"))
    warm_up()
    chars = sum(map(len, paragraphs))

    def analysis() -> None:
        for text in paragraphs:
            analyze_text(text)

    def posseg() -> None:
        for text in paragraphs:
            list(jieba.posseg.cut(text))

    segmenter, tagger = default_segmenter(), default_tagger()
    tokens = [segmenter.tokens(text) for text in paragraphs]

    def model() -> None:
        for text, words in zip(paragraphs, tokens, strict=True):
            tagger.spans(text, words)

    def segment() -> None:
        for text in paragraphs:
            segmenter.tokens(text)

    analysis_rate = posseg_rate = model_rate = segment_rate = 0.0
    for _ in range(rounds):  # interleaved, so all see the same machine state
        analysis_rate = max(analysis_rate, best_rate(analysis, chars, 1))
        posseg_rate = max(posseg_rate, best_rate(posseg, chars, 1))
        model_rate = max(model_rate, best_rate(model, chars, 1))
        segment_rate = max(segment_rate, best_rate(segment, chars, 1))
    return analysis_rate, posseg_rate, model_rate, segment_rate, chars


def measure_load(runs: int = 3) -> list[float]:
    """Seconds ``warm_up()`` takes in fresh interpreters (the first run warms the cache)."""
    times = []
    for _ in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
        times.append(float(out[0]))
    return times[1:]


def child_run(args: list[str], stdin: Path | None) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process (``-m`` or ``-c`` arguments to this Python);
    CPU is the child's user + system time, which the other sessions of a shared machine
    disturb much less than the wall clock."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    handle = stdin.open("rb") if stdin else subprocess.DEVNULL
    began = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdin=handle,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    if stdin:
        handle.close()  # type: ignore[union-attr]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_process(paragraphs: list[str], runs: int) -> dict[str, float]:
    """``baokan analyze`` as a process against posseg in this process and as a process,
    **interleaved**: each round runs the three one after the other, so all see the same
    machine state; the medians of the rounds and of their ratios are reported."""
    import statistics
    import tempfile

    import jieba
    import jieba.posseg

    text = "\n".join(paragraphs)
    jieba.initialize()
    rounds: list[tuple[tuple[float, float], tuple[float, float], float]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "text.txt"
        path.write_text(text, encoding="utf-8")
        child_run(["-m", "reader", "analyze"], path)  # warm caches
        for _ in range(runs):
            analyze = child_run(["-m", "reader", "analyze"], path)
            cpu, began = time.process_time(), time.perf_counter()
            list(jieba.posseg.cut(text))
            posseg = (time.perf_counter() - began, time.process_time() - cpu)
            rounds.append((analyze, posseg, child_run(["-c", POSSEG_SNIPPET], path)[0]))
    first_s = min(child_run(["-c", FIRST_SNIPPET], None)[0] for _ in range(3))

    def median(values: list[float]) -> float:
        return float(statistics.median(values))

    return {"process_chars": len(text), "rounds": len(rounds),
            "analyze_process_s": median([a[0] for a, _p, _q in rounds]),
            "analyze_process_cpu_s": median([a[1] for a, _p, _q in rounds]),
            "posseg_in_process_s": median([p[0] for _a, p, _q in rounds]),
            "posseg_in_process_cpu_s": median([p[1] for _a, p, _q in rounds]),
            "posseg_process_s": median([q for _a, _p, q in rounds]),
            "process_ratio_strict": median([p[0] / a[0] for a, p, _q in rounds]),
            "process_ratio_strict_cpu": median([p[1] / a[1] for a, p, _q in rounds]),
            "process_ratio_strict_lowest": min(p[0] / a[0] for a, p, _q in rounds),
            "process_ratio": median([q / a[0] for a, _p, q in rounds]),
            "first_analysis_s": first_s}


def machine() -> str:
    """A one-line description of where the numbers were taken."""
    import os

    return (f"{os.cpu_count()} cores, {platform.python_implementation()} "
            f"{platform.python_version()}, {platform.platform(terse=True)}")


def main(argv: list[str] | None = None) -> int:
    """Print throughput of both, their ratio, and the warm load time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the seed text")
    parser.add_argument("--process-repeat", type=int, default=10,
                        help="copies of the seed text given to baokan analyze")
    parser.add_argument("--process-rounds", type=int, default=7,
                        help="interleaved rounds of the whole-process comparison")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    paragraphs = seed_paragraphs() * args.repeat
    analysis_rate, posseg_rate, model_rate, segment_rate, chars = \
        measure_throughput(paragraphs, args.rounds)
    loads = measure_load()
    process = measure_process(seed_paragraphs() * args.process_repeat, args.process_rounds)
    result = {"machine": machine(), "chars": chars, "analysis_chars_per_s": round(analysis_rate),
              "posseg_chars_per_s": round(posseg_rate),
              "ratio": round(analysis_rate / posseg_rate, 2),
              "model_alone_chars_per_s": round(model_rate),
              "segmenter_alone_chars_per_s": round(segment_rate),
              "load_s_warm_cache": [round(t, 3) for t in loads],
              **{k: round(v, 3) for k, v in process.items()}}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"machine: {result['machine']}")
    print(f"text: {len(paragraphs)} paragraphs, {chars} characters per round, "
          f"best of {args.rounds} rounds")
    print(f"analyze_text:            {analysis_rate:>10,.0f} chars/s")
    print(f"jieba.posseg.cut (HMM):  {posseg_rate:>10,.0f} chars/s")
    print(f"ratio:                   {analysis_rate / posseg_rate:>10.2f}x (target >= 2.5)")
    print(f"model alone (features, crfsuite, labels; tokens given): {model_rate:,.0f} chars/s "
          f"= {model_rate / posseg_rate:.2f}x posseg; segmenter alone: {segment_rate:,.0f} "
          f"chars/s = {segment_rate / posseg_rate:.2f}x")
    print(f"tokenizer + model load, warm cache: {', '.join(f'{t:.2f} s' for t in loads)} "
          f"(target < 1.5 s)")
    print(f"whole process on {process['process_chars']:,} characters, medians of "
          f"{process['rounds']:.0f} interleaved rounds: baokan analyze "
          f"{process['analyze_process_s']:.2f} s ({process['analyze_process_cpu_s']:.2f} s CPU); "
          f"posseg in this process {process['posseg_in_process_s']:.2f} s "
          f"({process['posseg_in_process_cpu_s']:.2f} s CPU), as a process "
          f"{process['posseg_process_s']:.2f} s")
    print(f"ratio, process / posseg in process: {process['process_ratio_strict']:.2f}x wall, "
          f"{process['process_ratio_strict_cpu']:.2f}x CPU (lowest round "
          f"{process['process_ratio_strict_lowest']:.2f}x); process / process: "
          f"{process['process_ratio']:.2f}x (target >= 2.5)")
    print(f"first analysis in a fresh process: {process['first_analysis_s']:.2f} s "
          f"(target <= 1.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
