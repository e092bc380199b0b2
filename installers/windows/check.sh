#!/usr/bin/env bash
# Prove the Windows installer script compiles: makensis (Debian package nsis) builds it around a
# placeholder payload shaped like the real bundle, with warnings treated as errors. The real
# installer is built on a Windows runner (.github/workflows/release.yml) around the real bundle.
#
#     installers/windows/check.sh [ICON.ico]     # default: dist/bundle/icons/caregiver-companion.ico if built
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
command -v makensis >/dev/null || { echo "check.sh: makensis is missing (apt-get install nsis)" >&2; exit 2; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

payload="$scratch/caregiver-companion"
mkdir -p "$payload/_internal"
printf 'placeholder for caregiver-app.exe\n' > "$payload/caregiver-app.exe"
printf 'placeholder for caregiver-cli.exe\n' > "$payload/caregiver-cli.exe"
printf 'placeholder for the bundle\n' > "$payload/_internal/placeholder.txt"

icon="${1:-$repo/dist/bundle/icons/caregiver-companion.ico}"
icon_arg=()
if [[ -f "$icon" ]]; then icon_arg=("-DICON=$icon"); else echo "check.sh: no icon at $icon, compiling without one"; fi
version="$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$repo/pyproject.toml")"

makensis -V2 -WX -NOCD "-DBUNDLE=$payload" "-DVERSION=$version" "${icon_arg[@]}" \
    "-DOUTFILE=$scratch/caregiver-companion-$version-setup.exe" "$here/caregiver-companion.nsi"
[[ -s "$scratch/caregiver-companion-$version-setup.exe" ]] || { echo "check.sh: makensis wrote no installer" >&2; exit 1; }
echo "== the NSIS script compiles ($(du -h "$scratch/caregiver-companion-$version-setup.exe" | cut -f1) placeholder installer; English and Spanish)"
