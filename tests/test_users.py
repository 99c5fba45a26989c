"""Users: scrypt passwords at OWASP strength, roles, positions, sign-in."""

from __future__ import annotations

import base64

import pytest

from sop_desktop import db as dbm
from sop_desktop import users as users_mod
from sop_desktop.errors import PermissionDenied, ValidationError


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
