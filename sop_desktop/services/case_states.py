"""The case engine's vocabulary: history actions, case statuses and what an operation changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from sop_desktop.services.changes import Changes
from sop_desktop.settings import DUE_SOON_HOURS
from sop_desktop.storage import db as dbm

ACTION_OPEN = "buka"
ACTION_COMPLETE = "lanjut"
ACTION_DECIDE = "keputusan"
ACTION_RETURN = "kembali"
ACTION_STOP = "hentikan"
ACTION_REOPEN = "buka_kembali"
ACTION_LETTER = "surat"
ACTION_ATTACH = "lampiran"  # files added to a case without moving it (record_event)
# sop_desktop.services.disposisi: events that do not move the case either
ACTION_DISPOSISI = "disposisi"
ACTION_TAKE = "ambil"
ACTION_RELEASE = "lepas"
ACTION_SIFAT = "sifat"
ACTION_LABELS = {
    ACTION_DISPOSISI: "Disposisi",
    ACTION_TAKE: "Diambil",
    ACTION_RELEASE: "Dilepas",
    ACTION_SIFAT: "Sifat diubah",
    ACTION_OPEN: "Kasus dibuka",
    ACTION_COMPLETE: "Langkah diselesaikan",
    ACTION_DECIDE: "Keputusan",
    ACTION_RETURN: "Dikembalikan",
    ACTION_STOP: "Dihentikan",
    ACTION_REOPEN: "Dibuka kembali",
    ACTION_LETTER: "Surat diterbitkan",
    ACTION_ATTACH: "Lampiran ditambahkan",
}
STATUS_OPEN, STATUS_DONE, STATUS_STOPPED = dbm.CASE_STATUSES
STATUS_LABELS = {STATUS_OPEN: "Berjalan", STATUS_DONE: "Selesai", STATUS_STOPPED: "Dihentikan"}
DUE_SOON_KEY = DUE_SOON_HOURS.key  # the declaration: sop_desktop.settings.DUE_SOON_HOURS
DEFAULT_DUE_SOON_HOURS = DUE_SOON_HOURS.default


@dataclass
class CaseChange:
    """What an operation changed: the cases and the positions whose inboxes need a refresh."""

    action: str
    case_ids: list[int]
    numbers: list[str]
    positions: list[str] = field(default_factory=list)
    event_id: int | None = None
    status: str | None = None
    from_step: int | None = None
    to_step: int | None = None
    notified: bool = False  # other PCs already told, in the action's own transaction

    def changes(self) -> Changes:
        """This result as the one typed `Changes` the window routes on (nothing lost)."""
        return Changes.of_case(self)
