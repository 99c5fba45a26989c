"""Users: scrypt passwords at OWASP strength, roles, positions, sign-in."""

from __future__ import annotations

import base64

import pytest

from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services import users as users_mod
from sop_desktop.storage import db as dbm
from tests.core.users_support import FakeClock


@pytest.mark.real_scrypt  # the production cost itself: the suite's cheap hashing stays off
def test_password_hash_has_owasp_strength_and_verifies():
    stored = users_mod.hash_password("kata-sandi-kuat")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2 ** 17, 8, 1)
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert users_mod.verify_password("kata-sandi-kuat", stored)
    assert not users_mod.verify_password("kata-sandi-lain", stored)
    cheap = [users_mod.hash_password("kata-sandi-kuat", n=2 ** 10) for _ in range(2)]
    assert cheap[0] != cheap[1]  # a fresh salt each time
    assert not users_mod.verify_password("x", "bukan-hash")


@pytest.fixture
def cheap(monkeypatch):
    monkeypatch.setattr(users_mod, "SCRYPT_N", 2 ** 10)


def test_create_authenticate_and_positions(services, cheap):
    services.positions.save("Kepala Seksi Uji", [])
    services.positions.save("Petugas Uji", [])
    users = services.users
    user = users.create("budi", "Budi Santoso", "rahasia-123", "pejabat",
                        nip="198001012005011001", jabatan="Kepala Seksi",
                        positions=["Kepala Seksi Uji"])
    assert users.authenticate("budi", "rahasia-123").id == user.id
    with pytest.raises(PermissionDenied, match="salah"):
        users.authenticate("budi", "keliru-123")
    assert users.get("budi").failed_logins == 1
    with pytest.raises(PermissionDenied, match="salah"):
        users.authenticate("tidakada", "apapun-123")
    users.authenticate("budi", "rahasia-123")
    assert users.get("budi").failed_logins == 0
    assert users.set_positions(user, ["Petugas Uji", "Kepala Seksi Uji"]) == [
        "Kepala Seksi Uji", "Petugas Uji"]
    assert [u.username for u in users.holders(services.positions.get("Petugas Uji"))] == ["budi"]
    assert users.to_dict(user)["positions"] == ["Kepala Seksi Uji", "Petugas Uji"]
    assert dbm.Refusal.select().where(dbm.Refusal.action == "masuk").count() == 2


@pytest.mark.parametrize("kwargs,message", [
    ({"username": "a b"}, "tidak valid"),
    ({"name": " "}, "wajib"),
    ({"role": "raja"}, "Peran"),
    ({"nip": "123"}, "18 angka"),
    ({"password": "pendek"}, "minimal"),
    ({"positions": ["Jabatan Entah"]}, "tidak dikenal"),
])
def test_create_refuses_bad_input(services, cheap, kwargs, message):
    args = {"username": "budi", "name": "Budi", "password": "rahasia-123", "role": "operator"}
    args |= kwargs
    positions = args.pop("positions", None)
    with pytest.raises(Exception) as err:
        services.users.create(args["username"], args["name"], args["password"], args["role"],
                              nip=args.get("nip", ""), positions=positions)
    assert message in str(err.value)
    assert dbm.User.select().count() == 0


def test_duplicate_username_refused(services, cheap):
    services.users.create("budi", "Budi", "rahasia-123", "operator")
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.users.create("budi", "Budi Lain", "rahasia-123", "operator")


def test_change_and_reset_password(services, cheap):
    users = services.users
    admin = users.create("admin", "Admin", "rahasia-123", "administrator")
    budi = users.create("budi", "Budi", "rahasia-123", "operator")
    with pytest.raises(PermissionDenied):
        users.change_password(budi, "salah-lama", "baru-12345")
    users.change_password(budi, "rahasia-123", "baru-12345")
    assert users.authenticate("budi", "baru-12345")
    with pytest.raises(PermissionDenied):
        users.reset_password(budi, admin, "diambil-alih")
    users.reset_password(admin, budi, "setel-ulang-1")
    assert users.authenticate("budi", "setel-ulang-1")
    users.update(budi, active=False)
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        users.authenticate("budi", "setel-ulang-1")


# -- log-in slow-down, password changes, who may add users, nothing secret in the logs ---------

@pytest.fixture
def clock(services):
    fake = FakeClock()
    services.users.clock = fake
    return fake


