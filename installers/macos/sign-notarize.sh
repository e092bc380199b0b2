#!/usr/bin/env bash
# Sign inside-out with the hardened runtime, notarize with notarytool, and staple. Run on a Mac
# with the maintainer's "Developer ID Application" identity in the login keychain.
#
#     DEVELOPER_ID="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=caregiver \
#         installers/macos/sign-notarize.sh app "dist/bundle/Caregiver Companion.app"
#     ... installers/macos/sign-notarize.sh dmg dist/caregiver-companion-VERSION-macos.dmg
#
# "app": every Mach-O file inside (libraries and Python extensions first, then the frameworks,
# then the main program, then the bundle itself, each after what it contains), verified, sent to
# Apple as a zip, and the ticket stapled to the app so it opens offline too.
# "dmg": the disk image signed, notarized and stapled (its app is already signed and stapled).
set -euo pipefail

kind="${1:?app or dmg}"
target="${2:?the .app or .dmg}"
: "${DEVELOPER_ID:?set DEVELOPER_ID to the Developer ID Application identity}"
: "${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}"
here="$(cd "$(dirname "$0")" && pwd)"
entitlements="$here/entitlements.plist"

sign() {
    codesign --force --timestamp --options runtime --entitlements "$entitlements" --sign "$DEVELOPER_ID" "$@"
}

notarize() {
    xcrun notarytool submit "$1" --keychain-profile "$NOTARY_PROFILE" --wait --timeout 30m
}

case "$kind" in
app)
    echo "== signing the libraries and extensions inside $(basename "$target")"
    # Every Mach-O file first; then the frameworks that hold them (-depth: an inner framework
    # before the one around it); then the program; then the app, which seals all of it.
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
    done < <(find "$target/Contents" -type f ! -path "*/MacOS/caregiver-app" -print0)
    echo "== signing the frameworks"
    while IFS= read -r -d '' framework; do sign "$framework"; done \
        < <(find "$target/Contents" -depth -type d -name "*.framework" -print0)
    echo "== signing the program and the app"
    sign "$target/Contents/MacOS/caregiver-app"
    sign "$target"
    codesign --verify --deep --strict --verbose=2 "$target"
    echo "== notarizing the app"
    zip="$(mktemp -d)/app.zip"
    ditto -c -k --keepParent "$target" "$zip"
    notarize "$zip"
    xcrun stapler staple "$target"
    spctl --assess --type execute --verbose "$target"
    ;;
dmg)
    echo "== signing, notarizing and stapling $(basename "$target")"
    codesign --force --timestamp --sign "$DEVELOPER_ID" "$target"
    notarize "$target"
    xcrun stapler staple "$target"
    spctl --assess --type open --context context:primary-signature --verbose "$target"
    ;;
*)
    echo "sign-notarize.sh: the first word is app or dmg" >&2
    exit 2
    ;;
esac
