#!/usr/bin/env bash
# Build the Linux packages:
#
#     installers/linux/build.sh                 # builds the bundle first (installers/pyinstaller/build.sh)
#     installers/linux/build.sh --bundle DIR    # packages a bundle already built into DIR
#
# Writes dist/caregiver-companion_VERSION_ARCH.deb (the app under /opt/caregiver-companion, the
# launcher /usr/bin/caregiver-app, the menu entry, hicolor icons and AppStream metainfo) and
# dist/caregiver-companion-VERSION-linux-ARCH.tar.gz (the same folder, to unpack anywhere).
# The .desktop and metainfo files are validated first (desktop-file-validate,
# appstreamcli validate --no-net); a file that does not pass stops the build.
# Needs: dpkg-deb, desktop-file-utils, appstream.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dist="$repo/dist"
app_id="org.caregivercompanion.CaregiverCompanion"
name="caregiver-companion"

bundle="$dist/bundle"
if [[ "${1:-}" == "--bundle" ]]; then
    bundle="$(cd "${2:?--bundle needs a folder}" && pwd)"
else
    "$repo/installers/pyinstaller/build.sh" "$bundle"
fi
[[ -x "$bundle/$name/caregiver-app" ]] || { echo "build.sh: no bundle in $bundle/$name" >&2; exit 1; }
[[ -d "$bundle/icons/hicolor" ]] || { echo "build.sh: no icons in $bundle/icons" >&2; exit 1; }

echo "== validating the menu entry and the AppStream metainfo"
desktop-file-validate "$here/$name.desktop"
appstreamcli validate --no-net "$here/$app_id.metainfo.xml"

version="$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$repo/pyproject.toml")"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/root"

echo "== staging $name $version ($arch)"
install -d "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
    "$root/usr/share/icons" "$root/usr/share/doc/$name" "$root/DEBIAN"
cp -a "$bundle/$name" "$root/opt/$name"
ln -s "../../opt/$name/caregiver-app" "$root/usr/bin/caregiver-app"  # relative: works in any root
install -m 0644 "$here/$name.desktop" "$root/usr/share/applications/$name.desktop"
install -m 0644 "$here/$app_id.metainfo.xml" "$root/usr/share/metainfo/$app_id.metainfo.xml"
cp -a "$bundle/icons/hicolor" "$root/usr/share/icons/hicolor"
install -m 0644 "$here/copyright" "$root/usr/share/doc/$name/copyright"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -perm -u+x -exec chmod 0644 {} +
find "$root" -type f -perm -u+x -exec chmod 0755 {} +

installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
# The bundle carries Qt and Python; these are the system libraries Qt's X11 plugin and the
# keyring still take from the computer.
# The bundled libraries were linked against this machine's C library: no older one will do.
libc="$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" -e "s/@LIBC@/$libc/" \
    "$here/control.in" > "$root/DEBIAN/control"

mkdir -p "$dist"
deb="$dist/${name}_${version}_${arch}.deb"
tarball="$dist/$name-$version-linux-$arch.tar.gz"
echo "== writing $deb and $tarball (side by side: each is one core's gzip)"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null &
deb_job=$!
tar -C "$bundle" --owner=0 --group=0 -czf "$tarball" "$name"
wait "$deb_job"
echo "== done: $(du -h "$deb" | cut -f1) .deb, $(du -h "$tarball" | cut -f1) .tar.gz, installed size $((installed_kb / 1024)) MiB"
