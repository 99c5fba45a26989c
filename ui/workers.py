"""Long work off the UI thread: a QRunnable returns data, signals bring it back.

The worker never touches widgets; its result and progress arrive on the UI thread through
queued signals of a QObject that lives there.
"""

from __future__ import annotations

import inspect
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from sop_desktop.errors import SopError

TRACEBACK_MARK = "Traceback (most recent call last)"


class TaskCancelled(SopError):
    """Raised in a worker at its next progress report once the user pressed Batal; the core's
    writers then leave no half-written file."""

    TEXT = "Dibatalkan oleh pengguna."

    def __init__(self) -> None:
        super().__init__(self.TEXT)


def user_message(message: str) -> str:
    """What a user reads for a failed task: a SopError's own Indonesian sentence as it is; for
    an unexpected error one Indonesian line naming it (the traceback went to the crash log)."""
    if TRACEBACK_MARK not in message:
        return message.strip()
    first = message.splitlines()[0].strip() if message.strip() else ""
    return QCoreApplication.translate(
        "TaskRunner", "Terjadi kesalahan tak terduga (%1). Rinciannya dicatat di berkas log "
        "aplikasi.").replace("%1", first)


def _log_unexpected(exc: BaseException) -> None:
    """Write an unexpected worker error to the crash log, as the crash handler does for slots."""
    try:
        from ui.crash import write_crash_log

        write_crash_log(type(exc), exc, exc.__traceback__)
    except Exception:  # noqa: BLE001 (a log that cannot be written must not hide the error)
        pass


class TaskSignals(QObject):
    """Lives on the UI thread; emitted from the worker, delivered queued."""

    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, fn, signals: TaskSignals):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int, what: str = "") -> None:
            self.signals.progress.emit(int(done), int(total), str(what))

        try:
            takes_progress = "progress" in inspect.signature(self.fn).parameters
            result = self.fn(progress=progress) if takes_progress else self.fn()
        except SopError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # report, never crash the worker thread silently
            _log_unexpected(exc)
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc()}")
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs callables on its own thread pool; `wait()` at shutdown leaves no thread behind."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._active: set[TaskSignals] = set()

    def start(self, fn, on_done, on_error, on_progress=None) -> TaskSignals:
        """Run fn (optionally fn(progress=cb)) and call on_done(result) / on_error(message)."""
        signals = TaskSignals(self)
        self._active.add(signals)

        def done(result) -> None:
            self._release(signals)
            on_done(result)

        def failed(message: str) -> None:
            self._release(signals)
            on_error(message)

        signals.finished.connect(done)
        signals.failed.connect(failed)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.pool.start(_Runnable(fn, signals))
        return signals

    def _release(self, signals: TaskSignals) -> None:
        self._active.discard(signals)
        signals.deleteLater()

    def busy(self) -> bool:
        return bool(self._active)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
