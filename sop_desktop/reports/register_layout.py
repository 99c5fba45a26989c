"""The printed (PDF) layout of a register: related columns folded into shared cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sop_desktop.output.table import Column, Table, display_value

if TYPE_CHECKING:  # registers imports this module: only the type, to avoid a cycle
    from sop_desktop.reports.registers import RegisterData

# Fields of a one-SOP register printed as their own PDF columns; the rest go into one column.
PDF_FIELD_COLUMNS = 5


def _lines(*parts: object) -> str | None:
    """Non-empty parts, one per line (a cell of the printed register)."""
    text = "\n".join(str(p) for p in parts if p not in (None, ""))
    return text or None


def _d(value: object) -> str:
    return display_value(value, "date")


def _days(row: dict) -> str | None:
    lama, baku = row.get("lama"), row.get("mutu_baku")
    if lama is None and baku is None:
        return None
    text = f"{display_value(lama, 'float') or '-'} / {display_value(baku, 'float') or '-'}"
    return _lines(text, row.get("ketepatan"))


def _status(row: dict) -> str | None:
    return _lines(row.get("status"), _d(row.get("tanggal_selesai")))


def pdf_table(data: RegisterData) -> Table:
    """The register as printed: related columns share a cell (agenda and date, complainant's
    name/NIK/address, disposition and its date, status and finish date, lama against the mutu
    baku) so that a landscape page holds it without breaking words. The xlsx keeps every value
    in its own column for filtering and sorting."""
    src = data.table
    by_key = {c.key: c for c in src.columns}
    head = [Column("no", "No", "int", pdf_width=2.6),
            Column("agenda", "Nomor Agenda / Tanggal Terima", pdf_width=10)]
    tail = [Column("status", "Status / Tanggal Selesai", pdf_width=7),
            Column("lama", "Lama / Mutu Baku (hari kerja)", pdf_width=7.5)]
    if data.kind == "aduan":
        cols = head + [
            Column("media", "Media", pdf_width=6),
            Column("pengadu", "Pengadu (Nama, NIK, Alamat / Kontak)", pdf_width=14),
            Column("teradu", "Pihak Teradu", pdf_width=9),
            Column("pokok", "Pokok Masalah", pdf_width=16),
            Column("hak", "Hak yang Diduga Dilanggar", pdf_width=9),
            Column("disposisi", "Disposisi (Kepada, Tanggal)", pdf_width=10),
            Column("tindak", "Tindak Lanjut / Surat Keluar", pdf_width=13),
        ] + tail + [Column("keterangan", "Keterangan", pdf_width=10)]

        def convert(row: dict) -> dict:
            nik = row.get("pengadu_nik")
            surat = row.get("surat_keluar")
            return {
                "no": row.get("no"),
                "agenda": _lines(row.get("agenda"), _d(row.get("tanggal_terima"))),
                "media": row.get("media"), "teradu": row.get("teradu"),
                "pengadu": _lines(row.get("pengadu_nama"), f"NIK {nik}" if nik else None,
                                  row.get("alamat_kontak")),
                "pokok": row.get("pokok"), "hak": row.get("hak"),
                "disposisi": _lines(row.get("disposisi_kepada"), _d(row.get("disposisi_tanggal"))),
                # one outgoing letter number per line
                "tindak": _lines(row.get("tindak_lanjut"),
                                 "Surat keluar:\n" + surat.replace("; ", "\n") if surat else None),
                "status": _status(row), "lama": _days(row), "keterangan": row.get("keterangan"),
            }
    else:
        field_cols = [c for c in src.columns if c.key.startswith("f:")]
        shown, folded = field_cols[:PDF_FIELD_COLUMNS], field_cols[PDF_FIELD_COLUMNS:]
        cols = list(head)
        if "sop" in by_key:
            cols.append(Column("sop", "SOP", pdf_width=12))
            cols.append(Column("isian", "Isian", pdf_width=24))
        cols += [Column(c.key, c.label, c.kind, pdf_width=c.pdf_width) for c in shown]
        if folded:
            cols.append(Column("lain", "Isian Lain", pdf_width=18))
        cols += [Column("langkah", "Langkah / Posisi Saat Ini", pdf_width=16)] + tail

        def convert(row: dict) -> dict:
            out = {"no": row.get("no"),
                   "agenda": _lines(row.get("agenda"), _d(row.get("tanggal_terima"))),
                   "sop": row.get("sop"), "isian": row.get("isian"),
                   "lain": _lines(*(f"{c.label}: {display_value(row.get(c.key), c.kind)}"
                                    for c in folded if row.get(c.key) not in (None, ""))),
                   "langkah": _lines(row.get("langkah"),
                                     f"({row['posisi']})" if row.get("posisi") else None),
                   "status": _status(row), "lama": _days(row)}
            for c in shown:
                out[c.key] = row.get(c.key)
            return out

    return Table(src.title, cols, [convert(r) for r in src.rows], note=src.note)
