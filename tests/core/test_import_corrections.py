"""A person's corrections in the import review, checked by the core: kegiatan, waktu and
output of a step and the SOP's name; a bad value is refused with its Indonesian message and
the definition stays as it was."""

from __future__ import annotations

import pytest

from sop_desktop.domain.model import Step
from sop_desktop.domain.waktu import Waktu
from sop_desktop.errors import ValidationError
from sop_desktop.importers import import_text
from sop_desktop.importers.corrections import (
    WAKTU_UNREADABLE,
    check_step,
    correct_step,
    rename_sop,
    step_text,
)
from sop_desktop.importers.library import bundled_sop_dir, load


def _step() -> Step:
    return Step(3, "Memeriksa berkas", "Staf", waktu=Waktu("15 menit", 15, 15, "menit"),
                output="Berkas", flags=[WAKTU_UNREADABLE])


def test_a_readable_waktu_replaces_the_standard_and_clears_the_flag():
    step = _step()
    correct_step(step, "waktu", "1-2 hari kerja")
    assert step.waktu == Waktu("1-2 hari kerja", 1, 2, "hari_kerja")
    assert WAKTU_UNREADABLE not in step.flags
    assert step_text(step, "waktu") == "1-2 hari kerja"
    correct_step(step, "waktu", "")  # no standard
    assert step.waktu is None and step_text(step, "waktu") == ""


def test_an_unreadable_waktu_is_refused_with_the_parsers_message():
    step = _step()
    with pytest.raises(ValidationError) as err:
        correct_step(step, "waktu", "secepatnya")
    message = str(err.value)
    assert message.startswith("langkah 3: waktu 'secepatnya' tidak dapat dibaca")
    assert "15 menit" in message  # the example of a right value
    assert step.waktu == Waktu("15 menit", 15, 15, "menit") and WAKTU_UNREADABLE in step.flags
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        check_step(step, "waktu", "3 windu")
    check_step(step, "waktu", "2 jam")  # readable: checked only, the step is not changed
    assert step.waktu.text == "15 menit" and WAKTU_UNREADABLE in step.flags


def test_kegiatan_must_say_something_output_may_be_empty():
    step = _step()
    with pytest.raises(ValidationError, match="langkah 3: kegiatan tidak boleh kosong"):
        correct_step(step, "kegiatan", "  \n ")
    assert step.kegiatan == "Memeriksa berkas"
    correct_step(step, "kegiatan", "  Memeriksa kelengkapan berkas\n")
    assert step.kegiatan == "Memeriksa kelengkapan berkas"
    correct_step(step, "output", " ")
    assert step.output == ""
    correct_step(step, "output", " Berkas lengkap ")
    assert step_text(step, "output") == "Berkas lengkap"


def test_the_sop_name_cannot_be_emptied():
    defn = load(bundled_sop_dir() / "rkt.toml")
    with pytest.raises(ValidationError, match="nama SOP tidak boleh kosong"):
        rename_sop(defn, "   ")
    assert defn.name
    rename_sop(defn, "  Rencana   Kerja Tahunan ")
    assert defn.name == "Rencana Kerja Tahunan"


def test_an_imported_unreadable_waktu_can_be_corrected():
    text = ("NAMA SOP\t:\tUJI\n\nNo\tKegiatan\tPelaksana\t\tWaktu\tOutput\n"
            "\t\tStaf\tKepala\t\t\n1\tStaf mencatat surat\tX\t\tsegera\tAgenda\n"
            "2\tKepala membaca surat\t\tX\t10 menit\tDisposisi\n")
    [defn] = import_text(text).sops
    step = defn.steps[0]
    assert step.waktu is None and WAKTU_UNREADABLE in step.flags
    correct_step(step, "waktu", "5 menit")
    assert step.waktu is not None and step.waktu.minutes() == 5
    assert WAKTU_UNREADABLE not in step.flags
