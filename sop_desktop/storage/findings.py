"""The result of one `sop-desktop check` check (sop_desktop.storage.integrity, ledger_check)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Finding:
    """The result of one check: ok, a one-line Indonesian summary and the problems found."""

    check: str
    ok: bool
    message: str
    problems: list[str] = field(default_factory=list)
    skipped: bool = False
    first_broken: dict[str, Any] | None = None  # history: the first event where the chain breaks

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"check": self.check, "ok": self.ok, "skipped": self.skipped,
                               "message": self.message, "problems": self.problems}
        if self.check == "history":
            out["first_broken"] = self.first_broken
        return out
