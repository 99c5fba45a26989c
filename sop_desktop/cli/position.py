"""`sop-desktop position ...`: the office positions and the SOP lanes that map to them."""

from __future__ import annotations

import argparse

from sop_desktop.cli import Context, Subparsers, print_json


def register(sub: Subparsers) -> None:
    group = sub.add_parser("position", help="jabatan dan nama pelaksana yang dipetakan")
    cmds = group.add_subparsers(dest="position_command", metavar="PERINTAH", required=True)
    lst = cmds.add_parser("list", help="daftar jabatan")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    services = ctx.services
    infos = services.positions.listing(services.sops.latest_all())
    if args.json:
        print_json([{k: v for k, v in i.to_dict().items() if k != "external"} | {"external": i.external}
                    for i in infos])
        return 0
    for info in infos:
        lanes = ", ".join(f"{x['sop']}:{x['lane']}" for x in info.lanes) or "-"
        print(f"{info.name}\n  alias: {', '.join(info.aliases) or '-'}\n  pelaksana: {lanes}")
    return 0
