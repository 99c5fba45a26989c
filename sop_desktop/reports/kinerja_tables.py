"""The kinerja report's tables (summary, step times, backlog, categories, monitoring) for its writers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sop_desktop.output.table import Column, Table

if TYPE_CHECKING:  # kinerja imports this module: only the type, to avoid a cycle
    from sop_desktop.reports.kinerja import KinerjaData

def summary_table(data: KinerjaData) -> tuple[Table, dict]:
    cols = [
        Column("no", "No", "int", width=5, pdf_width=3),
        Column("sop", "SOP", width=40, pdf_width=24),
        Column("received", "Diterima", "int", width=10, pdf_width=6),
        Column("finished", "Selesai", "int", width=10, pdf_width=6),
        Column("on_time", "Selesai dalam Mutu Baku", "int", width=12, pdf_width=7),
        Column("share", "% dalam Mutu Baku", "percent", width=11, pdf_width=7),
        Column("in_progress", "Dalam Proses", "int", width=10, pdf_width=6),
        Column("stopped", "Dihentikan", "int", width=11, pdf_width=6),
        Column("overdue", "Berjalan Melewati Batas", "int", width=12, pdf_width=7),
        Column("returned_cases", "Kasus Dikembalikan", "int", width=12, pdf_width=7),
        Column("returns", "Jumlah Pengembalian", "int", width=13, pdf_width=7),
    ]
    rows = []
    for i, f in enumerate(data.sops, 1):
        rows.append({"no": i, "sop": f.sop.name, "received": f.received, "finished": f.finished,
                     "on_time": f.finished_on_time, "share": f.on_time_share,
                     "in_progress": f.in_progress, "stopped": f.stopped, "overdue": f.overdue,
                     "returned_cases": f.returned_cases, "returns": f.returns})
    t = data.totals()
    total = {"sop": "Jumlah", "received": t["received"], "finished": t["finished"],
             "on_time": t["finished_on_time"],
             "share": (t["finished_on_time"] / t["finished_measured"]) if t["finished_measured"] else None,
             "in_progress": t["in_progress"], "stopped": t["stopped"], "overdue": t["overdue"],
             "returned_cases": t["returned_cases"], "returns": t["returns"]}
    note = ("Diterima: kasus yang masuk dalam periode. Selesai/dihentikan: yang ditutup dalam "
            "periode. Dalam proses dan melewati batas: keadaan pada akhir periode. Mutu baku = "
            "jumlah waktu semua langkah SOP menurut kalender kerja.")
    return Table("Ringkasan per SOP", cols, rows, note=note), total


UNIT_LABELS = (("menit", "menit"), ("hari kerja", "hari kerja"))


def steps_table(data: KinerjaData) -> Table:
    """Step times against their standard: each unit (menit, hari kerja) has its own columns,
    so a column holds one unit and sorts meaningfully."""
    multi = len(data.sops) > 1
    units = [u for u, _ in UNIT_LABELS
             if any(s.standard.unit == u for f in data.sops for s in f.steps)] or ["hari kerja"]
    cols = []
    if multi:
        cols.append(Column("sop", "SOP", width=30, pdf_width=14))
    cols += [
        Column("step", "Langkah", "int", width=8, pdf_width=4),
        Column("kegiatan", "Kegiatan", width=44, pdf_width=22),
        Column("position", "Pelaksana", width=26, pdf_width=12),
        Column("standard", "Standar Waktu", width=12, pdf_width=7),
        Column("count", "Jumlah", "int", width=8, pdf_width=5),
    ]
    for unit in units:
        cols += [Column(f"mean:{unit}", f"Rata-rata ({unit})", "float", width=10, pdf_width=6),
                 Column(f"median:{unit}", f"Median ({unit})", "float", width=10, pdf_width=6),
                 Column(f"p90:{unit}", f"Persentil 90 ({unit})", "float", width=10,
                        pdf_width=6)]
    cols += [Column("within", "% Sesuai Standar", "percent", width=10, pdf_width=6),
             Column("returns", "Dikembalikan dari Langkah Ini", "int", width=13, pdf_width=7)]
    rows = []
    for f in data.sops:
        for s in f.steps:
            unit = s.standard.unit
            rows.append({"sop": f.sop.name, "step": s.number, "kegiatan": s.kegiatan,
                         "position": s.position, "standard": s.standard.text or "-",
                         "unit": unit, "count": s.count, f"mean:{unit}": s.mean,
                         f"median:{unit}": s.median, f"p90:{unit}": s.p90,
                         "within": s.within_share, "returns": s.returns})
    note = ("Waktu per langkah dihitung dari kunjungan yang berakhir dalam periode, dalam waktu "
            "kerja, dibandingkan dengan standar waktu langkah: langkah berstandar menit/jam "
            "dalam kolom (menit), langkah berstandar hari dalam kolom (hari kerja).")
    return Table("Waktu per Langkah", cols, rows, note=note)


def positions_table(data: KinerjaData) -> Table:
    cols = [Column("position", "Jabatan", width=44, pdf_width=30),
            Column("backlog", "Kasus Berjalan", "int", width=12, pdf_width=8),
            Column("overdue", "Melewati Batas Waktu", "int", width=14, pdf_width=8),
            Column("share", "% Melewati Batas", "percent", width=12, pdf_width=8)]
    rows = [{"position": p.position, "backlog": p.backlog, "overdue": p.overdue,
             "share": p.overdue / p.backlog if p.backlog else None} for p in data.positions]
    return Table("Tunggakan per Jabatan", cols, rows,
                 note="Kasus yang sedang menunggu di setiap jabatan pada akhir periode.")


def categories_table(data: KinerjaData) -> Table:
    multi = len(data.sops) > 1
    cols = []
    if multi:
        cols.append(Column("sop", "SOP", width=30, pdf_width=14))
    cols += [Column("category", "Kategori", width=24, pdf_width=12),
             Column("value", "Nilai", width=36, pdf_width=20),
             Column("received", "Diterima dalam Periode", "int", width=11, pdf_width=7),
             Column("finished", "Selesai dalam Periode", "int", width=11, pdf_width=7),
             Column("open", "Masih Berjalan (dari yang Diterima)", "int", width=13,
                    pdf_width=8)]
    rows = []
    for f in data.sops:
        for value, received, finished, still_open in f.categories:
            rows.append({"sop": f.sop.name, "category": f.category_label, "value": value,
                         "received": received, "finished": finished, "open": still_open})
    return Table("Rincian menurut Kategori", cols, rows, note=CATEGORY_NOTE)


CATEGORY_NOTE = ("Kasus menurut isian kategorinya (mis. hak yang diduga dilanggar). Diterima: "
                 "kasus yang masuk dalam periode. Selesai: kasus yang selesai dalam periode, "
                 "juga yang masuk sebelum periode. Masih berjalan: kasus yang masuk dalam "
                 "periode dan belum selesai pada akhir periode.")


def monitoring_table(data: KinerjaData) -> Table:
    cols = [Column("no", "No", "int", width=5, pdf_width=3),
            Column("prosedur", "Prosedur", width=34, pdf_width=16),
            Column("baik", "Berjalan dengan Baik", "bool", width=12, pdf_width=7),
            Column("tidak", "Tidak Berjalan dengan Baik", "bool", width=13, pdf_width=7),
            Column("catatan", "Catatan Hasil Penilaian", width=60, pdf_width=30),
            Column("tindakan", "Tindakan yang Harus Diambil", width=50, pdf_width=26)]
    rows = []
    for i, m in enumerate(data.monitoring, 1):
        rows.append({"no": i, "prosedur": m.prosedur,
                     "baik": "✓" if m.baik is True else None,
                     "tidak": "✓" if m.baik is False else None,
                     "catatan": m.catatan, "tindakan": m.tindakan})
    return Table("Formulir Monitoring Pelaksanaan SOP", cols, rows,
                 note="Diisi awal dari angka laporan ini sebagai usulan; penilai memeriksa, "
                      "mengubah dan melengkapinya (Permenpan RB Nomor 35 Tahun 2012).")
