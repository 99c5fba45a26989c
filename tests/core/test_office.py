"""The office profile (Setting OFFICE_PROFILE, "office.profile") and the kop surat drawn from it."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from sop_desktop.errors import ValidationError
from sop_desktop.output.kop import draw_kop
from sop_desktop.services import office
from sop_desktop.settings import OFFICE_PROFILE
from sop_desktop.storage import db as dbm


def test_profile_defaults_then_round_trip(services):
    first = office.load()
    assert first.kantor  # a fresh install still prints a (generic) kop
    changed = first.with_changes({"kantor": "Kantor Wilayah Bengkulu", "kota": "Bengkulu",
                                  "telepon": "(0736) 21000"})
    office.save(changed)
    again = office.load()
    assert again.kantor == "Kantor Wilayah Bengkulu"
    assert again.kota == "Bengkulu"
    assert dbm.read_setting(OFFICE_PROFILE)["telepon"] == "(0736) 21000"
    assert "Telepon (0736) 21000" in again.contact_line()


def test_unknown_field_and_missing_logo_are_clear_errors(services, tmp_path):
    with pytest.raises(ValidationError, match="faks"):
        office.load().with_changes({"faks": "1"})
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        office.save(office.load().with_changes({"logo_path": str(tmp_path / "tidak-ada.png")}))


def test_bundled_logo_used_when_the_office_has_none(services, tmp_path):
    profile = office.load()
    assert profile.logo_file() == office.default_logo_path()
    own = tmp_path / "logo.png"
    own.write_bytes(office.default_logo_path().read_bytes())
    assert profile.with_changes({"logo_path": str(own)}).logo_file() == own


def test_kop_prints_every_line_escaped_with_logo_and_double_rule(services):
    profile = office.load().with_changes({
        "kementerian": "Kementerian Hukum & HAM", "kantor": "Kantor Wilayah <Uji>",
        "unit": "Divisi Pelayanan Hukum", "alamat": "Jalan Merdeka No. 1",
        "telepon": "(0711) 1", "laman": "contoh.go.id", "email": "kanwil@contoh.go.id"})
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    height = draw_kop(c, profile, 72, A4[1] - 36, A4[0] - 144)
    c.save()
    assert 50 < height < 200
    page = pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    text = " ".join(page.extract_text().split())
    for expected in ("KEMENTERIAN HUKUM & HAM", "KANTOR WILAYAH <UJI>", "DIVISI PELAYANAN HUKUM",
                     "Jalan Merdeka No. 1", "Telepon (0711) 1", "Laman contoh.go.id",
                     "Surel kanwil@contoh.go.id"):
        assert expected in text
    xobjects = page["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    lines = page.get_contents().get_data().decode("latin-1").split("\n")
    # the double rule: a 2.2 pt line, then a 0.6 pt line, both the full width given
    rules = [(lines[i - 1], ln) for i, ln in enumerate(lines)
             if ln.startswith("n 0 ") and ln.endswith(" l S") and f"{A4[0] - 144:g}"[:5] in ln]
    assert [w for w, _ in rules] == ["2.2 w", ".6 w"]


def test_unset_profile_is_recognised():
    from sop_desktop.services.office import OfficeProfile

    assert OfficeProfile().is_unset()
    assert OfficeProfile(kantor="", kementerian="").is_unset()
    assert not OfficeProfile(kantor="Kantor Wilayah Bengkulu").is_unset()
    assert not OfficeProfile(kementerian="Kementerian Hukum").is_unset()
