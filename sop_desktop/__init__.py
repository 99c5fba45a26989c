"""SOP Desktop headless core: SOP library, storage, workflow, layout and exports.

This package never imports Qt (tests/test_headless.py proves it).
"""

__version__ = "0.1.0"
APP_NAME = "SOP Desktop"
