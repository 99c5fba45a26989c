"""SOP documents "printed from Word/Excel": the fixture .docx and .xlsx files converted to PDF
by LibreOffice (`soffice --headless --convert-to pdf`, see
tests/fixtures/documents/make_documents.py --pdf) import through the PDF reader to the same
key as the documents themselves: steps, lanes, per-step lanes, kinds, Ya/Tidak targets, waktu
and output.
"""

from __future__ import annotations

import pytest

from sop_desktop.importers.pdf import import_pdf
from tests.office_documents import document, keys, mismatches

CASES = [pytest.param(key, id=document(key, ".pdf").name)
         for key in keys(".docx") + keys(".xlsx")]


def test_every_document_has_its_printed_pdf():
    for key in keys(".docx") + keys(".xlsx"):
        pdf = document(key, ".pdf")
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf.name


@pytest.mark.parametrize("key", CASES)
def test_printed_document_imports_to_its_key(key):
    assert mismatches(import_pdf(document(key, ".pdf")), key) == []
