"""Phone photos of printed pages, made from a page rendering (tests/core/test_import_scan_photo.py):
the page on a darker desk seen at an angle (its four corners moved, so its rules converge),
lit unevenly, blurred, noised and saved as a phone's JPEG; or the same perspective on a page
that fills the picture (the photo taken close, the page's edges outside it)."""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "scans"))
from make_scans import render  # noqa: E402  (the fixture script's page rendering)

__all__ = ["close_up", "flat_scan", "jpeg", "on_desk", "render"]


def _corners(w: float, h: float, tilt: float, ox: float = 0.0, oy: float = 0.0,
             fill: float = 1.0) -> np.ndarray:
    """Where a w x h page's corners land in a pinhole camera's picture (focal length the
    picture's long side, centred on it) when the page leans back by `tilt` x 400 degrees
    (0.05: 20) and turns by half that to one side and a tenth in the picture's plane; the
    page's middle at the picture's middle (offset by ox, oy), its width `fill` of the width."""
    pitch, yaw, roll = (math.radians(tilt * 400 * k) for k in (1.0, 0.5, 0.1))
    rx = np.array([[1, 0, 0], [0, math.cos(pitch), -math.sin(pitch)],
                   [0, math.sin(pitch), math.cos(pitch)]])
    ry = np.array([[math.cos(yaw), 0, math.sin(yaw)], [0, 1, 0],
                   [-math.sin(yaw), 0, math.cos(yaw)]])
    rz = np.array([[math.cos(roll), -math.sin(roll), 0], [math.sin(roll), math.cos(roll), 0],
                   [0, 0, 1]])
    turn = rz @ ry @ rx
    focal = max(w, h)
    plane = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0],
                      [-w / 2, h / 2, 0]]) @ turn.T
    plane[:, 2] += focal / fill  # so that the page, seen square on, is `fill` of the width
    seen = plane[:, :2] / plane[:, 2:3] * focal
    return np.float32(seen + (ox + w / 2, oy + h / 2))


def _camera(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Uneven light (a lamp above one side), sensor noise and the lens's softness."""
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    light = 0.75 + 0.25 * (1 - ((xx / w - 0.7) ** 2 + (yy / h - 0.3) ** 2))
    out = img.astype(np.float32) * light[:, :, None] + rng.normal(0, 4, img.shape)
    return cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (0, 0), 0.8)


def on_desk(page: np.ndarray, tilt: float, seed: int = 7) -> np.ndarray:
    """The page photographed lying on a brown desk, the desk seen all round it."""
    rng = np.random.default_rng(seed)
    h, w = page.shape[:2]
    big_w, big_h = int(w * 1.25), int(h * 1.25)
    desk = np.empty((big_h, big_w, 3), np.float32)
    desk[:] = (90, 70, 55)
    desk = cv2.GaussianBlur(desk + rng.normal(0, 12, (big_h, big_w, 1)), (0, 0), 3)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, _corners(w, h, tilt, (big_w - w) / 2, (big_h - h) / 2))
    seen = cv2.warpPerspective(page, m, (big_w, big_h))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (big_w, big_h)) > 127
    desk[mask] = seen[mask]
    return _camera(np.clip(desk, 0, 255).astype(np.uint8), rng)


def close_up(page: np.ndarray, tilt: float, seed: int = 8) -> np.ndarray:
    """The same perspective, photographed so close that the page fills the picture: its
    edges are outside it (what the warp leaves bare is paper)."""
    rng = np.random.default_rng(seed)
    h, w = page.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, _corners(w, h, tilt))
    seen = cv2.warpPerspective(page, m, (w, h), borderValue=(246, 246, 242))
    return _camera(seen, rng)


def flat_scan(page: np.ndarray, angle: float, seed: int = 9) -> np.ndarray:
    """A flatbed scan: the page fills the picture, rotated by a small `angle` (degrees)."""
    rng = np.random.default_rng(seed)
    h, w = page.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return _camera(cv2.warpAffine(page, m, (w, h), borderValue=(250, 250, 248)), rng)


def jpeg(img: np.ndarray, quality: int = 80) -> bytes:
    """The picture as a phone saves it (no resolution tag)."""
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, "JPEG", quality=quality)
    return buf.getvalue()
