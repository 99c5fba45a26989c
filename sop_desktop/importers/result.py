"""What an import gives back (ImportResult): its own light module, below every reader, so the
readers import it without importing the package that dispatches to them (no cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sop_desktop.domain.model import SopDefinition

if TYPE_CHECKING:
    from sop_desktop.importers.flowread import Origins
    from sop_desktop.importers.geometry import Page
    from sop_desktop.importers.text_source import SourceLines


@dataclass
class ImportResult:
    """The SOPs read from one file, plus warnings about the file as a whole."""

    sops: list[SopDefinition] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # drawn documents only (geometry.Page list, flowread.Origins): for the review screen
    pages: list[Page] = field(default_factory=list)
    origins: Origins | None = None
    # text and TOML files only: per SOP, per step, the lines it was read from (or None)
    text_origins: list[list[SourceLines | None]] | None = None
