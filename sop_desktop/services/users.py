"""Users, their roles and the positions they hold; passwords hashed with scrypt.

Roles: administrator (manages users, reopens stopped cases, also works as an operator),
operator (a clerk: opens cases and records steps on behalf of officials and of the public),
pejabat (an official: acts on the steps of the positions they hold).
"""

from __future__ import annotations

import base64
import builtins
import datetime as dt
import hashlib
import hmac
import logging
import math
import os
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NoReturn

from sop_desktop.errors import NotFound, PermissionDenied, ValidationError
from sop_desktop.services.changes import Changes, Outcome
from sop_desktop.services.positions import PositionService
from sop_desktop.storage import db as dbm

log = logging.getLogger(__name__)
# Refusals are logged as warnings; without a configured handler they must not reach stderr
# (the CLI prints exactly one line per error), so the package gets a NullHandler.
logging.getLogger("sop_desktop").addHandler(logging.NullHandler())

# OWASP password storage cheat sheet: scrypt N=2^17, r=8, p=1.
SCRYPT_N = 2 ** 17
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 8
ROLES = dbm.ROLES
ROLE_LABELS = {"administrator": "Administrator", "operator": "Operator", "pejabat": "Pejabat"}
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")

# Log-in slow-down: the first FREE_ATTEMPTS failures in a row cost nothing; from then on each
# failure locks the name for BASE_DELAY seconds, doubling per failure up to MAX_DELAY.
FREE_ATTEMPTS = 3
BASE_DELAY = 5
MAX_DELAY = 300
_UNKNOWN_TRACKED = 1000  # unknown names remembered in-process (bounded: guessing must not grow memory)
_WRONG = "Nama pengguna atau kata sandi salah"


def login_delay(failures: int) -> int:
    """Seconds a name is locked after `failures` failed log-ins in a row (0: none yet)."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY, BASE_DELAY * 2 ** min(failures - FREE_ATTEMPTS, 16))


def throttle_message(seconds: int) -> str:
    return f"Terlalu banyak percobaan. Coba lagi dalam {seconds} detik."


class LoginThrottled(PermissionDenied):
    """A log-in refused because of earlier failures; `seconds` until the next attempt counts."""

    def __init__(self, seconds: int, prefix: str = "") -> None:
        self.seconds = int(seconds)
        text = throttle_message(self.seconds)
        super().__init__(f"{prefix}. {text}" if prefix else text)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # maxmem: scrypt needs 128*n*r*p bytes; allow twice that (the default 32 MiB is too small)
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * n * r * p + 1024 * 1024, dklen=KEY_BYTES)


def hash_password(password: str, *, n: int | None = None) -> str:
    """'scrypt$n$r$p$salt$hash' (salt and hash in base64)."""
    n = n or SCRYPT_N
    salt = os.urandom(SALT_BYTES)
    key = _scrypt(password, salt, n, SCRYPT_R, SCRYPT_P)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


_DUMMY: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash at the current cost, so an unknown name takes as long as a wrong password."""
    if SCRYPT_N not in _DUMMY:
        _DUMMY[SCRYPT_N] = hash_password(os.urandom(16).hex())
    return _DUMMY[SCRYPT_N]


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter")


def log_refusal(user: dbm.User | None, action: str, reason: str,
                case: dbm.Case | None = None) -> None:
    """Record a refused action in the `refusal` table and the log (deny by default).

    Never pass a password or anything the user typed into a password field: a name that is not
    a known user is not logged either, because people type their password into the name box."""
    username = getattr(user, "username", "") or ""
    log.warning("ditolak: %s oleh %s pada %s: %s", action, username or "-",
                getattr(case, "number", "-"), reason)
    try:
        with dbm.database.atomic():
            dbm.Refusal.create(user=getattr(user, "id", None), username=username,
                               case=case.id if case is not None else None, action=action,
                               reason=reason)
    except Exception:  # noqa: BLE001 - a failed log line must not hide the refusal itself
        log.exception("penolakan tidak dapat dicatat")


