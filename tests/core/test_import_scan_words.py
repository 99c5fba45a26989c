"""The scan route's word list (issue 18): a word the text detector boxed twice, once whole and
once in part ("Pelak" inside "Pelaksana"), is read once; the words around it, a number read
apart from the text it touches, and the same word elsewhere on the page stay."""

from __future__ import annotations

from sop_desktop.importers.geometry import Word
from sop_desktop.importers.scan import _without_partial_readings


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_a_part_of_a_word_read_from_a_second_box_is_dropped():
    whole = Word("Pelaksana", 236.5, 127.4, 258.1, 131.0, 0.996)
    part = Word("Pelak", 236.5, 127.4, 247.3, 131.0, 0.975)
    letter = Word("T", 300.2, 140.0, 303.1, 144.1, 0.978)
    word = Word("Terima", 300.0, 140.1, 318.0, 144.0, 0.988)
    kept = _without_partial_readings([part, whole, letter, word])
    assert _texts(kept) == ["Pelaksana", "Terima"]


def test_neighbours_numbers_and_other_lines_stay():
    words = [Word("1", 40.0, 100.0, 43.0, 104.0, 0.95),  # the step number beside its text
             Word("1Dokter", 40.5, 100.2, 62.0, 104.0, 0.91),
             Word("Dokter", 70.0, 100.0, 88.0, 104.0, 0.99),
             Word("penanggung", 90.0, 100.0, 120.0, 104.0, 0.99),
             Word("Dok", 70.0, 110.0, 80.0, 114.0, 0.99),  # a line below: not inside
             Word("Kasubbid", 200.0, 100.0, 225.0, 104.0, 0.99),
             Word("bid", 218.0, 100.0, 225.0, 104.0, 0.90),  # its end read again: dropped
             Word("HAM", 400.0, 100.0, 412.0, 104.0, 0.98)]
    kept = _texts(_without_partial_readings(words))
    assert kept == ["1", "1Dokter", "Dokter", "penanggung", "Dok", "Kasubbid", "HAM"]
