"""Where each step of a text or TOML import was read: its line(s) in the file, quoted.

The import review shows a drawn document's page beside the steps read; a text extraction
(.txt, .md) or a library file (.toml) has no page, so the review quotes the lines a step came
from instead. The text importer (build.parse_lines_traced) gives each step's first and last
line and whether its lane was only inferred from the narrative (no mark in a lane column);
this module adds the lines' text. A TOML step is its `[[steps]]` block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sop_desktop.domain.model import SopDefinition

_STEPS_HEADER = re.compile(r"^\s*\[\[\s*steps\s*\]\]\s*(#.*)?$")
_TABLE_HEADER = re.compile(r"^\s*\[")
MAX_QUOTED = 40  # lines quoted for one step at most (a runaway row never floods the review)


@dataclass
class SourceLines:
    """The lines of a text file one step was read from (1-based, inclusive), their text, and
    whether the step's lane was inferred from the narrative (a guess a person should check)."""

    first: int
    last: int
    text: str = ""
    lane_guessed: bool = False


def file_lines(text: str) -> list[str]:
    """The file's lines, numbered as the text importer numbers them (layout_text.text_lines)."""
    return [line.rstrip("\r\n") for line in text.splitlines()]


def quote(text: str, spans: list[list[SourceLines]]) -> list[list[SourceLines | None]]:
    """Per SOP and step: the span with its lines' text filled in from `text`."""
    lines = file_lines(text)
    out: list[list[SourceLines | None]] = []
    for sop in spans:
        quoted: list[SourceLines | None] = []
        for span in sop:
            if not 1 <= span.first <= len(lines):
                quoted.append(None)
                continue
            last = max(span.first, min(span.last, len(lines), span.first + MAX_QUOTED - 1))
            quoted.append(SourceLines(span.first, last, "\n".join(lines[span.first - 1:last]),
                                      span.lane_guessed))
        out.append(quoted)
    return out


def toml_origins(text: str, defn: SopDefinition) -> list[list[SourceLines | None]]:
    """The `[[steps]]` block of each step of a library file, in the order the file lists them
    (the reader keeps that order); None for every step when the blocks cannot be matched."""
    lines = file_lines(text)
    starts = [i for i, line in enumerate(lines) if _STEPS_HEADER.match(line)]
    if len(starts) != len(defn.steps):  # steps written inline (steps = [...]) or unreadable
        return [[None] * len(defn.steps)]
    spans: list[SourceLines] = []
    for at in starts:
        end = at + 1
        while end < len(lines) and not _TABLE_HEADER.match(lines[end]):
            end += 1
        while end > at + 1 and (not lines[end - 1].strip() or
                                lines[end - 1].lstrip().startswith("#")):
            end -= 1  # blank and comment lines before the next table belong to neither
        spans.append(SourceLines(at + 1, end))
    return quote(text, [spans])


__all__ = ["MAX_QUOTED", "SourceLines", "file_lines", "quote", "toml_origins"]
