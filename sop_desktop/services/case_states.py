"""The case engine's vocabulary: history actions, case statuses and what an operation changed."""

from __future__ import annotations

from sop_desktop.domain.record import Record
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


class CaseChange(Record):
    """What an operation changed: the cases and the positions whose inboxes need a refresh.
    (A plain class, not a dataclass: start-up, issue 19.)"""

    __slots__ = ("action", "case_ids", "numbers", "positions", "event_id", "status", "from_step",
                 "to_step", "notified")
    action: str
    case_ids: list[int]
    numbers: list[str]
    positions: list[str]
    event_id: int | None
    status: str | None
    from_step: int | None
    to_step: int | None
    notified: bool  # other PCs already told, in the action's own transaction

    def __init__(self, action: str, case_ids: list[int], numbers: list[str],
                 positions: list[str] | None = None, event_id: int | None = None,
                 status: str | None = None, from_step: int | None = None,
                 to_step: int | None = None, notified: bool = False) -> None:
        self.action, self.case_ids, self.numbers = action, case_ids, numbers
        self.positions = positions if positions is not None else []
        self.event_id, self.status, self.from_step, self.to_step = (event_id, status, from_step,
                                                                    to_step)
        self.notified = notified

    def changes(self) -> Changes:
        """This result as the one typed `Changes` the window routes on (nothing lost)."""
        return Changes.of_case(self)
