"""Users, their roles and the positions they hold; passwords hashed with scrypt.

Roles: administrator (manages users, reopens stopped cases, also works as an operator),
operator (a clerk: opens cases and records steps on behalf of officials and of the public),
pejabat (an official: acts on the steps of the positions they hold).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
import re

from sop_desktop import db as dbm
from sop_desktop.errors import NotFound, PermissionDenied, ValidationError

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


def log_refusal(user, action: str, reason: str, case=None) -> None:
    """Record a refused action in the `refusal` table and the log (deny by default)."""
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


class UserService:
    """Create, authenticate and manage users and the positions they hold."""

    def __init__(self, positions):
        self.positions = positions

    def create(self, username: str, name: str, password: str, role: str = "pejabat", *,
               nip: str = "", jabatan: str = "", positions: list[str] | None = None,
               password_hash: str | None = None) -> dbm.User:
        """A new user; `password_hash` lets bulk tools (demo) reuse one computed hash."""
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
        """The user, when the password is right; one message for every failure (no hints)."""
        user = dbm.User.get_or_none(dbm.User.username == (username or "").strip())
        if user is None:
            verify_password(password, _dummy_hash())  # the same work as for a real user
            log_refusal(None, "masuk", f"pengguna '{username}' tidak dikenal")
            raise PermissionDenied("Nama pengguna atau kata sandi salah")
        if not user.active:
            log_refusal(user, "masuk", "pengguna nonaktif")
            raise PermissionDenied(f"Pengguna '{user.username}' sudah dinonaktifkan")
        if not verify_password(password, user.password_hash):
            with dbm.database.atomic():
                dbm.User.update(failed_logins=dbm.User.failed_logins + 1).where(
                    dbm.User.id == user.id).execute()
            log_refusal(user, "masuk", "kata sandi salah")
            raise PermissionDenied("Nama pengguna atau kata sandi salah")
        if user.failed_logins:
            with dbm.database.atomic():
                dbm.User.update(failed_logins=0).where(dbm.User.id == user.id).execute()
        return user

    def position_names(self, user) -> list[str]:
        query = (dbm.Position.select(dbm.Position.name).join(dbm.UserPosition)
                 .where(dbm.UserPosition.user == user).order_by(dbm.Position.name))
        return [p.name for p in query]

    def position_ids(self, user) -> set[int]:
        query = dbm.UserPosition.select(dbm.UserPosition.position).where(
            dbm.UserPosition.user == user)
        return {row.position_id for row in query}

    def holders(self, position) -> list[dbm.User]:
        """Active users who hold a position."""
        return list(dbm.User.select().join(dbm.UserPosition)
                    .where((dbm.UserPosition.position == position) & (dbm.User.active == True))  # noqa: E712
                    .order_by(dbm.User.name))

    def set_positions(self, user, positions: list[str]) -> list[str]:
        resolved = [self.positions.get(p) for p in positions]
        with dbm.database.atomic():
            dbm.UserPosition.delete().where(dbm.UserPosition.user == user).execute()
            for pos in resolved:
                dbm.UserPosition.get_or_create(user=user, position=pos)
        return self.position_names(user)

    def update(self, user, *, name: str | None = None, nip: str | None = None,
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
        with dbm.database.atomic():
            user.save()
        return user

    def change_password(self, user, old: str, new: str) -> None:
        if not verify_password(old, user.password_hash):
            log_refusal(user, "ganti sandi", "kata sandi lama salah")
            raise PermissionDenied("Kata sandi lama salah")
        self._set_password(user, new)

    def reset_password(self, admin, user, new: str) -> None:
        """An administrator sets another user's password."""
        if getattr(admin, "role", None) != "administrator":
            log_refusal(admin, "atur ulang sandi", "bukan administrator")
            raise PermissionDenied("Hanya administrator yang dapat mengatur ulang kata sandi")
        self._set_password(user, new)

    def _set_password(self, user, new: str) -> None:
        check_password_strength(new)
        user.password_hash = hash_password(new)
        user.failed_logins = 0
        user.locked_until = None
        with dbm.database.atomic():
            user.save()

    def to_dict(self, user) -> dict:
        return {"username": user.username, "name": user.name, "nip": user.nip,
                "jabatan": user.jabatan, "role": user.role, "active": bool(user.active),
                "positions": self.position_names(user)}


def is_staff(user) -> bool:
    """Operators and administrators record steps for others."""
    return getattr(user, "role", None) in ("operator", "administrator")


def now() -> dt.datetime:
    return dbm.now_local()
