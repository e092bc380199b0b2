#!/usr/bin/env bash
# Run one command the way a Linux desktop would: on a virtual X screen (Xvfb), with a D-Bus
# session bus and an unlocked Secret Service keyring (gnome-keyring, "secrets" only), so Qt's xcb
# plugin and the keyring's SecretService backend are used for real, not faked.
#
#   installers/linux/desktop-session.sh COMMAND [ARGS...]
#
# The keyring lives in a throw-away folder and is unlocked with a random throw-away password;
# both are gone afterwards. Needs: xvfb xauth dbus-x11 gnome-keyring (Debian package names).
set -euo pipefail

if [[ "${1:-}" != "--inside" ]]; then
    for tool in xvfb-run dbus-run-session gnome-keyring-daemon; do
        command -v "$tool" >/dev/null || { echo "desktop-session.sh: $tool is missing (apt-get install xvfb xauth dbus-x11 gnome-keyring)" >&2; exit 2; }
    done
    exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$0" --inside "$@"
fi
shift
unset QT_QPA_PLATFORM  # the X server is real here: let Qt pick its xcb plugin as on a desktop

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p -m 0700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
# --unlock reads the password on stdin and creates the "login" keyring with it when none exists.
eval "$(head -c 24 /dev/urandom | base64 | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
"$@"
