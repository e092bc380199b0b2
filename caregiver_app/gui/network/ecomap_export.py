"""The ecomap as a picture file: PNG or SVG, drawn in memory (``QBuffer``) and handed to the one
private writer through :func:`caregiver_app.services.user_files.save_export` (atomic, mode 0600),
so a picture of someone's support network is never readable by other accounts, not even while
it is being written."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ...domain.errors import ValidationError
from ...i18n import _
from ...services.user_files import save_export
from .ecomap import EcomapScene


def png_bytes(scene: EcomapScene, scale: float = 2.0) -> bytes:
    """The map as a PNG image in memory, ``scale`` pixels per scene unit."""
    rect = scene.export_rect()
    size = QSize(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render_for_export(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValidationError(_("The map could not be drawn as a picture. Please try SVG instead."))
    return bytes(buffer.data())


def svg_bytes(scene: EcomapScene) -> bytes:
    """The map as an SVG drawing in memory (title "Ecomap"; no names in its metadata)."""
    rect = scene.export_rect()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(_("Ecomap"))
    generator.setDescription(_("A support network map made with Caregiver Companion"))
    painter = QPainter()
    if not painter.begin(generator):
        raise ValidationError(_("The map could not be drawn. Please try PNG instead."))
    scene.render_for_export(painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.end()
    return bytes(buffer.data())


def export_png(scene: EcomapScene, path: Path, scale: float = 2.0) -> Path:
    """Save the map as a PNG image through the one private writer (mode 0600). Raises
    :class:`ValidationError` in plain words when the file cannot be written."""
    return save_export(Path(path), png_bytes(scene, scale), what=_("the map"))


def export_svg(scene: EcomapScene, path: Path) -> Path:
    """Save the map as an SVG drawing through the one private writer (mode 0600). Raises
    :class:`ValidationError` in plain words when the file cannot be written."""
    return save_export(Path(path), svg_bytes(scene), what=_("the map"))
