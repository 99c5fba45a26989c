"""The headless commands of `sop-desktop` (the console script is ui.launch: no arguments opens
the window there; a subcommand comes here and works without Qt).

Each command group lives in its own module here with `register(subparsers)`; a command is a
function `run(args, ctx) -> int`. Errors the user can fix print one Indonesian line on stderr
and exit non-zero; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from sop_desktop import __version__
from sop_desktop.errors import SopError, storage_error
from sop_desktop.ops.selftest import run_self_test
from sop_desktop.paths import data_dir

if TYPE_CHECKING:  # imported where used: `--self-test` starts before the core loads (it checks that)
    from sop_desktop.services.container import Services

GROUPS = ("sop", "position", "user", "case", "inbox", "disposisi", "demo", "export", "letter",
          "backup", "check")

log = logging.getLogger("sop_desktop")
# what each command group's register() adds its parser to (argparse names it privately)
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Context:
    """Lazily opened services for a command (so `--help` never touches the database)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._services: Services | None = None
        self.anchor_on_close = True  # `check` turns it off when it found a problem

    @property
    def services(self) -> Services:
        """The services over the command's database, opened on first use."""
        if self._services is None:
            # deferred: `--self-test` starts before the core loads (it checks that it loads)
            from sop_desktop.services.container import Services

            self._services = Services(self.args.db)
        return self._services

    def close(self) -> None:
        """Close the services when they were opened (writing the chain's anchor first)."""
        if self._services is not None:
            if self.anchor_on_close:
                from sop_desktop.storage.anchors import write_anchor  # deferred: as Services

                # closing the app: the chain's head leaves the database (only when it moved)
                write_anchor("tutup", self._services.db)
            self._services.close()


def print_json(data: object) -> None:
    """`data` as indented JSON on stdout (dates and other values as their text)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def add_option(parser: argparse.ArgumentParser, flag: str, *, earlier: str, **kwargs: Any) -> argparse.Action:
    """Add the option `flag` and `earlier`, an earlier spelling of it (the Indonesian word it
    had before): the same destination, action and choices, still accepted, hidden from --help."""
    action = parser.add_argument(flag, **kwargs)
    same = {k: v for k, v in kwargs.items() if k in ("action", "choices", "type", "nargs", "const")}
    parser.add_argument(earlier, dest=action.dest, default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS, **same)
    return action


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sop-desktop",
        description="SOP Desktop: SOP AP sebagai alat kerja kantor. Tanpa perintah: membuka jendela.")
    parser.add_argument("--version", action="version", version=f"SOP Desktop {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None,
                        help="berkas SQLite atau URL postgresql:// (bawaan: SOP_DESKTOP_DB, lalu "
                             "berkas di folder data pengguna)")
    parser.add_argument("--self-test", action="store_true",
                        help="uji mandiri pada basis data sementara, lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in GROUPS:
        module = importlib.import_module(f"sop_desktop.cli.{name}")  # by name: PyInstaller lists them
        module.register(sub)
    return parser


class _Parser(argparse.ArgumentParser):
    pass


def main(argv: list[str] | None = None, *, open_window: Callable[[str | None], int] | None = None,
         window_check: Callable[..., Any] | None = None) -> int:
    """Run one command; without a command, `open_window(db)` (given by ui.launch) or the help."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # before the command modules load: the self-test checks them too
        return run_self_test(parser_factory=build_parser, window_check=window_check)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    if args.self_test:
        return run_self_test(parser_factory=build_parser, window_check=window_check)
    if not args.command:
        if open_window is None:
            parser.print_help()
            return 2
        return open_window(args.db)
    func = getattr(args, "func", None)
    if func is None:
        parser.parse_args([*argv, "--help"])
        return 2
    ctx = Context(args)
    try:
        return int(func(args, ctx) or 0)
    except SopError as exc:
        sys.stderr.write(f"Kesalahan: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan.\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line for the user, the traceback in the log
        known = storage_error(exc)
        if known is not None:  # a full disk is the user's to fix, not a crash
            sys.stderr.write(f"Kesalahan: {known}\n")
            return 1
        path = _write_crash_log()
        sys.stderr.write(f"Kesalahan tak terduga: {exc.__class__.__name__}: {exc} (rincian: {path})\n")
        return 3
    finally:
        ctx.close()


def _write_crash_log() -> str:
    """The traceback appended to logs/cli-error.log in the data folder; the path, or why not."""
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "cli-error.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return str(path)
    except OSError:
        return "log tidak dapat ditulis"

