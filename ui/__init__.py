"""SOP Desktop's Qt interface: the only layer that imports PySide6.

`ui.app.run_app(db_target)` opens the window; every widget receives the core `Services`
through its constructor.
"""
