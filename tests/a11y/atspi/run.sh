#!/usr/bin/env bash
# The AT-SPI check (CI): the real app under a virtual screen and its own D-Bus session, with Qt's
# accessibility bridge on, opened locked on a test vault in /tmp; a small AT-SPI client
# (probe.py) must find its window on the accessibility bus with named controls, and none of the
# journal's words. Needs Debian's xvfb, xauth, dbus, at-spi2-core and python3-pyatspi. Bounded:
# the app is stopped after the probe, and the whole run is cut at 60 s.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
work="$(mktemp -d /tmp/caregiver-atspi.XXXXXX)"
trap 'rm -rf "$work"' EXIT
marker="Marker-$RANDOM-private-words"
"$python" "$here/make_vault.py" "$work/vault" "$marker" >/dev/null

export python work marker here
timeout 60 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash "$here/inside.sh"
