"""Build the native one-folder bundle of Baokan Reader for this OS with PyInstaller.

Usage: python packaging/build.py [--self-test] [--no-tarball]

Makes dist/BaokanReader/ (Windows: BaokanReader.exe windowed + baokan.exe console;
Linux: the same without .exe, plus a .desktop file, icons and a tarball; macOS:
dist/Baokan Reader.app). Needs the extra `package` (pip install -e '.[package]').
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from reader import __version__  # noqa: E402

DESKTOP = """[Desktop Entry]
Type=Application
Name=Baokan Reader
Name[zh_CN]=报刊阅读器
Comment=Read, search and annotate Chinese newspaper issues
Comment[zh_CN]=阅读、检索和批注中文报纸
Exec=BaokanReader %F
Icon=baokan-reader
Terminal=false
Categories=Office;Education;Viewer;
MimeType=text/plain;
"""


def render_icons(out: Path) -> dict[str, Path]:
    """PNG icons from resources/icons/baokan.svg, plus .ico/.icns where Pillow can."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "baokan.svg"))
    out.mkdir(parents=True, exist_ok=True)
    pngs: dict[str, Path] = {}
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        pngs[str(size)] = out / f"baokan-{size}.png"
        image.save(str(pngs[str(size)]))
    try:
        from PIL import Image
    except ImportError:
        return pngs
    big = Image.open(pngs["512"])
    big.save(out / "baokan.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])
    big.save(out / "baokan.icns")
    pngs["ico"], pngs["icns"] = out / "baokan.ico", out / "baokan.icns"
    return pngs


def version_file(out: Path) -> Path:
    """Windows version resource (file and product version, names)."""
    numbers = (*(int(n) for n in __version__.split(".")[:3]), 0)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Baokan Reader'),
    StringStruct('FileDescription', 'Baokan Reader 报刊阅读器'),
    StringStruct('FileVersion', '{__version__}'),
    StringStruct('ProductName', 'Baokan Reader'),
    StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])])
"""
    path = out / "version.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_pyinstaller(icons: dict[str, Path]) -> None:
    icon = icons.get("ico") if sys.platform == "win32" else icons.get("icns") \
        if sys.platform == "darwin" else icons["256"]
    env = {**os.environ, "BAOKAN_ICON": str(icon or ""), "BAOKAN_VERSION": __version__,
           "BAOKAN_VERSION_FILE": str(version_file(BUILD)) if sys.platform == "win32" else ""}
    subprocess.run([sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "baokan.spec"),
                    "--noconfirm", "--clean", "--distpath", str(DIST), "--workpath",
                    str(BUILD / "pyinstaller")], check=True, env=env, cwd=ROOT)


def bundle_dir() -> Path:
    if sys.platform == "darwin":
        return DIST / "Baokan Reader.app" / "Contents" / "MacOS"
    return DIST / "BaokanReader"


KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qtbase_en.qm")
JIEBA_UNUSED = ("lac_small", "analyse")  # paddle model and keyword extraction: not used


def prune(folder: Path) -> None:
    """Drop what the app never loads: other Qt translations, jieba's unused models."""
    for qm in folder.rglob("*.qm"):
        if "PySide6" in qm.parts and qm.name not in KEEP_QT_TRANSLATIONS:
            qm.unlink()
    for jieba in folder.rglob("jieba"):
        for name in JIEBA_UNUSED:
            shutil.rmtree(jieba / name, ignore_errors=True)


def linux_extras(folder: Path, icons: dict[str, Path], tarball: bool) -> Path | None:
    (folder / "baokan-reader.desktop").write_text(DESKTOP, encoding="utf-8")
    for size in ("48", "128", "256", "512"):
        target = folder / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(icons[size], target / "baokan-reader.png")
    if not tarball:
        return None
    archive = DIST / f"BaokanReader-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=f"BaokanReader-{__version__}")
    return archive


def size_report(folder: Path) -> str:
    """Total size and the biggest parts of the bundle, in MB."""
    def size(path: Path) -> int:
        if path.is_symlink():
            return 0
        if path.is_dir():
            return sum(f.lstat().st_size for f in path.rglob("*")
                       if f.is_file() and not f.is_symlink())
        return path.stat().st_size

    total = size(folder)
    internal = folder / "_internal" if (folder / "_internal").is_dir() else folder
    parts = sorted(((size(p), p.name) for p in internal.iterdir()), reverse=True)[:8]
    lines = [f"bundle: {folder} = {total / 1e6:.0f} MB unpacked"]
    lines += [f"  {bytes_ / 1e6:6.1f} MB  {name}" for bytes_, name in parts]
    return "\n".join(lines)


def self_test(folder: Path) -> None:
    exe = folder / ("baokan.exe" if sys.platform == "win32" else "baokan")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    subprocess.run([str(exe), "--self-test"], check=True, env=env, cwd=BUILD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--self-test", action="store_true", help="run the bundle's self-test")
    parser.add_argument("--no-tarball", action="store_true")
    args = parser.parse_args()
    BUILD.mkdir(exist_ok=True)
    icons = render_icons(BUILD / "icons")
    run_pyinstaller(icons)
    folder = bundle_dir()
    prune(DIST / "BaokanReader" if sys.platform != "darwin" else folder.parent)
    if sys.platform.startswith("linux"):
        archive = linux_extras(folder, icons, not args.no_tarball)
        if archive:
            print(f"tarball: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    print(size_report(DIST / "BaokanReader" if sys.platform != "darwin"
                      else DIST / "Baokan Reader.app"))
    if args.self_test:
        self_test(folder)


if __name__ == "__main__":
    main()
