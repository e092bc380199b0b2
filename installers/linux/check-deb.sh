#!/usr/bin/env bash
# Prove a built .deb: unpack it into a scratch root (dpkg -x: nothing is installed on this
# computer), check its layout, validate its menu entry and metainfo as installed, and run the
# installed launcher's --self-test on a virtual screen with a D-Bus session and a real, unlocked
# Secret Service keyring (installers/linux/desktop-session.sh). The report must be complete, on
# Qt's X11 plugin, with the SecretService keyring backend and a keyring round trip.
#
#     installers/linux/check-deb.sh [dist/caregiver-companion_*.deb]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
deb="${1:-$(ls "$repo"/dist/caregiver-companion_*.deb | head -n 1)}"
[[ -f "$deb" ]] || { echo "check-deb.sh: no .deb found (run installers/linux/build.sh first)" >&2; exit 1; }
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

echo "== unpacking $(basename "$deb") into a scratch root"
dpkg-deb --info "$deb" >/dev/null
dpkg -x "$deb" "$root"
for path in usr/bin/caregiver-app opt/caregiver-companion/caregiver-app opt/caregiver-companion/caregiver-cli \
        usr/share/applications/caregiver-companion.desktop \
        usr/share/metainfo/org.caregivercompanion.CaregiverCompanion.metainfo.xml \
        usr/share/icons/hicolor/scalable/apps/caregiver-companion.svg; do
    [[ -e "$root/$path" ]] || { echo "check-deb.sh: the package has no /$path" >&2; exit 1; }
done
# The Spanish catalog and Qt's own Spanish (its dialogs' buttons) are in the bundle.
find "$root/opt/caregiver-companion" -path "*caregiver_app/i18n/locale/es/LC_MESSAGES/caregiver.mo" | grep -q . \
    || { echo "check-deb.sh: the bundle has no Spanish catalog (caregiver.mo)" >&2; exit 1; }
find "$root/opt/caregiver-companion" -name "qtbase_es.qm" | grep -q . \
    || { echo "check-deb.sh: the bundle has no qtbase_es.qm (Qt's Spanish)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256 512; do
    [[ -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/caregiver-companion.png" ]] \
        || { echo "check-deb.sh: no ${size}x${size} icon" >&2; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/caregiver-companion.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.caregivercompanion.CaregiverCompanion.metainfo.xml" >/dev/null

echo "== installed size: $(du -sh "$root" | cut -f1)"
echo "== running the installed program's --self-test (Xvfb, D-Bus, gnome-keyring)"
report="$root/self-test.json"
start=$(date +%s%N)
"$here/desktop-session.sh" "$root/usr/bin/caregiver-app" --self-test > "$report"
end=$(date +%s%N)
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print(json.dumps({k: v for k, v in report.items() if k != "qt"}, indent=1))
print("qt:", json.dumps({k: v for k, v in report["qt"].items() if k != "image_formats"}))
problems = []
if not report["ok"]:
    problems.append(f"missing: {report['missing']}")
if not report["frozen"]:
    problems.append("the program that ran is not the bundle")
if report["keyring_backend"] != "keyring.backends.SecretService.Keyring":
    problems.append(f"keyring backend is {report['keyring_backend']}, not SecretService")
if report["keyring_roundtrip"] is not True:
    problems.append("the keyring did not keep and give back a key")
if report.get("catalog_es") != "Resumen para la consulta":
    problems.append(f"the Spanish catalog did not speak: {report.get('catalog_es')!r}")
if report["qt"].get("platform") != "xcb":
    problems.append(f"Qt platform is {report['qt'].get('platform')}, not xcb")
if problems:
    sys.exit("check-deb.sh: " + "; ".join(problems))
PY
echo "== self-test passed in $(( (end - start) / 1000000 )) ms (wall clock, including Xvfb, D-Bus and keyring start)"
