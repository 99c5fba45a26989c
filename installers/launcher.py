"""Entry script frozen by PyInstaller: the same `sop-desktop` command as the pip install."""

import multiprocessing

from ui.launch import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
