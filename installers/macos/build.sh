#!/usr/bin/env bash
# Build, self-test, sign, notarize and package Caregiver Companion on a Mac.
#
#     installers/macos/build.sh                   # unsigned: dist/caregiver-companion-VERSION-macos.dmg
#     DEVELOPER_ID="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=caregiver \
#         installers/macos/build.sh               # signed, notarized and stapled
#
# NOTARY_PROFILE is a notarytool keychain profile made once on that Mac with
#   xcrun notarytool store-credentials caregiver --apple-id ID --team-id TEAMID
# (it asks for an app-specific password; nothing secret goes in this repository).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$repo/pyproject.toml")"
app="$repo/dist/bundle/Caregiver Companion.app"
dmg="$repo/dist/caregiver-companion-$version-macos.dmg"

"$repo/installers/pyinstaller/build.sh" "$repo/dist/bundle"
echo "== self-test of the bundle"
"$app/Contents/MacOS/caregiver-app" --self-test > "$repo/dist/self-test-macos.json"

if [[ -n "${DEVELOPER_ID:-}" ]]; then
    "$here/sign-notarize.sh" app "$app"
fi
python3 -m pip install -q "dmgbuild==1.6.7"
rm -f "$dmg"
python3 -m dmgbuild -s "$here/dmg_settings.py" -D app="$app" "Caregiver Companion" "$dmg"
if [[ -n "${DEVELOPER_ID:-}" ]]; then
    "$here/sign-notarize.sh" dmg "$dmg"
fi
echo "== $dmg"
