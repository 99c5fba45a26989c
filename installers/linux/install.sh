#!/bin/sh
# Per-user install of the SOP Desktop Linux bundle (no root needed).
#
#   ./install.sh               install the bundle beside this script (the release archive) or
#                              dist/sop-desktop/ (a source checkout after installers/build.py)
#   ./install.sh FOLDER        install the bundle in FOLDER
#   ./install.sh --uninstall   remove the program, its menu entry and icon
#
# The program goes to ~/.local/opt/sop-desktop, a link to ~/.local/bin/sop-desktop, the menu
# entry to ~/.local/share/applications and the icon to the hicolor theme. The office's data
# (~/.local/share/SOPDesktop: database, backups, attachments) is never touched, also not by
# --uninstall.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
dest="$prefix/opt/sop-desktop"
apps="${XDG_DATA_HOME:-$prefix/share}/applications"
icons="${XDG_DATA_HOME:-$prefix/share}/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$dest"
    rm -f "$prefix/bin/sop-desktop" "$apps/sop-desktop.desktop" "$icons/sop-desktop.png"
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
    echo "SOP Desktop dihapus. Data kantor di ~/.local/share/SOPDesktop tetap ada."
    exit 0
fi

src="${1:-}"
if [ -z "$src" ]; then
    for candidate in "$here/sop-desktop" "$here/../../dist/sop-desktop"; do
        if [ -x "$candidate/sop-desktop" ]; then src="$candidate"; break; fi
    done
fi
if [ -z "$src" ] || [ ! -x "$src/sop-desktop" ]; then
    echo "Bundel SOP Desktop tidak ditemukan (bangun dengan: python installers/build.py)" >&2
    exit 1
fi
src=$(cd "$src" && pwd)

mkdir -p "$prefix/opt" "$prefix/bin" "$apps" "$icons"
rm -rf "$dest.new"
cp -a "$src" "$dest.new"
rm -rf "$dest"
mv "$dest.new" "$dest"
ln -sf "$dest/sop-desktop" "$prefix/bin/sop-desktop"
cp "$here/sop-desktop.png" "$icons/sop-desktop.png"
# the menu entry starts the program by its full path (~/.local/bin is not always on the PATH
# of a desktop session)
sed "s|^Exec=.*|Exec=$dest/sop-desktop|" "$here/sop-desktop.desktop" > "$apps/sop-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true

echo "SOP Desktop terpasang di $dest"
"$dest/sop-desktop" --version
echo "Uji: QT_QPA_PLATFORM=offscreen $prefix/bin/sop-desktop --self-test"
