#!/usr/bin/env bash
# Build the one-folder bundle on this system (Linux, macOS, or Windows in Git Bash):
#
#     installers/pyinstaller/build.sh [OUT]        # OUT defaults to dist/bundle
#
# A throw-away venv gets the build tools and a NON-editable install of the app (pip install .),
# the icons are made from resources/app-icon.svg, and PyInstaller writes OUT/caregiver-companion/
# (plus OUT/Caregiver Companion.app on macOS) and OUT/icons/. PYTHON picks the interpreter
# (default python3). Then run OUT/caregiver-companion/caregiver-app --self-test.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$repo/dist/bundle}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== build venv (non-editable install) in $work"
"$python" -m venv "$work/venv"
py="$work/venv/bin/python"
[[ -x "$py" ]] || py="$work/venv/Scripts/python.exe"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# A copy of the source, so the build leaves nothing (build/, *.egg-info) in the checkout.
mkdir "$work/src"
(cd "$repo" && git ls-files -z 2>/dev/null | xargs -0 -I{} cp --parents {} "$work/src/" 2>/dev/null) \
    || cp -R "$repo/caregiver_app" "$repo/pyproject.toml" "$repo/README.md" "$work/src/"
"$py" -m pip install -q -r "$repo/installers/pyinstaller/requirements-build.txt" "$work/src"

echo "== icons from resources/app-icon.svg"
rm -rf "$out/icons"
"$py" "$repo/installers/make_icons.py" "$out/icons" >/dev/null

echo "== PyInstaller"
rm -rf "$out/caregiver-companion" "$out/Caregiver Companion.app"
(cd "$work" && CAREGIVER_ICONS="$out/icons" "$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$out" --workpath "$work/pyi" "$repo/installers/pyinstaller/caregiver.spec")
echo "== bundle: $out/caregiver-companion ($(du -sh "$out/caregiver-companion" | cut -f1))"
