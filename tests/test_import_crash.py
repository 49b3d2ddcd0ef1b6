"""A kill -9 in the middle of an import leaves only whole issues, and a re-run finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import generate
from reader.library import Library

IMPORTER = """
import sys
from reader.library import Library
library = Library(sys.argv[1])
library.import_paths([sys.argv[2]], workers=1,
                     progress=lambda d, t, n: print(d, flush=True))
"""


def test_kill_during_import_leaves_whole_issues(tmp_path: Path) -> None:
    files = generate(tmp_path / "issues", issues=120, seed=3)
    db_path = tmp_path / "lib.sqlite"
    child = subprocess.Popen([sys.executable, "-c", IMPORTER, str(db_path),
                              str(tmp_path / "issues")], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    done = 0
    while done < 15 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        done = int(line)
    time.sleep(0.05)  # let it get into the middle of the next issue's transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert done >= 15, "the importer did not make progress"

    library = Library(db_path)
    assert library.integrity_errors() == []
    stored = library.issues()
    assert 15 <= len(stored) < len(files)
    for issue in stored:
        assert len(library.articles(issue.id)) == issue.item_count, issue.title
    report = library.import_paths([tmp_path / "issues"])
    assert len(report.skipped) == len(stored)
    assert len(library.issues()) == len(files)
