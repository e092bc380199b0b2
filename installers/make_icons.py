"""Make every installer's icons from the one master, ``resources/app-icon.svg``.

    python installers/make_icons.py OUT_FOLDER

Writes ``OUT_FOLDER/hicolor/<N>x<N>/apps/caregiver-companion.png`` for the freedesktop hicolor
sizes plus ``hicolor/scalable/apps/caregiver-companion.svg`` (Linux), ``caregiver-companion.ico``
(Windows: 16 to 256 px in one file) and ``caregiver-companion.icns`` (macOS). Qt's SVG renderer
draws the PNGs; Pillow packs the .ico and .icns. Run it with the build environment's Python
(PySide6 and Pillow installed); it needs no screen.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

MASTER = Path(__file__).resolve().parents[1] / "resources" / "app-icon.svg"
NAME = "caregiver-companion"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int, target: Path) -> Path:
    """Draw the master at ``size`` × ``size`` pixels into the PNG ``target``."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"make_icons.py: could not write {target}")
    return target


def main(out: Path) -> int:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841  (QPainter needs it)
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        raise SystemExit(f"make_icons.py: {MASTER} is not a valid SVG")
    pngs = {size: render(renderer, size, out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png")
            for size in HICOLOR_SIZES}
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, scalable)
    largest = Image.open(pngs[512])
    largest.save(out / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(out / f"{NAME}.icns")
    for path in sorted(out.rglob("*.*")):
        print(path.relative_to(out))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
