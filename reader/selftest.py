"""``baokan --self-test``: prove an installed copy or a bundle works, offscreen, end to end."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def run_self_test(echo: Callable[[str], None] = print) -> int:
    """Open a temporary library, import a sample, render an article, export a CSV.

    Prints one line per check and returns 0 if all passed, 1 otherwise.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[tuple[str, Callable[[dict[str, object]], str]]] = [
        ("resources", _check_resources),
        ("import", _check_import),
        ("analysis", _check_analysis),
        ("model", _check_model),
        ("search", _check_search),
        ("render", _check_render),
        ("export", _check_export),
        ("chart", _check_chart),
    ]
    state: dict[str, object] = {}
    failures = 0
    with tempfile.TemporaryDirectory(prefix="baokan-selftest-") as work:
        state["work"] = Path(work)
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check(state)
                echo(f"ok   {name:<9} {detail} ({time.perf_counter() - started:.2f} s)")
            except Exception as error:  # report every failure, keep checking
                failures += 1
                echo(f"FAIL {name:<9} {type(error).__name__}: {error}")
        library = state.get("library")
        if library is not None:
            library.close()  # type: ignore[attr-defined]
    echo(f"self-test: {len(checks) - failures} passed, {failures} failed "
         f"(Python {sys.version.split()[0]}, frozen={getattr(sys, 'frozen', False)})")
    return 1 if failures else 0


def _check_resources(state: dict[str, object]) -> str:
    from reader.core.resources import resources_dir, sample_issues

    samples = sample_issues()
    if not samples:
        raise RuntimeError("no sample issues shipped")
    state["sample"] = samples[0]
    return f"{len(samples)} samples in {resources_dir()}"


def _check_import(state: dict[str, object]) -> str:
    from reader.library import Library

    library = Library(Path(str(state["work"])) / "library.sqlite")
    state["library"] = library
    report = library.import_paths([Path(str(state["sample"]))])
    if len(report.imported) != 1 or report.failed:
        raise RuntimeError(f"import report {report}")
    issues = library.issues()
    return f"{issues[0].source_name}: {issues[0].item_count} items"


def _library(state: dict[str, object]):  # type: ignore[no-untyped-def]
    return state["library"]


def _check_analysis(state: dict[str, object]) -> str:
    library = _library(state)
    count = library.db.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
    figures = library.db.execute("SELECT count(*) FROM figures").fetchone()[0]
    if not count or not figures:
        raise RuntimeError("no entities or figures found (jieba dictionary missing?)")
    return f"{count} entity mentions, {figures} figures"


def _check_model(state: dict[str, object]) -> str:
    from reader.core.analyze.segmenter import default_segmenter
    from reader.core.analyze.tagger import default_tagger

    tagger = default_tagger()
    if not tagger.available:
        raise RuntimeError(f"entity model missing: {tagger.path}")
    seconds = tagger.load()
    text = "参加座谈的还有张建新、刘海燕等居民代表。"
    persons = [s for s in tagger.spans(text, default_segmenter().tokens(text))
               if s.type == "person"]
    if not persons:
        raise RuntimeError("the entity model found no person in a test sentence")
    return f"{tagger.path.name} ({tagger.path.stat().st_size:,} bytes) opened in {seconds:.2f} s"


def _check_search(state: dict[str, object]) -> str:
    hits = _library(state).search("南开", limit=5)
    if not hits:
        raise RuntimeError("searching 南开 found nothing")
    state["article_id"] = hits[0].article_id
    return f"南开 → {len(hits)} hits"


def _check_render(state: dict[str, object]) -> str:
    from PySide6.QtWidgets import QApplication

    from reader.ui.article_view import ArticleView

    app = QApplication.instance() or QApplication(["baokan-self-test"])
    platform_name = QApplication.platformName()
    library = _library(state)
    article_id = int(str(state["article_id"]))
    view = ArticleView()
    view.resize(800, 600)
    highlights = library.highlights(article_id)
    view.show_article(library.article(article_id), highlights)
    image = view.grab()
    app.processEvents()
    if image.isNull() or not view.toPlainText().strip():
        raise RuntimeError("the article view rendered nothing")
    return (f"article {article_id}: {len(view.toPlainText())} chars, {len(highlights)} "
            f"highlights, {image.width()}x{image.height()} px on {platform_name}")


def _check_export(state: dict[str, object]) -> str:
    library = _library(state)
    out = Path(str(state["work"])) / "figures.csv"
    rows = library.export_csv("figures", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    if len(read) != rows + 1 or not out.read_bytes().startswith(b"\xef\xbb\xbf"):
        raise RuntimeError("the CSV did not round-trip")
    return f"{rows} figure rows to CSV with BOM"


def _check_chart(state: dict[str, object]) -> str:
    """pyqtgraph (and numpy) are in the bundle, run on PySide6, and export PNG and SVG."""
    import pyqtgraph
    from PySide6.QtWidgets import QApplication

    from reader.core.timeline import Series, make_timeline
    from reader.ui.chart import TimelineChart

    app = QApplication.instance() or QApplication(["baokan-self-test"])
    binding = pyqtgraph.Qt.QT_LIB
    if binding != "PySide6":
        raise RuntimeError(f"pyqtgraph runs on {binding}, not PySide6")
    chart = TimelineChart()
    chart.resize(600, 300)
    chart.set_timeline(make_timeline("month", "articles", [
        (Series("query", "南开"), {"2024-01-05": 3, "2024-03-01": 5})]), ["南开"])
    app.processEvents()
    work = Path(str(state["work"]))
    chart.export_png(str(work / "chart.png"), width=600)
    chart.export_svg(str(work / "chart.svg"))
    sizes = [(work / name).stat().st_size for name in ("chart.png", "chart.svg")]
    if not all(sizes):
        raise RuntimeError("the chart exported an empty file")
    return f"pyqtgraph {pyqtgraph.__version__} on {binding}: PNG {sizes[0]} B, SVG {sizes[1]} B"
