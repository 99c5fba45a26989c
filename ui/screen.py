"""Sizes that fit the screen: 1366×768 laptops at 125 % scaling leave ~1093×614 logical pixels."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_size(widget: QWidget, width: int, height: int, share: float = 0.92) -> None:
    """Resize to (width, height), but never beyond `share` of the available screen area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.resize(min(width, int(area.width() * share)), min(height, int(area.height() * share)))
