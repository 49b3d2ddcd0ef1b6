"""Parsing speed on adversarial input shapes: parse must stay linear, >= 5 MB/s on each.

Each shape is text written to stress one path of the parser (copies, tails, anchors,
hard wraps, titles without bodies …), generated here, several megabytes long. The text
is decoded and parsed (no analysis) as one issue file; the script prints MB/s per shape
and whether the target is met, from the wall-clock time and from the CPU time of this
process (on a shared machine other work stretches the first, much less the second).

Run: ``python benchmarks/bench_parse_shapes.py [--mb 4] [--repeat 3] [--only NAME]``
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.decode import decode_bytes  # noqa: E402
from reader.core.parse import parse_decoded  # noqa: E402

TARGET_MB_S = 5.0
WORDS = ["城市", "发展", "经济", "会议", "工作", "建设", "推动", "全面", "改革", "创新", "产业",
         "服务", "企业", "项目", "管理", "社区"]
NAMES = ["王伟", "李娜", "张强", "刘洋", "陈静", "杨磊", "赵敏", "黄涛"]


def _filled(piece: Callable[[random.Random, int], str], megabytes: float) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    size, n = 0, 0
    while size < megabytes * 1e6:
        text = piece(rng, n)
        parts.append(text)
        size += len(text.encode("utf-8"))
        n += 1
    return "".join(parts)


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random) -> str:
    return "，".join(_phrase(rng, 2, 6) for _ in range(rng.randint(1, 4))) + "。"


def _article(rng: random.Random, n: int) -> str:
    body = "\n\n".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
    return f"{_phrase(rng, 3, 6)}\n\n■ 记者 {rng.choice(NAMES)}\n\n{body}\n\n"


SAME_ITEM = ("市政府召开常务会议\n\n■ 记者 张伟\n\n会议研究部署城市更新工作，要求各区抓紧制定方案。"
             "\n\n会议强调，要确保按期开工。\n\n")
SAME_PARAGRAPH = "会议研究部署城市更新工作，要求各区抓紧制定方案和时间表。\n\n"

SHAPES: dict[str, Callable[[random.Random, int], str]] = {
    "articles (blank lines, bylines)": _article,
    "one item repeated (copies)": lambda rng, n: SAME_ITEM,
    "headless copies of one paragraph": lambda rng, n: SAME_PARAGRAPH,
    "short lines, no blank lines": lambda rng, n: _phrase(rng, 1, 3) + "\n",
    "short lines between blank lines": lambda rng, n: _phrase(rng, 1, 3) + "\n\n",
    "unfinished lines (all tails)": lambda rng, n: _phrase(rng, 4, 10) + "，\n\n",
    "bylines only": lambda rng, n: f"■ 记者 {rng.choice(NAMES)}\n",
    "title + byline, no body": lambda rng, n: f"{_phrase(rng, 2, 4)}\n■ 记者 {rng.choice(NAMES)}\n",
    "photo credits only": lambda rng, n: f"{rng.choice(NAMES)} 摄\n",
    "caption + credit": lambda rng, n: f"▲{_sentence(rng)}\n通讯员 {rng.choice(NAMES)} 摄\n",
    "page furniture every other line": lambda rng, n: (
        f"第{n % 20 + 1:02d}版：要闻\n{_phrase(rng, 3, 8)}\n"),
    "flush titles, indented one-line bodies": lambda rng, n: (
        f"{_phrase(rng, 2, 5)}\n\u3000\u3000{_sentence(rng)}\n"),
    "indented lines, no titles": lambda rng, n: f"\u3000\u3000{_sentence(rng)}\n",
    "hard-wrapped at 20 columns with footers": lambda rng, n: (
        "\n".join(_wrap("\u3000\u3000" + "".join(_sentence(rng) for _ in range(3)), 20))
        + (f"\n第 {n} 页\n" if n % 30 == 29 else "\n")),
    "one open article and many tails": lambda rng, n: (
        "标题\n\n■ 记者 张伟\n\n这篇文章没有写完，后面的内容\n\n" if n == 0
        else f"▲{_sentence(rng)}\n\n记者 王五 摄\n\n{_phrase(rng, 3, 8)}\n\n"),
    "messy characters": lambda rng, n: "".join(
        rng.choice("南开区记者通讯员摄本报讯电王李张会议。，、！？…“”()（）■▲:：0123 \u3000\n")
        for _ in range(200)),
}


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def one_line(megabytes: float) -> str:
    return "南开区深入开展消防安全集中除患攻坚大整治行动，" * int(megabytes * 1e6 / 72)


def measure(text: str, repeat: int) -> tuple[float, float, float]:
    """Size in MB, median wall-clock seconds and median CPU seconds of decode + parse."""
    data = text.encode("utf-8")
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        parse_decoded(decode_bytes(data, "shape.txt"))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return len(data) / 1e6, statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0, help="size of each shape")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="run the shapes whose name contains this")
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {platform.system()}")
    shapes = {name: _filled(piece, args.mb) for name, piece in SHAPES.items()
              if args.only in name}
    if args.only in "one line without breaks":
        shapes["one line without breaks"] = one_line(args.mb)
    if args.only in "1 million short lines (17 MB)":
        shapes["1 million short lines (17 MB)"] = "南开区会议工作纪要\n" * 1_000_000
    slowest = slowest_cpu = float("inf")
    print(f"{'shape':<42} {'size':>9}  {'wall':>8} {'MB/s':>6}   {'cpu':>7} {'MB/s':>6}")
    for name, text in shapes.items():
        size, seconds, cpu = measure(text, args.repeat)
        rate, cpu_rate = size / seconds, size / cpu
        slowest, slowest_cpu = min(slowest, rate), min(slowest_cpu, cpu_rate)
        print(f"{name:<42} {size:6.1f} MB  {seconds:6.2f} s {rate:6.1f}   {cpu:5.2f} s "
              f"{cpu_rate:6.1f}", flush=True)
    for label, rate in (("wall-clock", slowest), ("CPU time", slowest_cpu)):
        verdict = "met" if rate >= TARGET_MB_S else "NOT met"
        print(f"slowest shape by {label}: {rate:.1f} MB/s; target {TARGET_MB_S:.0f} MB/s on "
              f"every shape: {verdict}")


if __name__ == "__main__":
    main()
