"""The `sop-desktop` console script: a subcommand runs headless (sop_desktop.cli), no command
opens the window. The Qt layer sits above the core, so the core never launches the GUI itself."""

from __future__ import annotations

import sys


def open_window(db: str | None) -> int:
    """Open the window on `db` (the default data folder when None)."""
    from ui.app import run_app  # Qt loads only when the window opens, not for a command

    return run_app(db)


def window_check(*args, **kwargs) -> str:
    """The self-test's window check (Qt plugins, translations, the main window offscreen)."""
    from ui.selftest_window import check_main_window  # Qt loads only when this check runs

    return check_main_window(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    from sop_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv, open_window=open_window,
                    window_check=window_check)


if __name__ == "__main__":
    raise SystemExit(main())
