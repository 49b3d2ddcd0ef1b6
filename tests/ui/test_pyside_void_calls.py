"""Regression guard: PySide6 6.12.0 on Python < 3.12 aborts after ~5,000 void calls.

The crash kills the interpreter (``Fatal Python error: none_dealloc``), so the calls run
in a child process and the test reads its exit status (PLATFORM.md §1).
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

SCRIPT = f"""
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
document = QTextDocument("南开区" * 200)
cursor = QTextCursor(document)
fmt = QTextCharFormat()
for i in range({CALLS}):
    label.setText(str(i))              # void
    cursor.setPosition(i % 500)        # void
    cursor.mergeCharFormat(fmt)        # void
print("done", label.text())
"""


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"done {CALLS - 1}"
