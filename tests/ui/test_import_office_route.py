"""The one importer choice (`read_sop_file` / `import_file`) sends Word documents to the .docx
reader and workbooks to the reader of cells plus drawn shapes, refuses .doc/.xls/.odt/.ods with
how to save them, and the CLI and the import dialog both go that way.
"""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from openpyxl import Workbook

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file, import_xlsx, read_sop_file
from sop_desktop.importers.xlsx_shapes import import_xlsx_drawn
from tests.conftest import run_cli
from tests.office_documents import document, key_named, mismatches

DOCX_KEY = key_named("monev.docx")
XLSX_KEY = key_named("diseminasi_ham.xlsx")


@pytest.mark.parametrize("key", [DOCX_KEY, XLSX_KEY], ids=lambda k: k["document"])
def test_read_sop_file_reads_the_drawing_of_word_and_excel(key):
    assert mismatches(read_sop_file(document(key)), key) == []


def test_a_word_document_under_another_name_is_still_read_as_word(tmp_path):
    path = tmp_path / "sop_tanpa_akhiran"
    shutil.copy(document(DOCX_KEY), path)
    assert mismatches(import_file(path), DOCX_KEY) == []


def test_a_docm_is_read_as_word(tmp_path):
    path = tmp_path / "sop.docm"
    shutil.copy(document(DOCX_KEY), path)
    assert mismatches(import_file(path), DOCX_KEY) == []


def test_cli_dry_run_reads_a_word_document():
    done = run_cli("sop", "import", str(document(DOCX_KEY)), "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    [sop] = json.loads(done.stdout)["sops"]
    assert sop["name"] == DOCX_KEY["name"]
    assert [s["lane"] for s in sop["steps"]] == [s["lane"] for s in DOCX_KEY["steps"]]
    assert [s["kind"] for s in sop["steps"]] == [s["kind"] for s in DOCX_KEY["steps"]]


def _ole(path, marker: bytes = b""):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + marker)
    return path


def _odf(path, mime: str):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", mime)
        zf.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize("name,maker,says", [
    ("lama.doc", lambda p: _ole(p, "WordDocument".encode("utf-16-le")), "Dokumen Word (*.docx)"),
    ("lama.xls", _ole, "Buku Kerja Excel (*.xlsx)"),
    ("tanpa_akhiran", lambda p: _ole(p, "WordDocument".encode("utf-16-le")), ".doc (Word"),
    ("teks.odt", lambda p: _odf(p, "application/vnd.oasis.opendocument.text"), ".docx"),
    ("lembar.ods", lambda p: _odf(p, "application/vnd.oasis.opendocument.spreadsheet"),
     ".xlsx"),
    ("lembar.zip", lambda p: _odf(p, "application/vnd.oasis.opendocument.spreadsheet"),
     "(.ods)"),
])
def test_old_and_open_formats_are_refused_with_how_to_save_them(tmp_path, name, maker, says):
    path = maker(tmp_path / name)
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    message = str(err.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    assert says in message and "Simpan Sebagai" in message


def _mixed_workbook(path):
    """A sheet whose table cannot be read (marks only under Pelaksana) before a good one."""
    wb = Workbook()
    broken = wb.active
    broken.title = "Rusak"
    for row in (["NAMA SOP", ":", "RUSAK"], [], ["No", "Kegiatan", "Pelaksana", "Waktu", "Output"],
                [1, "Menerima berkas", "X", "5 menit", "Berkas"]):
        broken.append(row)
    good = wb.create_sheet("Baik")
    for row in (["NAMA SOP", ":", "KEDUA"], [], ["No", "Kegiatan", "Pelaksana", None, "Waktu"],
                [None, None, "Staf", "Kepala", None], [1, "Staf mencatat surat", "X", None,
                                                       "5 menit"],
                [2, "Kepala membaca surat", None, "X", "10 menit"]):
        good.append(row)
    wb.save(path)
    return path


def test_a_sheet_that_fails_is_skipped_with_a_warning(tmp_path):
    path = _mixed_workbook(tmp_path / "campur.xlsx")
    result = import_xlsx_drawn(path)
    assert [d.name for d in result.sops] == ["KEDUA"]
    assert any("lembar 'Rusak'" in w and "dilewati" in w for w in result.warnings)
    assert [d.to_dict() for d in result.sops] == [d.to_dict() for d in import_xlsx(path).sops]


def test_a_workbook_whose_only_table_fails_says_why(tmp_path):
    path = _mixed_workbook(tmp_path / "rusak.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    del wb["Baik"]
    wb.save(path)
    with pytest.raises(ImportFailed) as err:
        import_xlsx_drawn(path)
    assert "Pelaksana" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.usefixtures("no_widgets_left")
def test_the_import_dialog_reads_a_word_document(qtbot, ui_services):  # noqa: F811
    from ui.sops.import_dialog import ImportDialog
    from ui.workers import TaskRunner

    runner = TaskRunner()
    dlg = ImportDialog(ui_services, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        dlg.load_path(str(document(DOCX_KEY)))
        qtbot.waitUntil(lambda: dlg.read_button.isEnabled() and not dlg.progress.isVisible(),
                        timeout=30000)
        assert runner.wait()
        assert dlg.sop_list.count() == 1
        defn = dlg.current_definition()
        assert defn.name == DOCX_KEY["name"]
        assert dlg.detail.steps_model.rowCount() == len(DOCX_KEY["steps"])
        assert [s.lane for s in defn.steps] == [s["lane"] for s in DOCX_KEY["steps"]]
    finally:
        runner.wait()
        dlg.close()
        runner.deleteLater()
