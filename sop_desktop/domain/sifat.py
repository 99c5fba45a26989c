"""Sifat of a case (biasa / segera / sangat segera / rahasia): its stored code and its words.

Stored in cases.sifat as a small integer so the inbox sorts by it with the index it already
reads (0 biasa, 1 segera, 2 sangat segera, 3 rahasia; null is biasa).
"""

from __future__ import annotations

from sop_desktop.errors import ValidationError

SIFAT = ("biasa", "segera", "sangat_segera", "rahasia")
SIFAT_LABELS = {"biasa": "Biasa", "segera": "Segera", "sangat_segera": "Sangat Segera",
                "rahasia": "Rahasia"}


def sifat_code(value: object) -> int:
    """The stored code of a sifat given as key, label ("Sangat Segera") or code; Indonesian
    ValidationError for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(SIFAT):
        return value
    text = str(value).strip().casefold().replace("-", "_").replace(" ", "_")
    if text in SIFAT:
        return SIFAT.index(text)
    raise ValidationError(f"Sifat '{value}' tidak dikenal (pilih: "
                          f"{', '.join(SIFAT_LABELS.values())})")


def sifat_key(code: int | None) -> str:
    """The key of a stored code ("biasa" for null or an unknown code)."""
    return SIFAT[code] if isinstance(code, int) and 0 <= code < len(SIFAT) else "biasa"


def sifat_label(code: int | None) -> str:
    return SIFAT_LABELS[sifat_key(code)]
