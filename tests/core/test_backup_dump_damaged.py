"""A damaged logical dump (.sopdump) is refused with an Indonesian message, database untouched."""

from __future__ import annotations

import pytest

from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm


def test_a_data_row_before_any_table_name_is_refused_not_a_traceback(services, tmp_path):
    dbm.set_setting("office.name", "Kanwil Utuh")
    dump = bk.dump_logical(services, tmp_path / "isi.sopdump")
    header, *rest = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = tmp_path / "rusak.sopdump"
    # a row of values where the first table's name line should come (a cut or edited file)
    damaged.write_text(header + '["baris", "tanpa", "tabel"]\n' + "".join(rest), encoding="utf-8")
    dbm.set_setting("office.name", "Sekarang")

    with pytest.raises(bk.BackupError) as err:
        bk.restore_logical(services, damaged)

    assert str(err.value) == (f"Berkas {damaged} rusak: baris data sebelum nama tabelnya.")
    assert dbm.get_setting("office.name") == "Sekarang"  # nothing restored, nothing lost
