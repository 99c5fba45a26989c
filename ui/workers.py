"""Long work off the UI thread: a QRunnable returns data, signals bring it back.

The worker never touches widgets; its result and progress arrive on the UI thread through
queued signals of a QObject that lives there. Every TaskRunner runs on the one worker pool of
the application, and a worker's database connection is closed here, in one place, after each
task (never by the task itself).
"""

from __future__ import annotations

import inspect
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from sop_desktop.errors import SopError
from sop_desktop.services.container import Services

WORKER_THREADS = 2  # the machine is an office PC: two workers beside the UI thread
_POOLS: dict[int, QThreadPool] = {}  # the one pool per QCoreApplication (by its id)

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


def close_thread_connection() -> None:
    """Close the database connection the calling (worker) thread opened, if it opened one;
    peewee keeps one connection per thread, so the UI thread's stays open."""
    Services.close_thread_connection()


def worker_pool() -> QThreadPool:
    """The application's one worker pool, shared by every TaskRunner."""
    app = QCoreApplication.instance()
    key = id(app)
    pool = _POOLS.get(key)
    if pool is None:
        pool = QThreadPool(app)
        pool.setMaxThreadCount(WORKER_THREADS)
        _POOLS.clear()  # a pool of an application that is gone is never used again
        _POOLS[key] = pool
    return pool


def _wait_for(ends: list[threading.Event], seconds: float = 60.0) -> None:
    """Block until these tasks have ended (a runner being destroyed waits for its own)."""
    for ended in list(ends):
        ended.wait(seconds)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: TaskSignals, ended: threading.Event):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.ended = ended
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int, what: str = "") -> None:
            self.signals.progress.emit(int(done), int(total), str(what))

        try:
            takes_progress = "progress" in inspect.signature(self.fn).parameters
            result = self.fn(progress=progress) if takes_progress else self.fn()
        except SopError as exc:
            close_thread_connection()
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # report, never crash the worker thread silently
            close_thread_connection()
            _log_unexpected(exc)
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc()}")
        else:
            close_thread_connection()  # before the UI thread hears of the result
            self.signals.finished.emit(result)
        finally:
            self.ended.set()


class TaskRunner(QObject):
    """Runs callables on the application's worker pool; `wait()` at shutdown leaves no thread
    behind. Every write and long read of the window goes through one of these."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = worker_pool()
        self._active: set[TaskSignals] = set()
        # the pool outlives this runner: when it is destroyed, its tasks (which emit through
        # its TaskSignals children) end first, as a pool of its own used to make sure
        ends: list[threading.Event] = []
        self._ends = ends
        self.destroyed.connect(lambda *_args: _wait_for(ends))

    def start(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
              on_error: Callable[[str], None],
              on_progress: Callable[[int, int, str], None] | None = None) -> TaskSignals:
        """Run fn (optionally fn(progress=cb)) and call on_done(result) / on_error(message)."""
        signals = TaskSignals(self)
        self._active.add(signals)
        ended = threading.Event()
        self._ends[:] = [e for e in self._ends if not e.is_set()] + [ended]

        def done(result: Any) -> None:
            self._release(signals)
            on_done(result)

        def failed(message: str) -> None:
            self._release(signals)
            on_error(message)

        signals.finished.connect(done)
        signals.failed.connect(failed)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.pool.start(_Runnable(fn, signals, ended))
        return signals

    def _release(self, signals: TaskSignals) -> None:
        """Let a finished task's signals go (deleted later, on the UI thread)."""
        self._active.discard(signals)
        # out of the runner's children first: its deletion drops the callbacks, which may hold
        # the last reference to this runner's owner; that owner then deletes the runner and
        # its children, and a child being deleted would be deleted twice (segfault, bus error)
        signals.setParent(None)
        signals.deleteLater()

    def busy(self) -> bool:
        return bool(self._active)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the pool's work (every runner's) to end; False when time ran out."""
        return self.pool.waitForDone(msecs)