def test_login_slows_down_after_repeated_failures(services, cheap, clock):
    users = services.users
    users.create("budi", "Budi", "rahasia-123", "operator")
    for _ in range(users_mod.FREE_ATTEMPTS - 1):
        with pytest.raises(PermissionDenied) as err:
            users.authenticate("budi", "keliru-123")
        assert not isinstance(err.value, users_mod.LoginThrottled)
    assert users.login_wait("budi") == 0
    with pytest.raises(users_mod.LoginThrottled) as err:  # the third failure starts the lock
        users.authenticate("budi", "keliru-123")
    first = err.value.seconds
    assert first == users_mod.BASE_DELAY > 0
    assert "salah" in str(err.value)
    assert f"Terlalu banyak percobaan. Coba lagi dalam {first} detik." in str(err.value)
    # while locked even the right password is refused, and the lock is in the database
    clock.advance(first - 1)
    with pytest.raises(users_mod.LoginThrottled, match="Coba lagi dalam 1 detik"):
        users.authenticate("budi", "rahasia-123")
    other = users_mod.UserService(services.positions, clock=clock)  # another process
    assert other.login_wait("budi") == 1
    row = users.get("budi")
    assert row.failed_logins == users_mod.FREE_ATTEMPTS and row.locked_until is not None
    # after the wait one more failure doubles the delay, up to the cap
    clock.advance(1)
    with pytest.raises(users_mod.LoginThrottled) as err:
        users.authenticate("budi", "keliru-123")
    assert err.value.seconds == 2 * first
    seen = [first, 2 * first]
    for _ in range(10):
        clock.advance(seen[-1])
        with pytest.raises(users_mod.LoginThrottled) as err:
            users.authenticate("budi", "keliru-123")
        seen.append(err.value.seconds)
    assert seen == sorted(seen) and seen[-1] == users_mod.MAX_DELAY
    # a clock set back never locks anyone out for longer than the cap
    clock.advance(-3600)
    assert users.login_wait("budi") == users_mod.MAX_DELAY
    clock.advance(3600 + users_mod.MAX_DELAY)
    assert users.authenticate("budi", "rahasia-123").username == "budi"
    row = users.get("budi")
    assert row.failed_logins == 0 and row.locked_until is None
    refused = [r.reason for r in dbm.Refusal.select().where(dbm.Refusal.action == "masuk")]
    assert any("diperlambat" in r for r in refused)


def test_unknown_names_slow_down_the_same_way(services, cheap, clock):
    users = services.users
    messages = []
    for _ in range(users_mod.FREE_ATTEMPTS):
        with pytest.raises(PermissionDenied) as err:
            users.authenticate("tidakada", "apapun-123")
        messages.append(str(err.value))
    assert "Terlalu banyak percobaan" in messages[-1]  # no hint that the name does not exist
    assert users.login_wait("tidakada") == users_mod.BASE_DELAY
    assert users.login_wait("lainnya") == 0  # per name


def test_login_delay_schedule():
    delays = [users_mod.login_delay(n) for n in range(0, 40)]
    assert delays[:users_mod.FREE_ATTEMPTS] == [0] * users_mod.FREE_ATTEMPTS
    growing = delays[users_mod.FREE_ATTEMPTS:]
    assert growing == sorted(growing) and growing[0] > 0 and growing[-1] == users_mod.MAX_DELAY


def test_change_password_checks_old_one_and_counts_failures(services, cheap, clock):
    users = services.users
    admin = users.create("admin", "Admin", "rahasia-123", "administrator")
    budi = users.create("budi", "Budi", "rahasia-123", "operator")
    with pytest.raises(ValidationError, match="berbeda"):
        users.change_password(budi, "rahasia-123", "rahasia-123")
    with pytest.raises(ValidationError, match="minimal"):
        users.change_password(budi, "rahasia-123", "pendek")
    for _ in range(users_mod.FREE_ATTEMPTS - 1):
        with pytest.raises(PermissionDenied, match="lama salah"):
            users.change_password(budi, "keliru-lama", "baru-12345")
    with pytest.raises(users_mod.LoginThrottled):
        users.change_password(budi, "keliru-lama", "baru-12345")
    with pytest.raises(users_mod.LoginThrottled):  # locked: the right old password waits too
        users.change_password(budi, "rahasia-123", "baru-12345")
    # an administrator's reset lifts the slow-down at once
    users.reset_password(admin, budi, "setel-ulang-1")
    assert users.login_wait("budi") == 0
    assert users.authenticate("budi", "setel-ulang-1").id == budi.id
    users.change_password(budi, "setel-ulang-1", "punya-sendiri-2")
    assert users.authenticate("budi", "punya-sendiri-2").id == budi.id
    with pytest.raises(PermissionDenied, match="administrator"):
        users.reset_password(budi, admin, "diambil-alih-1")
    assert users.authenticate("admin", "rahasia-123").id == admin.id
    assert dbm.Refusal.select().where((dbm.Refusal.action == "atur ulang sandi") &
                                      (dbm.Refusal.username == "budi")).count() == 1


