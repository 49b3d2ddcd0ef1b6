"""Refresh resources/translations/*.ts from the UI sources, keep the translations, compile .qm.

``pyside6-lupdate`` extracts the strings; this script then files the strings of our two
``tr`` helpers under their real context (lupdate sees ``tr("NotesPanel", "Add note")`` as
source "NotesPanel" with comment "Add note", and a one-argument module helper as the
empty context), carries existing translations over by (context, source), and runs
``pyside6-lrelease``. Translate the ``unfinished`` entries with Qt Linguist, then run again.

Run: .venv/bin/python tools/update_translations.py [--check]
``--check`` writes nothing and exits 1 when the .ts misses strings or has unfinished ones.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = [ROOT / "reader" / "ui", ROOT / "reader" / "app.py"]
LANGUAGES = ["zh_CN"]
HELPER = re.compile(r"def tr\(text[^)]*\)[^:]*:\s*return QCoreApplication\.translate\(\"(\w+)\"")
Key = tuple[str, str]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def extract(language: str) -> ET.Element:
    """lupdate's view of the sources, as a fresh TS element."""
    files = [str(p) for s in SOURCES for p in ([s] if s.is_file() else sorted(s.glob("*.py")))]
    with tempfile.TemporaryDirectory(dir=FOLDER) as tmp:
        ts = Path(tmp) / "extract.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-target-language", language,
                        *files, "-ts", str(ts)], check=True, capture_output=True)
        root = ET.parse(ts).getroot()
        for location in root.iter("location"):
            source = Path(os.path.normpath(Path(tmp) / location.get("filename", "")))
            location.set("filename", "../../" + source.relative_to(ROOT).as_posix())
    return root


def helper_context(filename: str) -> str | None:
    """The fixed context of a module's one-argument ``tr(text)`` helper, if it has one."""
    for source in SOURCES:
        path = source / filename if source.is_dir() else source
        if path.name == filename and path.exists():
            found = HELPER.search(path.read_text(encoding="utf-8"))
            return found.group(1) if found else None
    return None


def messages(root: ET.Element) -> dict[Key, ET.Element]:
    """Every message by (context, source), with the helpers' strings refiled."""
    found: dict[Key, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            for part in _by_helper(name, message):
                found.setdefault(_refile(name, part), part)
    return found


def _by_helper(context: str, message: ET.Element) -> list[ET.Element]:
    """lupdate files one source string of several modules' one-argument helpers as one
    message (they share the empty context): split it into one per helper context, so
    ``tr("Articles")`` of two modules gets a translation under each module's context."""
    locations = message.findall("location")
    if context or message.find("comment") is not None or len(locations) < 2:
        return [message]
    groups: dict[str, list[ET.Element]] = {}
    for location in locations:
        helper = helper_context(Path(location.get("filename", "")).name) or ""
        groups.setdefault(helper, []).append(location)
    if len(groups) < 2:
        return [message]
    parts = []
    for group in groups.values():
        part = copy.deepcopy(message)
        for location in part.findall("location"):
            part.remove(location)
        for number, location in enumerate(group):
            part.insert(number, copy.deepcopy(location))
        parts.append(part)
    return parts


def _refile(context: str, message: ET.Element) -> Key:
    source = message.findtext("source") or ""
    if context:
        return context, source
    comment = message.find("comment")
    if comment is not None and comment.text:
        message.remove(comment)
        message.find("source").text = comment.text  # type: ignore[union-attr]
        return source, comment.text
    location = message.find("location")
    filename = Path(location.get("filename", "")).name if location is not None else ""
    return helper_context(filename) or "", source


def merged(fresh: dict[Key, ET.Element], old: dict[Key, ET.Element]) -> dict[Key, ET.Element]:
    for key, message in fresh.items():
        previous = old.get(key)
        if previous is not None and previous.find("translation") is not None:
            message.remove(message.find("translation"))  # type: ignore[arg-type]
            message.append(previous.find("translation"))  # type: ignore[arg-type]
    return fresh


def document(language: str, found: dict[Key, ET.Element]) -> ET.ElementTree:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    for context_name in sorted({context for context, _ in found}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for (name, _source), message in found.items():
            if name == context_name:
                context.append(message)
    ET.indent(root, space="    ")
    return ET.ElementTree(root)


def unfinished(found: dict[Key, ET.Element]) -> list[Key]:
    return [key for key, message in found.items()
            if (message.find("translation") is None
                or message.find("translation").get("type") == "unfinished")]  # type: ignore[union-attr]


def update(language: str, check: bool) -> list[str]:
    """Refresh one language's .ts (or, with ``check``, only list its problems)."""
    path = FOLDER / f"baokan_{language}.ts"
    old = messages(ET.parse(path).getroot()) if path.exists() else {}
    fresh = merged(messages(extract(language)), old)
    problems = [f"missing: {key}" for key in fresh if key not in old]
    problems += [f"unfinished: {key}" for key in unfinished(fresh)]
    if not check:
        with path.open("wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            document(language, fresh).write(out, encoding="utf-8")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(path), "-qm",
                        str(path.with_suffix(".qm"))], check=True)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="write nothing; report problems")
    args = parser.parse_args()
    problems = [f"{lang}: {p}" for lang in LANGUAGES for p in update(lang, args.check)]
    print("\n".join(problems) or "translations complete")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
