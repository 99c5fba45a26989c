"""Office positions: every lane of every bundled SOP maps to exactly one position."""

from __future__ import annotations

import json
from collections import defaultdict

from sop_desktop.importers.library import load_bundled
from sop_desktop.services.positions import default_positions, normalize_name
from tests.conftest import run_cli


def test_no_lane_name_means_two_positions():
    owners = defaultdict(set)
    positions = default_positions()
    for info in positions:
        for alias in [info.name, *info.aliases]:
            owners[normalize_name(alias)].add(info.name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert len({p.name for p in positions}) == len(positions)


def test_every_bundled_lane_maps_to_exactly_one_position(services):
    index = defaultdict(list)
    for pos in services.positions.all():
        for alias in {normalize_name(a) for a in [pos.name, *(pos.aliases or [])]}:
            index[alias].append(pos.name)
    sops = services.sops.latest_all()
    assert len(sops) == 18
    for defn in sops:
        for lane in defn.lanes:
            pos = services.positions.position_for_lane(defn, lane.name)
            assert pos is not None, (defn.code, lane.name)
            # the lane's own name (or its pinned position) has one owner, never two
            assert len(index[normalize_name(lane.position or lane.name)]) == 1, (defn.code, lane.name)


def test_spelling_variants_of_the_seeds_resolve(services):
    resolve = services.positions.resolve
    for variant in ("KAKAN WIL", "Kakanwil", "Kakanwil HAM", "Ka.Kanwil Kumham"):
        assert resolve(variant).name == "Kepala Kantor Wilayah"
    for variant in ("Kadiv Yankumham", "KADIV YANKUM HAM", "Kadiv Yankum"):
        assert resolve(variant).name == "Kepala Divisi Pelayanan Hukum dan HAM"
    assert resolve("MASYA- RAKAT").name == resolve("Pemohon").name == "Masyarakat / Pemohon"
    assert resolve("KASUBBIT PELAYANAN PENGAJIAN DAN INFORMASI HAM") == \
        resolve("Kasubbid Pelayanan Pengkajian dan Informasi HAM")
    assert resolve("Kepala Seksi Yang Tidak Ada") is None


def test_ambiguous_lane_is_pinned_in_its_sop(services):
    skp = services.sops.get("SKP")
    lane = skp.lane_of("Kepala Divisi")
    # "Kepala Divisi" alone could be any division head: not an alias, pinned in the SOP file
    assert services.positions.resolve("Kepala Divisi") is None
    assert lane.position == "Kepala Divisi Administrasi"
    assert services.positions.position_for_lane(skp, "Kepala Divisi").name == "Kepala Divisi Administrasi"
    assert "Kepala Divisi Administrasi" in skp.notes


def test_external_parties_are_marked(services):
    external = {p.name: p.external for p in services.positions.all()}
    for name in ("Masyarakat / Pemohon", "Institusi Terkait", "Stakeholder Pelapor", "Gubernur",
                 "Bupati/Walikota", "Menteri Hukum dan HAM", "Tim Penilai", "Bappeda"):
        assert external[name] is True, name
    for name in ("Kepala Kantor Wilayah", "Kepala Subbagian Program dan Pelaporan",
                 "Petugas Yankomas", "Duta SIGAP"):
        assert external[name] is False, name


def test_cli_position_list_shows_the_lanes_of_several_sops(tmp_path):
    result = run_cli("--db", str(tmp_path / "baru.sqlite3"), "position", "list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    kakanwil = next(p for p in listing if p["name"] == "Kepala Kantor Wilayah")
    lanes = {(x["sop"], x["lane"]) for x in kakanwil["lanes"]}
    assert {("AKSI-HAM-PEMDA", "Kakanwil HAM"), ("KABKOTA-PEDULI-HAM", "Ka.Kanwil Kumham"),
            ("PAGU-ANGGARAN", "Kakanwil"), ("YANKOMAS-BENGKULU", "Kakanwil")} <= lanes
    assert len({sop for sop, _ in lanes}) >= 5 and kakanwil["external"] is False
    # every lane of the library is listed under exactly one position
    listed = [(x["sop"], x["lane"]) for p in listing for x in p["lanes"]]
    every = [(d.code, lane.name) for d in load_bundled() for lane in d.lanes]
    assert sorted(listed) == sorted(every)