def test_only_administrators_add_users_once_one_exists(services, cheap):
    users = services.users
    first = users.create("admin", "Admin Pertama", "rahasia-123", "administrator", by=None)
    with pytest.raises(PermissionDenied, match="administrator"):
        users.create("siti", "Siti", "rahasia-123", "operator", by=None)
    op = users.create("op", "Operator", "rahasia-123", "operator", by=first)
    with pytest.raises(PermissionDenied, match="Hanya administrator"):
        users.create("siti", "Siti", "rahasia-123", "operator", by=op)
    users.create("siti", "Siti", "rahasia-123", "operator", by=first)
    assert [u.username for u in users.list()] == ["admin", "op", "siti"]
    refused = list(dbm.Refusal.select().where(dbm.Refusal.action == "tambah pengguna"))
    assert [(r.username, r.reason) for r in refused] == [("", "tanpa administrator"),
                                                         ("op", "bukan administrator")]
    # with every administrator deactivated, a new first one may be made again (recovery)
    users.update(first, active=False)
    users.create("admin2", "Admin Baru", "rahasia-123", "administrator", by=None)


def test_passwords_never_reach_the_log(services, cheap, clock, caplog):
    import logging

    users = services.users
    users.create("budi", "Budi", "rahasia-123", "operator")
    secret = "Sangat-Rahasia-77"
    # the app's own loggers at their most verbose (peewee's SQL debug log is never switched on:
    # it prints query parameters)
    with caplog.at_level(logging.DEBUG, logger="sop_desktop"):
        for name, password in (("budi", secret), (secret, "apa-saja-123"), ("budi", secret),
                               ("budi", secret), ("budi", secret)):
            with pytest.raises(PermissionDenied):  # the password typed in the name box too
                users.authenticate(name, password)
        with pytest.raises(PermissionDenied):
            users.change_password(users.get("budi"), secret, "baru-baru-1")
    assert caplog.records and all(secret not in r.getMessage() for r in caplog.records)
    assert secret not in caplog.text
    for row in dbm.Refusal.select():
        assert secret not in f"{row.username} {row.action} {row.reason}"


def test_cli_user_admin_commands(services, db_path):
    from tests.conftest import run_cli

    services.close()
    db = str(db_path)

    def cli(*args, password=None, input=None):
        env = {"SOP_DESKTOP_PASSWORD": password} if password is not None else None
        return run_cli("--db", db, "user", *args, env=env, input=input)

    def fails(result, text):
        assert result.returncode == 1, result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Kesalahan:") and text in lines[0], lines

    # the very first user needs nobody's permission (setup); then an administrator must act
    r = cli("add", "admin", "--name", "Admin", "--role", "administrator", input="admin-sandi-1\n")
    assert r.returncode == 0, r.stderr
    fails(cli("add", "siti", "--name", "Siti", "--role", "operator", input="siti-sandi-1\n"),
          "administrator")
    r = cli("add", "siti", "--name", "Siti", "--role", "operator", "--as", "admin",
            password="admin-sandi-1", input="siti-sandi-1\n")
    assert r.returncode == 0, r.stderr
    fails(cli("add", "joko", "--name", "Joko", "--role", "operator", "--as", "siti",
              password="siti-sandi-1", input="joko-sandi-1\n"), "Hanya administrator")
    # own password: old from the environment, new from standard input
    fails(cli("passwd", "--as", "siti", password="keliru-sandi", input="baru-sandi-2\n"), "salah")
    r = cli("passwd", "--as", "siti", password="siti-sandi-1", input="baru-sandi-2\n")
    assert r.returncode == 0, r.stderr
    # an administrator resets it; a non-administrator may not
    fails(cli("reset-password", "admin", "--as", "siti", password="baru-sandi-2",
              input="ambil-alih-1\n"), "administrator")
    r = cli("reset-password", "siti", "--as", "admin", password="admin-sandi-1",
            input="dari-admin-3\n")
    assert r.returncode == 0, r.stderr
    fails(cli("reset-password", "siti", "--as", "admin", password="admin-sandi-1", input="\n"),
          "kosong")
    from sop_desktop.services.container import Services

    with Services(db, seed=False) as svc:
        assert svc.users.authenticate("siti", "dari-admin-3").username == "siti"
        assert svc.users.authenticate("admin", "admin-sandi-1").username == "admin"
        assert [u.username for u in svc.users.list()] == ["admin", "siti"]
        actions = [r.action for r in dbm.Refusal.select()]
        assert actions.count("tambah pengguna") == 2 and "atur ulang sandi" in actions