# Actions only an administrator may take, in the window and the CLI alike (issue 13.1):
# what each is called in a refusal ("Hanya administrator yang dapat ...") and in the log.
ADMIN_ACTIONS: dict[str, str] = {
    "pulihkan": "memulihkan basis data dari cadangan",
    "folder_cadangan": "mengganti folder cadangan",
    "impor_sop": "mengimpor SOP",
    "demo": "mengisi data demo",
    "kelola_pengguna": "mengelola pengguna",
}


def is_administrator(user: dbm.User | None) -> bool:
    """True for an active administrator (the one check every admin-only action uses)."""
    return (user is not None and getattr(user, "role", None) == "administrator"
            and bool(getattr(user, "active", True)))


def has_active_administrator() -> bool:
    """True once the database has an active administrator (before that: first-run setup)."""
    return dbm.User.select().where((dbm.User.role == "administrator") &
                                   (dbm.User.active == True)).exists()  # noqa: E712


def admin_refusal(user: dbm.User | None, action: str, *,
                  first_run_ok: bool = False) -> str | None:
    """Why `user` may not take the administrator action `action` (Indonesian), else None.

    `user` None means nobody signed in (the CLI without --as): allowed only when
    `first_run_ok` and no active administrator exists yet (a new database)."""
    doing = ADMIN_ACTIONS.get(action, action)
    if user is None:
        if first_run_ok and not has_active_administrator():
            return None
        return (f"Hanya administrator yang dapat {doing}; sebutkan administrator yang "
                "bertindak (--as NAMA_ADMINISTRATOR)")
    if not is_administrator(user):
        return f"Hanya administrator yang dapat {doing} ({user.username} bukan administrator)"
    return None


def require_admin(user: dbm.User | None, action: str, *, first_run_ok: bool = False,
                  case: dbm.Case | None = None) -> None:
    """Raise PermissionDenied (logged as a refusal) unless `user` may take admin `action`."""
    reason = admin_refusal(user, action, first_run_ok=first_run_ok)
    if reason is not None:
        log_refusal(user, ADMIN_ACTIONS.get(action, action), reason, case)
        raise PermissionDenied(reason)


def log_admin_action(user: dbm.User | None, action: str, detail: str = "") -> None:
    """Write an administrator action that was carried out to the app log."""
    who = getattr(user, "username", "") or "(tanpa administrator, basis data baru)"
    log.info("tindakan administrator: %s oleh %s%s", ADMIN_ACTIONS.get(action, action), who,
                f": {detail}" if detail else "")


class _Unchecked:
    """The type of `_UNCHECKED`: no acting user given, nothing to check."""


_UNCHECKED = _Unchecked()


