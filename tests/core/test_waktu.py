"""Every waktu form of the seeds parses; anything else is an error naming where it was."""

import pytest

from sop_desktop.domain.waktu import Waktu, parse_waktu
from sop_desktop.errors import ValidationError


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("10 menit", 10, 10, "menit"),
        ("15 Menit", 15, 15, "menit"),
        ("480 Menit", 480, 480, "menit"),
        ("30 detik", 30, 30, "detik"),
        ("3 jam", 3, 3, "jam"),
        ("1 hari", 1, 1, "hari"),
        ("2 Hari", 2, 2, "hari"),
        ("5 Hari Kerja", 5, 5, "hari_kerja"),
        ("5 HARI  KERJA", 5, 5, "hari_kerja"),
        ("1hari", 1, 1, "hari"),
        ("10-20 menit", 10, 20, "menit"),
        ("1-4 hari", 1, 4, "hari"),
        ("60-120 menit", 60, 120, "menit"),
        ("1 – 2 Hari", 1, 2, "hari"),
        ("1 s/d 3 hari kerja", 1, 3, "hari_kerja"),
        ("1,5 jam", 1.5, 1.5, "jam"),
    ],
)
def test_parses(text, low, high, unit):
    w = parse_waktu(text)
    assert (w.min, w.max, w.unit) == (low, high, unit)
    assert w.text == " ".join(text.split())


@pytest.mark.parametrize("text", ["", "   ", None, "-"])
def test_empty_means_no_standard(text):
    assert parse_waktu(text) is None


@pytest.mark.parametrize("text", ["sebentar", "15", "menit", "x hari", "Sesuai kebutuhan",
                                  "2 x 12 jam", "3 windu"])
def test_anything_else_is_an_error_naming_where(text):
    with pytest.raises(ValidationError) as err:
        parse_waktu(text, where="SOP Contoh, langkah 4")
    assert "SOP Contoh, langkah 4" in str(err.value)
    assert text in str(err.value)


@pytest.mark.parametrize("text, expected", [
    ("1 x 24 jam", (1, 1, "hari")),            # one day, as public-service charters write it
    ("3x24 jam", (3, 3, "hari")),
    ("1 (satu) hari", (1, 1, "hari")),
    ("5 (lima) Hari Kerja", (5, 5, "hari_kerja")),
    ("± 15 menit", (15, 15, "menit")),
    ("+/- 2 jam", (2, 2, "jam")),
    ("Maksimal 3 hari kerja", (3, 3, "hari_kerja")),
    ("paling lama 5 hari", (5, 5, "hari")),
    ("10 menit/berkas", (10, 10, "menit")),
    ("10 menit per permohonan", (10, 10, "menit")),
    ("2 jam 30 menit", (150, 150, "menit")),
    ("1 minggu", (5, 5, "hari_kerja")),        # a week: 5 working days
    ("2-3 minggu", (10, 15, "hari_kerja")),
    ("1 bulan", (22, 22, "hari_kerja")),       # a month: 22 working days
    ("14 hari kalender", (14, 14, "hari")),    # as the importer reads it, so it loads again
])
def test_forms_real_tables_use(text, expected):
    w = parse_waktu(text)
    assert (w.min, w.max, w.unit) == expected and w.text == text


def test_round_trip_and_minutes():
    w = parse_waktu("60-120 menit")
    assert Waktu.from_dict(w.to_dict()) == w
    assert w.to_dict() == {"text": "60-120 menit", "min": 60, "max": 120, "unit": "menit"}
    assert w.minutes() == 120 and w.minutes(upper=False) == 60
    assert parse_waktu("3 jam").minutes() == 180
    assert parse_waktu("2 hari").minutes() is None
