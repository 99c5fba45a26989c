"""The words of the case pane's Tindakan panel: the step or decision question, who may record
it, where each answer of a decision goes, and when the case should end."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from sop_desktop.services import workflow as wf
from ui.cases.parts import _fmt


def short_text(text: str, limit: int = 48) -> str:
    """A step's activity cut at a word boundary to about `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]).rstrip(" ,;:/") + "…"



def info_step(info: dict) -> str:
    """The case's current step number as text."""
    return str(info.get("current_step"))


class ActionTexts:
    """Mixed into CaseView (which has defn, info, case, allowed, reasons, the labels and the
    buttons); strings keep the CaseView translation context."""

    # what CaseView provides
    services: Any
    case: Any
    defn: Any  # the case's SopDefinition
    info: dict
    allowed: list[str]
    reasons: dict[str, str]
    behalf_needed: bool
    behalf: QComboBox
    step_label: QLabel
    permission_label: QLabel
    yes_button: QPushButton
    no_button: QPushButton

    def _expected_text(self) -> str:
        """When the case should end; for a late step, counted from the day it gets done."""
        info, now = self.info, info_step(self.info)
        if info.get("status") != wf.STATUS_OPEN or not info.get("overdue"):
            return _fmt(info["expected_finish"])
        path = self.services.cases.remaining_path(self.defn, info.get("current_step"))
        if not [s for s in path[1:] if s.waktu]:
            return QCoreApplication.translate(
                "CaseView", "segera setelah langkah %1 selesai (tenggatnya sudah lewat)"
            ).replace("%1", now)
        return QCoreApplication.translate(
            "CaseView", "%1 bila langkah %2 selesai hari ini (tenggatnya sudah lewat)"
        ).replace("%1", _fmt(info["expected_finish"])).replace("%2", now)

    def _explain(self, step, decision: bool) -> None:
        """The step (a decision as its question) and whether this user may record it."""
        if step is None:
            self.step_label.setText("" if self.case is None else QCoreApplication.translate(
                "CaseView", "Kasus tidak sedang berjalan."))
            self.permission_label.setText("")
            return
        text = (QCoreApplication.translate("CaseView", "<b>Keputusan langkah %1:</b> %2")
                if decision else QCoreApplication.translate("CaseView", "<b>Langkah %1:</b> %2"))
        self.step_label.setText(text.replace("%1", str(step.number))
                                .replace("%2", html.escape(" ".join(step.kegiatan.split()))))
        who = self.info.get("position") or step.lane or ""
        if self.allowed and self.behalf_needed and self.behalf.count() == 0:
            text = QCoreApplication.translate(
                "CaseView", "Belum ada pengguna yang memegang jabatan %1; minta administrator "
                "menambahkannya agar langkah ini dapat dicatat atas namanya.")
            color = "#8a1010"
        elif self.allowed:
            text = QCoreApplication.translate("CaseView", "Anda dapat mencatat langkah ini.")
            if self.behalf_needed:
                text = QCoreApplication.translate(
                    "CaseView", "Langkah ini milik %1: pilih atas nama siapa Anda mencatatnya.")
            color = "#1c6b2f"
        else:
            text = QCoreApplication.translate(
                "CaseView", "Langkah ini dikerjakan oleh %1; Anda tidak memegang jabatan itu.")
            color = "#8a1010"
        self.permission_label.setStyleSheet(f"color: {color}")
        self.permission_label.setText(text.replace("%1", who))

    def _answer_text(self, step, yes: bool) -> str:
        """ "Ya → 7. Penyusunan …" or "Tidak → kembali ke 5. …" for a decision's answer."""
        word = (QCoreApplication.translate("CaseView", "Ya") if yes
                else QCoreApplication.translate("CaseView", "Tidak"))
        target = step.yes if yes else step.no
        if target is None:
            return word + " → " + QCoreApplication.translate("CaseView",
                                                             "(tujuan tidak disebut SOP)")
        try:
            goal = self.defn.step(target)
        except KeyError:
            return f"{word} → {target}"
        back = self.defn.step_index(target) <= self.defn.step_index(step.number)
        where = f"{goal.number}. {' '.join(goal.kegiatan.split())}"
        if back:
            where = QCoreApplication.translate("CaseView", "kembali ke %1").replace("%1", where)
        return f"{word} → {where}"

    def _label_answers(self, step) -> None:
        for button, yes in ((self.yes_button, True), (self.no_button, False)):
            full = self._answer_text(step, yes)
            word, _arrow, rest = full.partition(" → ")
            button.setText(f"{word} → {short_text(rest)}" if rest else full)
            reason = self.reasons.get("decide", "")
            button.setToolTip(reason or full)
