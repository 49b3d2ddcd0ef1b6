"""Turn one issue file into a parsed, analysed Issue: the work a background process does."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from reader.core.analyze import Corrections, analyze_issue
from reader.core.decode import DecodeError, decode_bytes, read_bytes
from reader.core.model import Issue
from reader.core.neardup import Signature, issue_signatures
from reader.core.parse import parse_decoded
from reader.core.splits import FixRow, apply_fixes, describe, fixes_from_rows

ISSUE_SUFFIXES = (".txt", ".text")


@dataclass
class Prepared:
    """An issue ready to be stored."""

    path: str
    issue: Issue
    parse: Issue | None = None
    """The parse before the reader's split corrections, when it has any (to replay them)."""
    signatures: list[Signature | None] | None = None
    """Each item's near-duplicate signature, computed here so the importing process
    only looks them up (``reader.core.neardup``)."""


@dataclass
class Known:
    """A file whose exact bytes the library already holds (nothing more was done)."""

    path: str
    sha256: str


KNOWN: frozenset[str] = frozenset()
"""The hashes the library holds, set once in each worker process (``set_known``)."""


WORKER_NICENESS = 5
"""How much lower a worker process runs than the app: the window (and whatever else the
reader does) keeps the CPU when an import competes with it for the cores."""


def set_known(hashes: frozenset[str]) -> None:
    """Worker initializer: the hashes to skip, sent once per process, not per file; and a
    lower priority for the process (where the OS has one)."""
    global KNOWN  # one value per worker process, set before any task
    KNOWN = hashes
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


@dataclass
class Failed:
    """A file that could not be read, with the reason to show the user."""

    path: str
    reason: str


CorrectionRows = tuple[tuple[str, str, str, str], ...]
"""(action, type, name, target) rows as the library stores them; plain data for workers."""


def corrections_from_rows(rows: CorrectionRows) -> Corrections:
    """The analysis' Corrections from stored rows: rejected names and alias merges."""
    return Corrections(
        rejected=frozenset(name for action, _, name, _ in rows if action == "reject"),
        aliases={name: target for action, _, name, target in rows if action == "merge"},
    )


def prepare(path: str, corrections: CorrectionRows = (), analyze: bool = True,
            fixes: tuple[FixRow, ...] = (), known: frozenset[str] | None = None
            ) -> Prepared | Known | Failed:
    """Read one file once: hash it (skip it if the library holds these bytes, ``known``
    or the worker's KNOWN), decode, parse, apply the issue's split corrections and
    analyse; never raises for a bad file. A correction that no longer applies becomes a
    warning."""
    try:
        data, name = read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        if sha in (KNOWN if known is None else known):
            return Known(path, sha)
        issue = parse_decoded(decode_bytes(data, name, sha))
        parse = None
        if fixes:
            parse = copy.deepcopy(issue)
            issue = correct(issue, fixes)
        if not analyze:
            return Prepared(path, issue, parse)
        analyze_issue(issue, corrections_from_rows(corrections))
        return Prepared(path, issue, parse, issue_signatures(issue))
    except DecodeError as error:
        return Failed(path, error.reason)
    except (RecursionError, MemoryError, ValueError, UnicodeError) as error:
        return Failed(path, f"could not be parsed ({type(error).__name__}: {error})")


def correct(issue: Issue, fixes: tuple[FixRow, ...]) -> Issue:
    """``issue`` with its stored split corrections applied; stale ones become warnings."""
    listed = fixes_from_rows(fixes)
    applied = apply_fixes(issue, listed)
    for n, reason in applied.stale:
        applied.issue.warnings.append(
            f"split correction {n + 1} ({describe(listed[n])}) no longer applies: {reason}")
    return applied.issue


def collect_files(paths: list[str | Path]) -> tuple[list[Path], list[Failed]]:
    """Issue files named or found (recursively, *.txt) under the given paths, in order."""
    found: list[Path] = []
    missing: list[Failed] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if _is_issue_file(p))
        elif path.exists():
            found.append(path)
        else:
            missing.append(Failed(str(path), "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, missing


def _is_issue_file(path: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.parts[-2:])
    return path.is_file() and path.suffix.lower() in ISSUE_SUFFIXES and not hidden