class UserService:
    """Create, authenticate and manage users and the positions they hold.

    `clock` (a callable returning the office's local time) decides when a log-in slow-down
    ends; tests replace it instead of sleeping."""

    def __init__(self, positions: PositionService,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.positions = positions
        self.clock = clock or dbm.now_local
        # unknown names get the same slow-down as real ones (so it reveals no names); kept in
        # memory only: they have no row to store it in
        self._unknown: OrderedDict[str, tuple[int, dt.datetime | None]] = OrderedDict()

    def has_administrator(self) -> bool:
        return has_active_administrator()

    def check_may_add(self, actor: dbm.User | None, action: str = "tambah pengguna",
                      doing: str = "menambah pengguna") -> None:
        """Managing users is for administrators, except before any active administrator
        exists (the first-run setup creates the first one). Refusals are logged."""
        if actor is None:
            if not self.has_administrator():
                return
            log_refusal(None, action, "tanpa administrator")
            raise PermissionDenied(f"Sudah ada administrator: hanya administrator yang dapat "
                                   f"{doing} (sebutkan administrator yang bertindak)")
        if not is_administrator(actor):
            log_refusal(actor, action, "bukan administrator")
            raise PermissionDenied(f"Hanya administrator yang dapat {doing}")

    def create(self, username: str, name: str, password: str, role: str = "pejabat", *,
               nip: str = "", jabatan: str = "", positions: list[str] | None = None,
               password_hash: str | None = None,
               by: dbm.User | None | _Unchecked = _UNCHECKED) -> dbm.User:
        """A new user; `password_hash` lets bulk tools (demo) reuse one computed hash.

        `by` is the acting user (or None): when given, check_may_add decides first."""
        if not isinstance(by, _Unchecked):
            self.check_may_add(by)
        username = (username or "").strip()
        if not _USERNAME.match(username):
            raise ValidationError(
                f"Nama pengguna '{username}' tidak valid: 2–64 huruf, angka, titik, garis bawah "
                "atau tanda minus, diawali huruf atau angka")
        if not (name or "").strip():
            raise ValidationError("Nama lengkap pengguna wajib diisi")
        if role not in ROLES:
            raise ValidationError(f"Peran '{role}' tidak dikenal (pilih: {', '.join(ROLES)})")
        nip = (nip or "").strip().replace(" ", "")
        if nip and not re.fullmatch(r"\d{18}", nip):
            raise ValidationError(f"NIP '{nip}' harus 18 angka")
        if password_hash is None:
            check_password_strength(password)
            password_hash = hash_password(password)
        resolved = [self.positions.get(p) for p in (positions or [])]
        with dbm.database.atomic():
            if dbm.User.get_or_none(dbm.User.username == username) is not None:
                raise ValidationError(f"Nama pengguna '{username}' sudah dipakai")
            user = dbm.User.create(username=username, name=name.strip(), nip=nip,
                                   jabatan=(jabatan or "").strip(), password_hash=password_hash,
                                   role=role)
            for pos in resolved:
                dbm.UserPosition.get_or_create(user=user, position=pos)
            # deferred on purpose: the global chain's module is for writing, which the first
            # screen never does (issue 19, start-up)
            from sop_desktop.storage.ledger import record_user

            record_user(user.id)  # the global chain covers every user's names
        if not isinstance(by, _Unchecked):
            log_admin_action(by, "kelola_pengguna", f"pengguna {username} ({role}) ditambahkan")
        return user

    def get(self, username: str) -> dbm.User:
        user = dbm.User.get_or_none(dbm.User.username == (username or "").strip())
        if user is None:
            raise NotFound(f"Pengguna '{username}' tidak ditemukan")
        return user

    def get_by_id(self, user_id: int) -> dbm.User:
        user = dbm.User.get_or_none(dbm.User.id == user_id)
        if user is None:
            raise NotFound(f"Pengguna #{user_id} tidak ditemukan")
        return user

    def list(self) -> list[dbm.User]:
        return list(dbm.User.select().order_by(dbm.User.username))

    def authenticate(self, username: str, password: str) -> dbm.User:
        """The user, when the password is right; one message for every failure (no hints).

        After FREE_ATTEMPTS failures in a row the name is locked for a growing time
        (LoginThrottled says how long); attempts while locked are refused unchecked."""
        name = (username or "").strip()
        now = self.clock()
        user = dbm.User.get_or_none(dbm.User.username == name)
        if user is None:
            return self._unknown_attempt(name, password, now)
        wait = _remaining(user.locked_until, now)
        if wait:
            log_refusal(user, "masuk", f"diperlambat setelah {user.failed_logins} kali gagal")
            raise LoginThrottled(wait)
        if not user.active:
            log_refusal(user, "masuk", "pengguna nonaktif")
            raise PermissionDenied(f"Pengguna '{user.username}' sudah dinonaktifkan")
        if not verify_password(password, user.password_hash):
            delay = self._count_failure(user, now)
            log_refusal(user, "masuk", "kata sandi salah")
            if delay:
                raise LoginThrottled(delay, _WRONG)
            raise PermissionDenied(_WRONG)
        if user.failed_logins or user.locked_until is not None:
            with dbm.database.atomic():
                dbm.User.update(failed_logins=0, locked_until=None).where(
                    dbm.User.id == user.id).execute()
            user.failed_logins, user.locked_until = 0, None
        return user

    def login_wait(self, username: str) -> int:
        """Seconds until `username` may try again (0: now); for the log-in dialog's countdown."""
        name = (username or "").strip()
        now = self.clock()
        user = dbm.User.get_or_none(dbm.User.username == name)
        if user is None:
            return _remaining(self._unknown.get(name, (0, None))[1], now)
        return _remaining(user.locked_until, now)

    def _count_failure(self, user: dbm.User, now: dt.datetime) -> int:
        """One more failure in a row, stored; returns the lock it starts (seconds, 0: none)."""
        with dbm.database.atomic():
            dbm.User.update(failed_logins=dbm.User.failed_logins + 1).where(
                dbm.User.id == user.id).execute()
            failures = dbm.User.select(dbm.User.failed_logins).where(
                dbm.User.id == user.id).scalar() or 0
            delay = login_delay(failures)
            until = now + dt.timedelta(seconds=delay) if delay else None
            dbm.User.update(locked_until=until).where(dbm.User.id == user.id).execute()
        user.failed_logins, user.locked_until = failures, until
        return delay

    def _unknown_attempt(self, name: str, password: str, now: dt.datetime) -> NoReturn:
        failures, until = self._unknown.get(name, (0, None))
        wait = _remaining(until, now)
        if wait:
            log_refusal(None, "masuk", "pengguna tidak dikenal, diperlambat")
            raise LoginThrottled(wait)
        verify_password(password, _dummy_hash())  # the same work as for a real user
        failures += 1
        delay = login_delay(failures)
        self._unknown[name] = (failures, now + dt.timedelta(seconds=delay) if delay else None)
        self._unknown.move_to_end(name)
        while len(self._unknown) > _UNKNOWN_TRACKED:
            self._unknown.popitem(last=False)
        # the typed name is not logged: it may be a password typed into the wrong box
        log_refusal(None, "masuk", "pengguna tidak dikenal")
        if delay:
            raise LoginThrottled(delay, _WRONG)
        raise PermissionDenied(_WRONG)

    def position_names(self, user: dbm.User) -> builtins.list[str]:
        query = (dbm.Position.select(dbm.Position.name).join(dbm.UserPosition)
                 .where(dbm.UserPosition.user == user).order_by(dbm.Position.name))
        return [p.name for p in query]

    def position_ids(self, user: dbm.User | int | None) -> set[int]:
        # a prepared statement: every action checks it (issue 19)
        if user is None:
            return set()
        user_id = user if isinstance(user, int) else int(user.id)
        rows = dbm.database.execute_sql(
            f'SELECT "position_id" FROM "user_position" WHERE "user_id" = {dbm.database.param}',
            (user_id,)).fetchall()
        return {row[0] for row in rows}

    def holders(self, position: dbm.Position | int) -> builtins.list[dbm.User]:
        """Active users who hold a position."""
        return list(dbm.User.select().join(dbm.UserPosition)
                    .where((dbm.UserPosition.position == position) & (dbm.User.active == True))  # noqa: E712
                    .order_by(dbm.User.name))

    def set_positions(self, user: dbm.User,
                      positions: builtins.list[str]) -> builtins.list[str]:
        resolved = [self.positions.get(p) for p in positions]
        with dbm.database.atomic():
            dbm.UserPosition.delete().where(dbm.UserPosition.user == user).execute()
            for pos in resolved:
                dbm.UserPosition.get_or_create(user=user, position=pos)
        return self.position_names(user)

    def update(self, user: dbm.User, *, name: str | None = None, nip: str | None = None,
               jabatan: str | None = None, role: str | None = None,
               active: bool | None = None) -> dbm.User:
        if role is not None and role not in ROLES:
            raise ValidationError(f"Peran '{role}' tidak dikenal (pilih: {', '.join(ROLES)})")
        if nip is not None and nip and not re.fullmatch(r"\d{18}", nip.strip()):
            raise ValidationError(f"NIP '{nip}' harus 18 angka")
        for attr, value in (("name", name), ("nip", nip), ("jabatan", jabatan), ("role", role),
                            ("active", active)):
            if value is not None:
                setattr(user, attr, value.strip() if isinstance(value, str) else value)
        # deferred on purpose: the global chain's module is for writing (issue 19, start-up)
        from sop_desktop.storage.ledger import record_user

        with dbm.database.atomic():
            user.save()
            record_user(user.id)
        return user

    def save_account(self, admin: dbm.User, user: dbm.User | None, *, username: str, name: str,
                     nip: str, role: str, active: bool, password: str,
                     positions: builtins.list[str]) -> Outcome[dbm.User]:
        """Administration's Simpan pengguna: a new account (`user` None) or the edit of one,
        with its positions and (when given) a new password, in one transaction."""
        require_admin(admin, "kelola_pengguna")  # refusal logged
        with dbm.database.atomic():
            if user is None:
                user = self.create(username, name, password, role, nip=nip, positions=positions,
                                   by=admin)
                if not active:
                    self.update(user, active=False)
            else:
                if user.id == admin.id and (role != "administrator" or not active):
                    raise PermissionDenied("Anda tidak dapat mencabut peran administrator atau "
                                           "menonaktifkan akun Anda sendiri.")
                self.update(user, name=name, nip=nip, role=role, active=active)
                self.set_positions(user, positions)
                if password:
                    self.reset_password(admin, user, password)
                log_admin_action(admin, "kelola_pengguna",
                                 f"pengguna {user.username} diubah ({user.role}, "
                                 f"{'aktif' if user.active else 'nonaktif'})")
        # who holds which position moves inboxes and who may act on every case
        return Outcome(user, Changes(users=True, position_list=True, all_cases=True))

    def change_password(self, user: dbm.User, old: str, new: str) -> None:
        """A user changes their own password; a wrong old password counts as a failed log-in."""
        now = self.clock()
        fresh = self.get_by_id(user.id)
        wait = _remaining(fresh.locked_until, now)
        if wait:
            log_refusal(fresh, "ganti sandi", "diperlambat setelah percobaan gagal")
            raise LoginThrottled(wait)
        if not verify_password(old, fresh.password_hash):
            delay = self._count_failure(fresh, now)
            log_refusal(fresh, "ganti sandi", "kata sandi lama salah")
            if delay:
                raise LoginThrottled(delay, "Kata sandi lama salah")
            raise PermissionDenied("Kata sandi lama salah")
        if new == old:
            raise ValidationError("Kata sandi baru harus berbeda dari kata sandi lama")
        self._set_password(user, new)
        log.info("kata sandi %s diganti oleh pemiliknya", user.username)

    def reset_password(self, admin: dbm.User | None, user: dbm.User, new: str) -> Changes:
        """An administrator sets another user's password (and lifts any log-in slow-down)."""
        if getattr(admin, "role", None) != "administrator" or not getattr(admin, "active", True):
            log_refusal(admin, "atur ulang sandi", "bukan administrator")
            raise PermissionDenied("Hanya administrator yang dapat mengatur ulang kata sandi")
        self._set_password(user, new)
        log.info("kata sandi %s diatur ulang oleh %s", user.username,
                 getattr(admin, "username", "-"))
        return Changes(users=True)

    def _set_password(self, user: dbm.User, new: str) -> None:
        check_password_strength(new)
        user.password_hash = hash_password(new)
        user.failed_logins = 0
        user.locked_until = None
        with dbm.database.atomic():
            dbm.User.update(password_hash=user.password_hash, failed_logins=0,
                            locked_until=None).where(dbm.User.id == user.id).execute()

    def to_dict(self, user: dbm.User) -> dict[str, Any]:
        return {"username": user.username, "name": user.name, "nip": user.nip,
                "jabatan": user.jabatan, "role": user.role, "active": bool(user.active),
                "positions": self.position_names(user)}


def _remaining(until: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds from now until `until` (0 when past); never more than MAX_DELAY, so a
    clock set back does not lock anyone out for long."""
    if until is None or until <= now:
        return 0
    return min(MAX_DELAY, math.ceil((until - now).total_seconds()))


def is_staff(user: dbm.User | None) -> bool:
    """Operators and administrators record steps for others."""
    return getattr(user, "role", None) in ("operator", "administrator")


def now() -> dt.datetime:
    return dbm.now_local()
