#!/usr/bin/env bash
# Measure how long Caregiver Companion takes to start: the --self-test's own time, and the time
# from starting the program to its first window on screen (mapped and visible, i.e. first paint;
# on a fresh data folder that window is the set-up wizard). Runs on a virtual screen.
#
#     installers/linux/measure-start.sh PROGRAM [RUNS]     # e.g. .venv/bin/caregiver-app 5
# Needs xdotool besides what desktop-session.sh needs. Prints the median and all runs, in ms.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${1:-}" != "--inside" ]]; then
    exec "$here/desktop-session.sh" "$0" --inside "$@"
fi
program="$2"
runs="${3:-5}"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
window_times=() test_times=()
for _ in $(seq "$runs"); do
    data="$(mktemp -d)"
    start=$(ms)
    "$program" --data-dir "$data" >/dev/null 2>&1 &
    pid=$!
    # Poll every 20 ms (xdotool's own --sync waits in half-second steps).
    until xdotool search --onlyvisible --name "Caregiver Companion" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "measure-start.sh: the program ended before showing a window" >&2; exit 1; }
        sleep 0.02
    done
    window_times+=($(( $(ms) - start )))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
    start=$(ms)
    "$program" --self-test >/dev/null
    test_times+=($(( $(ms) - start )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first window: median $(median "${window_times[@]}") ms (runs: ${window_times[*]})"
echo "self-test:    median $(median "${test_times[@]}") ms (runs: ${test_times[*]})"
