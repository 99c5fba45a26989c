"""The CLI's earlier (Indonesian) option spellings: one helper adds them, they still work,
and --help never shows them."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from sop_desktop.cli import add_option, build_parser


def _parsers(parser: argparse.ArgumentParser, path: str = "sop-desktop"
             ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the command tree with its command path."""
    yield path, parser
    for action in parser._actions:  # argparse keeps the subcommands here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def _hidden(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and a.help == argparse.SUPPRESS]


def test_add_option_accepts_the_earlier_spelling_into_the_same_destination() -> None:
    parser = argparse.ArgumentParser(prog="uji")
    add_option(parser, "--paper", earlier="--kertas", dest="kertas", choices=["A4", "F4"],
               default=None, help="ukuran kertas")
    add_option(parser, "--again", earlier="--lagi", dest="lagi", action="store_true")
    add_option(parser, "--note", earlier="--catatan", dest="notes", action="append", default=[])

    assert parser.parse_args([]) == argparse.Namespace(kertas=None, lagi=False, notes=[])
    args = parser.parse_args(["--kertas", "F4", "--lagi", "--catatan", "a", "--note", "b"])
    assert (args.kertas, args.lagi, args.notes) == ("F4", True, ["a", "b"])
    assert parser.parse_args(["--paper", "A4"]).kertas == "A4"
    with pytest.raises(SystemExit):  # the earlier spelling keeps the choices
        parser.parse_args(["--kertas", "A5"])
    shown = parser.format_help()
    assert "--paper" in shown and "--again" in shown and "--note" in shown
    assert "--kertas" not in shown and "--lagi" not in shown and "--catatan" not in shown


def test_every_hidden_option_of_the_cli_is_an_earlier_spelling_of_a_shown_one() -> None:
    found = 0
    for path, parser in _parsers(build_parser()):
        shown = parser.format_help()
        visible = {a.dest: a for a in parser._actions
                   if a.option_strings and a.help != argparse.SUPPRESS}
        for action in _hidden(parser):
            found += 1
            flag = action.option_strings[0]
            assert action.dest in visible, f"{path} {flag}: no shown option writes {action.dest}"
            current = visible[action.dest]
            assert action.choices == current.choices, f"{path} {flag}: other choices"
            assert action.nargs == current.nargs, f"{path} {flag}: another kind of option"
            assert action.default is argparse.SUPPRESS, f"{path} {flag} overrides the default"
            assert f"{flag} " not in shown and f"{flag}," not in shown, f"{path} shows {flag}"
    assert found >= 19  # export, letter and disposisi keep their earlier spellings


@pytest.mark.parametrize(("argv", "expected"), [
    (["export", "register", "-o", "r.pdf", "--kertas", "A4", "--ttd-jabatan", "Kepala",
      "--ttd-nama", "Budi", "--ttd-nip", "198001012005011001"],
     {"kertas": "A4", "ttd_jabatan": "Kepala", "ttd_nama": "Budi",
      "ttd_nip": "198001012005011001"}),
    (["export", "kinerja", "-o", "k.xlsx", "--period", "2026", "--kategori", "hak"],
     {"kategori": "hak", "kertas": None}),
    (["letter", "K-1", "surat", "--tanggal", "2026-11-21", "--kertas", "F4", "--lagi",
      "--tahun-lain"],
     {"tanggal": "2026-11-21", "kertas": "F4", "lagi": True, "tahun_lain": True}),
    (["letter", "numbering", "--kode-kantor", "W.6", "--pola", "{nomor}", "--klasifikasi", "HM",
      "--per-klasifikasi", "ya"],
     {"kode_kantor": "W.6", "pola": "{nomor}", "klasifikasi": "HM", "per_klasifikasi": "ya"}),
    (["disposisi", "K-1", "--to", "budi", "--instruksi", "proses", "--instruction", "jawab",
      "--catatan", "segera", "--as", "budi"],
     {"instruksi": ["proses", "jawab"], "catatan": "segera"}),
])
def test_the_earlier_spellings_still_parse(argv: list[str], expected: dict[str, object]) -> None:
    args = build_parser().parse_args(argv)
    assert {key: getattr(args, key) for key in expected} == expected
