#!/usr/bin/env bash
# Inside run.sh's D-Bus session and virtual screen: the accessibility bus, the app (locked, on
# the test vault) and the probe. Reads python, work, marker and here from run.sh.
set -uo pipefail
/usr/libexec/at-spi-bus-launcher --launch-immediately &
bus=$!
sleep 1
QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 \
    "$python" -m caregiver_app --data-dir "$work/vault" >"$work/app.log" 2>&1 &
app=$!
status=0
/usr/bin/python3 "$here/probe.py" "Caregiver Companion" "$marker" || status=$?
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
kill "$bus" 2>/dev/null || true
if ((status)); then
    echo "--- the app's output:"; cat "$work/app.log"
fi
exit "$status"
